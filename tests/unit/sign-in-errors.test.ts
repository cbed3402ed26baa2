// Refusals from Auth.js's sign-in paths: the forms read why from them, and the log gets one
// line per refusal instead of a stack trace; every other error still logs in full.
import { AuthError, CredentialsSignin } from 'next-auth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authLogger, refusalOf, TooManyLinkRequests, TooManySignInAttempts, UnconfirmedAddress } from '@/lib/auth/sign-in-errors';

afterEach(() => vi.restoreAllMocks());

/** As Auth.js wraps an error from a callback (AccessDenied(e): `cause.err`). */
const wrapped = (err: Error) => new AuthError('AccessDenied', { cause: { err } });

function logged(error: Error) {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const fail = vi.spyOn(console, 'error').mockImplementation(() => {});
  authLogger.error(error);
  const out = { warn: warn.mock.calls.map((c) => c.map(String).join(' ')), error: [...fail.mock.calls] };
  vi.restoreAllMocks();
  return out;
}

describe('sign-in refusals', () => {
  it('carry what the form needs, through Auth.js wrapping them', () => {
    expect(refusalOf(new TooManySignInAttempts(840))).toEqual({ reason: 'rate-limited', retryAfterSeconds: 840 });
    expect(refusalOf(new UnconfirmedAddress())).toEqual({ reason: 'unconfirmed' });
    expect(refusalOf(new CredentialsSignin())).toEqual({ reason: 'wrong-password' });
    // The email provider's refusal reaches the caller inside Auth.js's AccessDenied (cause.err).
    expect(refusalOf(wrapped(new TooManyLinkRequests(120)))).toEqual({ reason: 'rate-limited', retryAfterSeconds: 120 });
    expect(refusalOf(new AuthError('Configuration'))).toBeNull();
    expect(refusalOf(new Error('boom'))).toBeNull();
    // Codes Auth.js puts in a direct POST's error redirect.
    expect(new TooManySignInAttempts(1).code).toBe('rate_limited');
    expect(new UnconfirmedAddress().code).toBe('unconfirmed');
  });

  it('log one line each, with no stack trace and no address', () => {
    for (const error of [new TooManySignInAttempts(840), wrapped(new TooManyLinkRequests(120)), new CredentialsSignin(), new UnconfirmedAddress()]) {
      const out = logged(error);
      expect(out.error).toEqual([]);
      expect(out.warn).toHaveLength(1);
      expect(out.warn[0]).not.toContain('\n');
      expect(out.warn[0]).not.toContain('@');
    }
    expect(logged(new TooManySignInAttempts(840)).warn[0]).toBe('[auth] password sign-in refused: too many attempts, retry in 840 s');
    expect(logged(wrapped(new TooManyLinkRequests(120))).warn[0]).toBe('[auth] sign-in link refused: too many attempts, retry in 120 s');
  });

  it('leave real errors to log in full', () => {
    const real = wrapped(new Error('database is down'));
    const out = logged(real);
    expect(out.warn).toEqual([]);
    expect(out.error).toEqual([['[auth][error]', real]]);
  });
});
