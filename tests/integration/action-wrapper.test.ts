// The one way into a server action (lib/viewer/action.ts): the viewer is checked against
// the access the action declares, input is parsed by its schema, its rate limit counts,
// and every outcome is one ActionResult shape. The body runs only when all of that passes.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ANONYMOUS, NO_ENTITLEMENTS, type SignedInViewer, type Viewer } from '@/lib/viewer/types';
import { formObject } from '@/lib/viewer/form-data';
import { useAsAppDatabase } from '../helpers/auth-browser';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

// defineAction reads the request's viewer from its Cookie header: none here, so anonymous.
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));

const { defineAction, runAction } = await import('@/lib/viewer/action');

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  useAsAppDatabase(db.connection);
});
afterAll(() => db?.drop());

let n = 0;
function signedIn(role: 'MEMBER' | 'COACH' | 'ADMIN', entitled = role !== 'MEMBER'): SignedInViewer {
  n++;
  const user = { id: `user-${n}`, email: `u${n}@example.com`, name: null, role, emailVerified: null };
  return { user, session: 'valid', sessionId: `s${n}`, entitled, isStaff: role !== 'MEMBER', entitlements: { ...NO_ENTITLEMENTS, premium: entitled } };
}
const ended: Viewer = { ...ANONYMOUS, session: 'ended' };

/** An action that records whether its body ran. */
function probe(access: 'anyone' | 'signed-in' | 'entitled' | 'coach' | 'admin') {
  const ran = vi.fn();
  const spec = {
    access,
    input: z.object({ note: z.string().max(5, 'Keep it short.'), count: z.coerce.number().int().min(1, 'At least one.') }),
    keep: ['note'],
    async run(input: { note: string; count: number }) {
      ran(input);
      return { status: 'success', message: `Done ${input.count}.`, data: { note: input.note } } as const;
    },
  };
  return { spec, ran };
}
const good = { note: 'hi', count: '2' };

describe(`the action wrapper on ${testDatabaseKind()}`, () => {
  it('refuses every viewer below the declared access with the one unauthorised result, without running the body', async () => {
    const cases: [Parameters<typeof probe>[0], Viewer[]][] = [
      ['signed-in', [ANONYMOUS, ended]],
      ['entitled', [ANONYMOUS, ended, signedIn('MEMBER')]],
      ['coach', [ANONYMOUS, signedIn('MEMBER', true)]],
      ['admin', [ANONYMOUS, signedIn('MEMBER', true), signedIn('COACH')]],
    ];
    for (const [access, viewers] of cases) {
      const { spec, ran } = probe(access);
      for (const viewer of viewers) {
        const result = await runAction(spec, good, viewer);
        expect(result, `${access} / ${viewer.user?.role ?? viewer.session}`).toEqual({ status: 'error', error: 'unauthorised', message: expect.any(String), values: { note: 'hi' } });
      }
      expect(ran).not.toHaveBeenCalled();
    }
    // Not signed in reads the same everywhere; a missing role or membership says what is missing.
    const signInFirst = await runAction(probe('signed-in').spec, good, ANONYMOUS);
    expect(signInFirst).toMatchObject({ message: expect.stringMatching(/sign in/i) });
    expect(await runAction(probe('admin').spec, good, ended)).toEqual(signInFirst);
    expect(await runAction(probe('admin').spec, good, signedIn('COACH'))).toMatchObject({ message: 'Only admins can do this.' });
    expect(await runAction(probe('coach').spec, good, signedIn('MEMBER'))).toMatchObject({ message: 'Only coaches and admins can do this.' });
  });

  it('lets each access level in (staff count as entitled), with the parsed input and the viewer', async () => {
    const cases: [Parameters<typeof probe>[0], Viewer][] = [
      ['anyone', ANONYMOUS],
      ['signed-in', signedIn('MEMBER')],
      ['entitled', signedIn('MEMBER', true)],
      ['entitled', signedIn('COACH')],
      ['coach', signedIn('COACH')],
      ['coach', signedIn('ADMIN')],
      ['admin', signedIn('ADMIN')],
    ];
    for (const [access, viewer] of cases) {
      const { spec, ran } = probe(access);
      expect(await runAction(spec, good, viewer)).toEqual({ status: 'success', message: 'Done 2.', data: { note: 'hi' } });
      expect(ran).toHaveBeenCalledWith({ note: 'hi', count: 2 });
    }
  });

  it('answers invalid input with field errors and the kept values, without running the body', async () => {
    const { spec, ran } = probe('signed-in');
    const result = await runAction(spec, { note: 'far too long', count: '0', password: 'secret' }, signedIn('MEMBER'));
    expect(result).toEqual({ status: 'error', error: 'invalid', message: 'Keep it short.', fieldErrors: { note: 'Keep it short.', count: 'At least one.' }, values: { note: 'far too long' } });
    expect(await runAction({ ...spec, invalid: 'Please check the form.' }, {}, signedIn('MEMBER'))).toMatchObject({ error: 'invalid', message: 'Please check the form.' });
    expect(ran).not.toHaveBeenCalled();
  });

  it('counts the declared rate limit per subject, after access and input pass, and refuses past it', async () => {
    const viewer = signedIn('MEMBER');
    const other = signedIn('MEMBER');
    const { spec, ran } = probe('signed-in');
    const limited = { ...spec, rateLimit: { rule: { name: `test-${Date.now()}`, limit: 2, windowSeconds: 600 }, subject: (_: unknown, c: { viewer: Viewer }) => c.viewer.user!.id, message: (wait: string) => `Slow down; try again ${wait}.` } };
    expect(await runAction(limited, { note: 'x', count: 'no' }, viewer)).toMatchObject({ error: 'invalid' }); // not counted
    expect(await runAction(limited, good, ANONYMOUS)).toMatchObject({ error: 'unauthorised' }); // not counted
    expect(await runAction(limited, good, viewer)).toMatchObject({ status: 'success' });
    expect(await runAction(limited, good, viewer)).toMatchObject({ status: 'success' });
    expect(await runAction(limited, good, viewer)).toEqual({ status: 'error', error: 'rate-limited', message: 'Slow down; try again in 10 minutes.', values: { note: 'hi' } });
    expect(await runAction(limited, good, other)).toMatchObject({ status: 'success' });
    expect(ran).toHaveBeenCalledTimes(3);
  });

  it('reads FormData into the schema through defineAction, as a form posts it', async () => {
    const { spec, ran } = probe('anyone');
    const action = defineAction(spec);
    const form = new FormData();
    form.append('note', 'hey');
    form.append('note', 'ignored');
    form.append('count', '3');
    form.append('$ACTION_ID_abc', '');
    form.append('upload', new Blob(['x']));
    expect(await action({ status: 'idle' }, form)).toMatchObject({ status: 'success', message: 'Done 3.' });
    expect(ran).toHaveBeenCalledWith({ note: 'hey', count: 3 });
    // The anonymous request viewer meets a signed-in action with the one unauthorised answer.
    expect(await defineAction(probe('signed-in').spec)({ status: 'idle' }, form)).toMatchObject({ status: 'error', error: 'unauthorised' });
  });

  it('keeps a field named __proto__ as plain data', () => {
    const form = new FormData();
    form.append('__proto__', 'x');
    const fields = formObject(form);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.keys(fields)).toEqual(['__proto__']);
  });
});
