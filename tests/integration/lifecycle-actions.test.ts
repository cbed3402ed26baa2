// The lifecycle email actions as an attacker would call them: the admins' switch refuses a
// visitor, a member, a coach and a forged cookie, and refuses a kind that does not exist;
// the unsubscribe button refuses a bad token or category with one message that says
// nothing about anyone; the account form's checkboxes mute exactly the unticked kinds.
import { describe, expect, it, vi } from 'vitest';
import { idleResult } from '@/lib/viewer/action-result';
import { appTestDatabase, formOf as form, sessionCookieFor } from '../helpers/action-caller';
import { testDatabaseKind } from '../helpers/database';

const SECRET = vi.hoisted(() => 'integration-test-secret-that-is-long-enough-0123');
vi.hoisted(() => vi.stubEnv('AUTH_SECRET', SECRET));
const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}) }));
vi.mock('next/cache', () => ({ updateTag: () => {}, revalidateTag: () => {}, revalidatePath: () => {} }));
// The redirect after unsubscribing, as an error the test can see (Next throws one too).
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));

const { setLifecycleSwitchAction, unsubscribeLifecycleAction } = await import('@/lib/lifecycle/actions');
const { updateNotificationSettingsAction } = await import('@/lib/comments/notification-actions');
const { unsubscribeToken } = await import('@/lib/comments/notifications');

const test = appTestDatabase();

let n = 0;
async function signedIn(role: 'MEMBER' | 'COACH' | 'ADMIN') {
  const user = await test.prisma.user.create({ data: { email: `life-action-${++n}@example.com`, name: `Person ${n}`, role } });
  return { user, cookie: await sessionCookieFor(test.prisma, user.id, SECRET) };
}
const switchOf = (kind: string) => test.prisma.lifecycleSwitch.findUnique({ where: { kind }, select: { enabled: true, updatedById: true } });

describe(`lifecycle email actions on ${testDatabaseKind()}`, () => {
  it('only an admin switches an email off and on; a kind that does not exist is refused', async () => {
    const [member, coach, admin] = [await signedIn('MEMBER'), await signedIn('COACH'), await signedIn('ADMIN')];
    const off = form({ kind: 'gone-quiet', enabled: 'off' });
    for (const cookie of [null, member.cookie, coach.cookie, 'authjs.session-token=forged.value.here']) {
      request.cookie = cookie;
      expect(await setLifecycleSwitchAction(idleResult, off)).toMatchObject({ status: 'error', error: 'unauthorised' });
    }
    expect(await switchOf('gone-quiet')).toBeNull();

    request.cookie = admin.cookie;
    for (const bad of [{ kind: 'newsletter', enabled: 'off' }, { kind: 'gone-quiet', enabled: 'maybe' }, { kind: '', enabled: 'off' }]) {
      expect(await setLifecycleSwitchAction(idleResult, form(bad))).toMatchObject({ status: 'error', error: 'invalid' });
    }
    expect(await test.prisma.lifecycleSwitch.count()).toBe(0);
    expect(await setLifecycleSwitchAction(idleResult, off)).toMatchObject({ status: 'success', message: 'Gone quiet emails are off.' });
    expect(await switchOf('gone-quiet')).toEqual({ enabled: false, updatedById: admin.user.id });
    expect(await setLifecycleSwitchAction(idleResult, form({ kind: 'gone-quiet', enabled: 'on' }))).toMatchObject({ status: 'success', message: 'Gone quiet emails are on.' });
    expect(await switchOf('gone-quiet')).toEqual({ enabled: true, updatedById: admin.user.id });
  });

  it('the unsubscribe button mutes one category; a bad token or category gets the same refusal', async () => {
    const member = await signedIn('MEMBER');
    const token = await unsubscribeToken(member.user.id, { db: test.prisma });
    request.cookie = null;
    const refusals = await Promise.all([
      unsubscribeLifecycleAction(idleResult, form({ token: 'A'.repeat(43), category: 'gone-quiet' })),
      unsubscribeLifecycleAction(idleResult, form({ token, category: 'card-failed' })),
      unsubscribeLifecycleAction(idleResult, form({ token, category: '<script>' })),
      unsubscribeLifecycleAction(idleResult, form({ token: 'x'.repeat(500), category: 'lapsed' })),
    ]);
    const messages = new Set(refusals.map((r) => (r.status === 'error' ? r.message : r.status)));
    expect(messages.size).toBe(1);
    expect([...messages][0]).toMatch(/^This unsubscribe link is not valid\./);
    expect(await test.prisma.notificationSettings.findUniqueOrThrow({ where: { userId: member.user.id }, select: { mutedLifecycle: true } })).toEqual({ mutedLifecycle: [] });

    await expect(unsubscribeLifecycleAction(idleResult, form({ token, category: 'gone-quiet' }))).rejects.toThrow('redirect /notifications/unsubscribe?done=1&category=gone-quiet');
    expect(await test.prisma.notificationSettings.findUniqueOrThrow({ where: { userId: member.user.id }, select: { mutedLifecycle: true, replies: true } })).toEqual({ mutedLifecycle: ['gone-quiet'], replies: true });
  });

  it('the account form mutes the unticked membership emails, and leaves them alone when it had no such boxes', async () => {
    const member = await signedIn('MEMBER');
    request.cookie = member.cookie;
    const muted = () => test.prisma.notificationSettings.findUnique({ where: { userId: member.user.id }, select: { mutedLifecycle: true } });
    const ticked = { replies: 'on', 'lifecycle-form': '1', 'lifecycle-welcome': 'on', 'lifecycle-ending-soon': 'on', 'lifecycle-lapsed': 'on' };
    expect(await updateNotificationSettingsAction(idleResult, form(ticked))).toMatchObject({ status: 'success' });
    expect(await muted()).toEqual({ mutedLifecycle: ['gone-quiet', 'next-phase'] });
    // No lifecycle fieldset in the post: nothing about them changes.
    expect(await updateNotificationSettingsAction(idleResult, form({ replies: 'on' }))).toMatchObject({ status: 'success' });
    expect(await muted()).toEqual({ mutedLifecycle: ['gone-quiet', 'next-phase'] });
    expect(await updateNotificationSettingsAction(idleResult, form({ ...ticked, 'lifecycle-gone-quiet': 'yes' }))).toMatchObject({ status: 'error', error: 'invalid' });
  });
});
