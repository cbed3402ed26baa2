// Reading the session cookie the way Auth.js writes it (lib/auth/session-token.ts):
// tokens made by Auth.js's own encoder, as its sign-in sets them.
import { encode } from 'next-auth/jwt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const SECRET = 'unit-test-secret-that-is-long-enough-0123456789';
const COOKIE = 'authjs.session-token';

async function sessionToken(claims: Record<string, unknown>, options: { secret?: string; salt?: string; maxAge?: number } = {}) {
  return encode({ token: claims, secret: options.secret ?? SECRET, salt: options.salt ?? COOKIE, maxAge: options.maxAge });
}

async function load(env: Record<string, string> = {}) {
  vi.resetModules();
  vi.stubEnv('AUTH_SECRET', SECRET);
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return import('@/lib/auth/session-token');
}

describe('readSessionToken', () => {
  beforeEach(() => vi.unstubAllEnvs());
  afterEach(() => vi.unstubAllEnvs());

  it("returns the user id and session id from Auth.js's session cookie, among other cookies", async () => {
    const { readSessionToken } = await load();
    const token = await sessionToken({ uid: 'user_1', sid: 'session_1', email: 'a@example.com' });
    expect(await readSessionToken(`theme=dark; ${COOKIE}=${token}; other=1`)).toEqual({ userId: 'user_1', sessionId: 'session_1' });
  });

  it('reassembles a session cookie Auth.js split into chunks', async () => {
    const { readSessionToken } = await load();
    const token = await sessionToken({ uid: 'user_2', sid: 'session_2' });
    const half = Math.floor(token.length / 2);
    expect(await readSessionToken(`${COOKIE}.1=${token.slice(half)}; ${COOKIE}.0=${token.slice(0, half)}`)).toEqual({ userId: 'user_2', sessionId: 'session_2' });
  });

  it('refuses a token without a session id (issued before sessions were rows, with a session version)', async () => {
    const { readSessionToken } = await load();
    expect(await readSessionToken(`${COOKIE}=${await sessionToken({ uid: 'user_3', sv: 0 })}`)).toBeNull();
    expect(await readSessionToken(`${COOKIE}=${await sessionToken({ uid: 'user_3', sid: 's' })}`)).not.toBeNull(); // control
  });

  it('refuses no cookie, a tampered token, another secret, another salt, an expired token and a token without a user', async () => {
    const { readSessionToken } = await load();
    const good = await sessionToken({ uid: 'user_4', sid: 'session_4' });
    const tampered = good.slice(0, -6) + (good.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA');
    const cases = [
      null,
      '',
      'theme=dark',
      `${COOKIE}=${tampered}`,
      `${COOKIE}=${await sessionToken({ uid: 'user_4', sid: 'session_4' }, { secret: 'another-secret-that-is-also-long-enough-987654' })}`,
      `${COOKIE}=${await sessionToken({ uid: 'user_4', sid: 'session_4' }, { salt: 'authjs.csrf-token' })}`,
      `${COOKIE}=${await sessionToken({ uid: 'user_4', sid: 'session_4' }, { maxAge: -3600 })}`,
      `${COOKIE}=${await sessionToken({ sub: 'user_4', sid: 'session_4' })}`,
      `${COOKIE}=not-a-token`,
    ];
    for (const cookie of cases) expect(await readSessionToken(cookie), String(cookie)).toBeNull();
    expect(await readSessionToken(`${COOKIE}=${good}`)).not.toBeNull(); // control
  });

  it('reads only the __Secure- cookie when the site is served over https in production', async () => {
    const { readSessionToken, sessionCookiesAreSecure } = await load({ NODE_ENV: 'production', SITE_URL: 'https://coaching.example' });
    expect(sessionCookiesAreSecure()).toBe(true);
    const secureName = `__Secure-${COOKIE}`;
    const secureToken = await sessionToken({ uid: 'user_5', sid: 'session_5' }, { salt: secureName });
    expect(await readSessionToken(`${secureName}=${secureToken}`)).toEqual({ userId: 'user_5', sessionId: 'session_5' });
    expect(await readSessionToken(`${COOKIE}=${await sessionToken({ uid: 'user_5', sid: 'session_5' })}`)).toBeNull();
  });

  it('uses the plain cookie name over http', async () => {
    const { sessionCookiesAreSecure } = await load({ NODE_ENV: 'production', SITE_URL: 'http://localhost:3000' });
    expect(sessionCookiesAreSecure()).toBe(false);
  });
});
