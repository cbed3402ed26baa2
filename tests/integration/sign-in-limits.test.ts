// The limits inside Auth.js's sign-in paths (lib/auth/password-sign-in.ts, magic-link.ts):
// only failed passwords count, a right one gives its units back, concurrent guesses never
// get past the limit, one client past its own limit cannot spend other addresses' limits,
// and the client is the address the server resolved, never X-Forwarded-For.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_KEY } from '@/lib/auth/client-address';
import { limitMagicLinkRequest } from '@/lib/auth/magic-link';
import { hashPassword } from '@/lib/auth/password';
import { authorizePassword, checkPasswordLimited } from '@/lib/auth/password-sign-in';
import { refusalOf } from '@/lib/auth/sign-in-errors';
import type { PrismaClient } from '@/lib/db/generated/client';
import { rateLimits } from '@/lib/rate-limit/rules';
import { CLIENT_ADDRESS_HEADER } from '../../scripts/client-address.mjs';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
let prisma: PrismaClient;
const PASSWORD = 'correct-horse-battery';
let passwordHash: string;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.connection.prisma;
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(() => db.drop());

let n = 0;
async function coach(confirmed = true) {
  n++;
  const email = `coach-${n}@example.com`;
  await prisma.user.create({ data: { email, name: 'Coach', role: 'COACH', passwordHash, emailVerified: confirmed ? new Date() : null } });
  return email;
}
const ip = () => `198.51.100.${++n % 250}`;
const attempt = (email: string, password: string, from: string) => checkPasswordLimited(email, password, from, { db: prisma });
const results = (list: { result: string }[]) => list.map((r) => r.result);

describe(`sign-in limits on ${testDatabaseKind()}`, () => {
  it('counts failed attempts only: ten right passwords lock nobody out, the 11th failure is refused even with the right password', async () => {
    const email = await coach();
    const from = ip();
    for (let i = 0; i < 12; i++) expect((await attempt(email, PASSWORD, from)).result).toBe('ok');
    const wrong = [];
    for (let i = 0; i < 10; i++) wrong.push(await attempt(email, `wrong-${i}`, from));
    expect(results(wrong)).toEqual(Array(10).fill('wrong'));
    const eleventh = await attempt(email, PASSWORD, from);
    expect(eleventh).toMatchObject({ result: 'limited' });
    expect(eleventh.result === 'limited' && eleventh.retryAfterSeconds).toBeGreaterThan(800);
    // The per-email limit holds from any other client too.
    expect((await attempt(email, PASSWORD, ip())).result).toBe('limited');
  });

  it('a right password for an unconfirmed address is not a failure either', async () => {
    const email = await coach(false);
    const from = ip();
    for (let i = 0; i < 11; i++) expect((await attempt(email, PASSWORD, from)).result).toBe('unverified');
    for (let i = 0; i < 10; i++) expect((await attempt(email, 'wrong-password', from)).result).toBe('wrong');
    expect((await attempt(email, PASSWORD, from)).result).toBe('limited');
  });

  it('never lets more than 10 wrong passwords through for one address, however many arrive at once, right ones among them', async () => {
    const email = await coach();
    const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(email, i % 3 === 0 ? PASSWORD : `guess-${i}`, ip())));
    const wrong = guesses.filter((g) => g.result === 'wrong').length;
    // Right ones hold a unit while their hash is checked, so they may refuse a guess, never admit one too many.
    expect(wrong).toBeLessThanOrEqual(10);
    expect(guesses.filter((g) => g.result === 'ok').length + wrong + guesses.filter((g) => g.result === 'limited').length).toBe(30);
    // Exactly 10 - wrong more failures are allowed afterwards: every right password gave its unit back.
    const after = [];
    for (let i = 0; i < 12; i++) after.push(await attempt(email, `later-${i}`, ip()));
    expect(after.filter((g) => g.result === 'wrong')).toHaveLength(10 - wrong);
  });

  it('lets exactly 10 of 40 concurrent wrong passwords be checked', async () => {
    const email = await coach();
    const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(email, `guess-${i}`, ip())));
    expect(guesses.filter((g) => g.result === 'wrong')).toHaveLength(10);
    expect(guesses.filter((g) => g.result === 'limited')).toHaveLength(30);
  });

  it('limits one client to 50 failures across any addresses, and then it cannot spend anyone else’s limit', async () => {
    const attacker = ip();
    const sprayed = [];
    for (let i = 0; i < rateLimits.signInPerIp.limit + 3; i++) sprayed.push(await attempt(`nobody-${n}-${i}@example.com`, 'guess', attacker));
    expect(results(sprayed.slice(0, 50))).toEqual(Array(50).fill('wrong'));
    expect(results(sprayed.slice(50))).toEqual(['limited', 'limited', 'limited']);

    const victim = await coach();
    for (let i = 0; i < 20; i++) expect((await attempt(victim, 'guess', attacker)).result).toBe('limited');
    // Those refusals counted nowhere: the victim's own 10 failures are all still there.
    const own = ip();
    for (let i = 0; i < 10; i++) expect((await attempt(victim, 'typo-password', own)).result).toBe('wrong');
    expect((await attempt(victim, PASSWORD, own)).result).toBe('limited');
    // And another client signs in to another account.
    expect((await attempt(await coach(), PASSWORD, ip())).result).toBe('ok');
  });

  it('limits sign-in link requests: the 6th for one address, the 21st from one client', async () => {
    const from = ip();
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(await limitMagicLinkRequest('links@example.com', from, { db: prisma }).then(() => 'sent', (e) => refusalOf(e)?.reason));
    expect(outcomes).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'rate-limited']);

    const client = ip();
    const many = [];
    for (let i = 0; i < 22; i++) many.push(await limitMagicLinkRequest(`links-${n}-${i}@example.com`, client, { db: prisma }).then(() => 'sent', (e) => refusalOf(e)?.reason));
    expect(many.filter((o) => o === 'sent')).toHaveLength(rateLimits.magicLinkPerIp.limit);
    expect(many.slice(20)).toEqual(['rate-limited', 'rate-limited']);
  });
});

