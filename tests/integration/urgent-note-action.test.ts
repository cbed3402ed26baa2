// "Seen, … contacted" under a red-flag session note, as an attacker would call it: the
// server action is a public endpoint, so a visitor, a member (even the note's own writer)
// and a forged cookie are refused with the unauthorised result and the note stays at the
// top of the inbox; bad input gets a message; a coach marks it seen, once. The member's
// completion goes through the real action too, which answers with the urgent-care message.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { loadUrgentNotes } from '@/lib/triage/notes';
import { idleResult } from '@/lib/viewer/action-result';
import { formOf as form, sessionCookieFor } from '../helpers/action-caller';
import { useAsAppDatabase } from '../helpers/auth-browser';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

const SECRET = vi.hoisted(() => 'integration-test-secret-that-is-long-enough-0123');
vi.hoisted(() => vi.stubEnv('AUTH_SECRET', SECRET));
const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}) }));
// Cache invalidation needs Next's request context; what is checked here is who may act.
vi.mock('next/cache', () => ({ updateTag: () => {}, revalidateTag: () => {}, revalidatePath: () => {} }));

const { markUrgentNoteSeenAction } = await import('@/lib/triage/actions');
const { completeSessionAction } = await import('@/lib/programme/actions');

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.connection.prisma;
  useAsAppDatabase(db.connection);
});
afterAll(() => db?.drop());

let n = 0;
async function signedIn(role: 'MEMBER' | 'COACH') {
  const user = await prisma.user.create({ data: { email: `note-${role.toLowerCase()}-${++n}@example.com`, name: `Person ${n}`, role } });
  if (role === 'MEMBER') await prisma.compGrant.create({ data: { userId: user.id, reason: 'test' } });
  return { user, cookie: await sessionCookieFor(prisma, user.id, SECRET) };
}

describe(`marking a red-flag note seen on ${testDatabaseKind()}`, () => {
  it('refuses everyone but staff and leaves the note in the inbox; a coach marks it seen once', async () => {
    const member = await signedIn('MEMBER');
    const coach = await signedIn('COACH');
    request.cookie = member.cookie;
    const completed = await completeSessionAction(
      idleResult,
      form({ phaseSlug: 'phase-two', sessionSlug: 'single-leg-balance', requestKey: 'attacker-test-key-0001', note: 'Since yesterday I cannot control my bladder' }),
    );
    expect(completed).toMatchObject({ status: 'success', data: { urgentCare: expect.stringContaining('NHS 111') } });
    const [note] = await loadUrgentNotes({ db: prisma });
    expect(note.user.id).toBe(member.user.id);
    expect(await prisma.outboxEmail.count({ where: { to: coach.user.email, subject: { startsWith: 'URGENT: possible red flag' } } })).toBe(1);

    const seen = form({ completionId: note.id });
    for (const cookie of [null, member.cookie, 'authjs.session-token=forged.value.here']) {
      request.cookie = cookie;
      expect(await markUrgentNoteSeenAction(idleResult, seen)).toMatchObject({ status: 'error', error: 'unauthorised' });
    }
    expect(await loadUrgentNotes({ db: prisma })).toHaveLength(1);

    request.cookie = coach.cookie;
    expect(await markUrgentNoteSeenAction(idleResult, form({ completionId: '' }))).toMatchObject({ status: 'error', error: 'invalid', message: 'That note was not found.' });
    expect(await markUrgentNoteSeenAction(idleResult, seen)).toMatchObject({ status: 'success', message: 'Marked as seen.' });
    expect(await loadUrgentNotes({ db: prisma })).toEqual([]);
    expect(await markUrgentNoteSeenAction(idleResult, seen)).toMatchObject({ status: 'error', error: 'failed' });
  });
});
