// No enumeration by timing: a sign-up, a password-reset request and a sign-in-link request
// do the same work whether or not the address has an account. Rather than timing them,
// this records the work itself: every SQL statement sent (as text, so the same kind of
// read or write), every argon2 hash, and the emails queued.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { requestSignUp } from '@/lib/auth/sign-up';
import type { PrismaClient } from '@/lib/db/generated/client';
import { AuthBrowser, useAsAppDatabase } from '../helpers/auth-browser';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

vi.hoisted(() => vi.stubEnv('AUTH_SECRET', 'integration-test-secret-that-is-long-enough-0123'));

// The real argon2, counted.
const argon = vi.hoisted(() => ({ hashes: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    hash: (...args: Parameters<typeof real.hash>) => {
      argon.hashes++;
      return real.hash(...args);
    },
  };
});

let recording: string[] | null = null;
let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase({ onQuery: (sql) => recording?.push(sql.replace(/\s+/g, ' ').trim()) });
  prisma = db.connection.prisma;
  useAsAppDatabase(db.connection);
});
afterAll(() => db?.drop());

interface Work {
  statements: string[];
  hashes: number;
  emails: number;
}

/** Runs `request` alone and returns what it did (statements sorted: rate limits run side by side). */
async function workOf(email: string, request: () => Promise<unknown>): Promise<Work> {
  const emailsBefore = await prisma.outboxEmail.count({ where: { to: email } });
  const statements: string[] = [];
  recording = statements;
  argon.hashes = 0;
  try {
    await request();
  } finally {
    recording = null;
  }
  const emails = (await prisma.outboxEmail.count({ where: { to: email } })) - emailsBefore;
  return { statements: statements.sort(), hashes: argon.hashes, emails };
}

let n = 0;
const address = (label: string) => `${label}-${++n}@example.com`;
const ip = () => `10.1.0.${++n}`;

async function confirmedAccount(email: string) {
  await prisma.user.create({ data: { email, name: 'Cora', passwordHash: await hashPassword('calm-river-stone-42'), emailVerified: new Date() } });
}

describe(`equal work for known and unknown addresses on ${testDatabaseKind()}`, () => {
  it('sign-up: a new address, a pending sign-up, an unconfirmed account and a confirmed account', async () => {
    const signUp = (email: string) => () => requestSignUp({ name: 'Someone', email, password: 'attacker-chose-this-77', next: '/', ip: ip() }, { db: prisma });
    await signUp(address('warm-up'))(); // the first query of a kind can cost extra

    const pending = address('pending');
    await signUp(pending)();
    const unconfirmed = address('unconfirmed');
    await prisma.user.create({ data: { email: unconfirmed, passwordHash: await hashPassword('old-password-1234') } });
    const confirmed = address('confirmed');
    await confirmedAccount(confirmed);

    const fresh = address('fresh');
    const baseline = await workOf(fresh, signUp(fresh));
    expect(baseline.hashes).toBe(1);
    expect(baseline.emails).toBe(1);
    expect(baseline.statements.length).toBeGreaterThanOrEqual(4); // two limits, a read, a write, the email
    for (const email of [pending, unconfirmed, confirmed]) {
      expect(await workOf(email, signUp(email)), email).toEqual(baseline);
    }
  });

  it('password reset: an address with an account and one without', async () => {
    const reset = (email: string) => () => requestPasswordReset({ email, ip: ip() }, { db: prisma });
    const warmUp = address('warm-up');
    await confirmedAccount(warmUp);
    await reset(warmUp)();
    await reset(address('warm-up'))();

    const known = address('known');
    await confirmedAccount(known);
    const unknown = address('unknown');
    const forKnown = await workOf(known, reset(known));
    expect(forKnown.emails).toBe(1);
    expect(await workOf(unknown, reset(unknown))).toEqual(forKnown);
    // Only the real account got a link that works.
    expect(await prisma.authToken.count({ where: { email: known, usedAt: null } })).toBe(1);
    expect(await prisma.authToken.count({ where: { email: unknown } })).toBe(0);
  });

  it('sign-in link (Auth.js): an address with an account and one without', async () => {
    const browser = new AuthBrowser();
    const link = (email: string) => () => browser.requestSignInLink(email);
    await link(address('warm-up'))();

    const known = address('known-link');
    await confirmedAccount(known);
    const unknown = address('unknown-link');
    const forKnown = await workOf(known, link(known));
    expect(forKnown.emails).toBe(1);
    expect(await workOf(unknown, link(unknown))).toEqual(forKnown);
  });
});