describe(`Auth.js's authorize on ${testDatabaseKind()}`, () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[CLIENT_ADDRESS_KEY];
  });
  const request = (headers: Record<string, string>) => new Request('http://127.0.0.2/api/auth/callback/password', { method: 'POST', headers });
  const authorize = (email: string, password: string, headers: Record<string, string>) =>
    authorizePassword({ email, password }, request(headers), { db: prisma }).then(
      (user) => (user ? 'ok' : 'wrong'),
      (e: unknown) => refusalOf(e)?.reason ?? String(e),
    );

  it('answers with the codes the form maps to its messages', async () => {
    const email = await coach();
    expect(await authorize(email, PASSWORD, {})).toBe('ok');
    expect(await authorize(email, 'wrong-password', {})).toBe('wrong');
    expect(await authorize(await coach(false), PASSWORD, {})).toBe('unconfirmed');
    expect(await authorizePassword({ email: 'not-an-address', password: 'x' }, request({}), { db: prisma })).toBeNull();
  });

  it('counts a client by the address the server resolved, so rotating X-Forwarded-For does not help', async () => {
    (globalThis as Record<symbol, unknown>)[CLIENT_ADDRESS_KEY] = CLIENT_ADDRESS_HEADER;
    const outcomes = [];
    for (let i = 0; i < 52; i++) {
      const headers = { [CLIENT_ADDRESS_HEADER]: '2001:db8:77:1::' + (i + 1).toString(16), 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `192.0.2.${i}` };
      outcomes.push(await authorize(`sprayed-${n}-${i}@example.com`, 'guess', headers));
    }
    // One /64 is one client, whichever of its addresses it uses.
    expect(outcomes.slice(0, 50)).toEqual(Array(50).fill('wrong'));
    expect(outcomes.slice(50)).toEqual(['rate-limited', 'rate-limited']);
    expect(await authorize(await coach(), PASSWORD, { [CLIENT_ADDRESS_HEADER]: '2001:db8:77:2::1' })).toBe('ok');
  });
});
