// Sessions end when asked (lib/auth/sessions.ts), through the app's real Auth.js routes:
// a cookie copied from a browser stops working the moment that browser signs out
// (POST /api/auth/signout, where the site's sign-out action also ends), when the password
// is changed elsewhere or reset, and when the account is deleted.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deleteAccount } from '@/lib/auth/account';
import { hashPassword } from '@/lib/auth/password';
import { readSessionToken } from '@/lib/auth/session-token';
import { replacePassword } from '@/lib/auth/sessions';
import type { PrismaClient } from '@/lib/db/generated/client';
import { viewerFromCookie } from '@/lib/viewer/viewer';
import { AuthBrowser, useAsAppDatabase } from '../helpers/auth-browser';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

vi.hoisted(() => vi.stubEnv('AUTH_SECRET', 'integration-test-secret-that-is-long-enough-0123'));

const PASSWORD = 'calm-river-stone-42';
let db: TestDatabase;
let prisma: PrismaClient;
let passwordHash: string;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.connection.prisma;
  useAsAppDatabase(db.connection);
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(() => db?.drop());

let n = 0;
async function member() {
  return prisma.user.create({ data: { email: `sessions-${++n}@example.com`, name: 'Sam', passwordHash, emailVerified: new Date() } });
}

/** Who a replayed Cookie header signs in as, exactly as every page asks (lib/viewer/viewer.ts). */
async function whoIs(cookie: string): Promise<string | null> {
  return (await viewerFromCookie(cookie, { db: prisma })).user?.id ?? null;
}

async function signedIn(email: string): Promise<AuthBrowser> {
  const browser = new AuthBrowser();
  expect(await browser.signInWithPassword(email, PASSWORD)).toBe(true);
  return browser;
}

async function sessionIdOf(browser: AuthBrowser): Promise<string> {
  return (await readSessionToken(browser.cookieHeader()))!.sessionId;
}

describe(`sessions on ${testDatabaseKind()}`, () => {
  it('signing out through Auth.js ends that session at once, copied cookies included, and no other', async () => {
    const user = await member();
    const laptop = await signedIn(user.email);
    const phone = await signedIn(user.email);
    const copied = laptop.cookieHeader();
    expect(await whoIs(copied)).toBe(user.id);
    expect(await whoIs(phone.cookieHeader())).toBe(user.id);

    await laptop.signOut();
    expect(await whoIs(copied)).toBeNull();
    expect(await whoIs(phone.cookieHeader())).toBe(user.id);
    expect(await prisma.authSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it('a password change keeps the session that made it and ends the others; a reset ends them all', async () => {
    const user = await member();
    const laptop = await signedIn(user.email);
    const phone = await signedIn(user.email);
    const copiedFromPhone = phone.cookieHeader();

    await replacePassword({ userId: user.id, passwordHash: await hashPassword('fresh-meadow-path-31'), keepSessionId: await sessionIdOf(laptop) }, { db: prisma });
    expect(await whoIs(laptop.cookieHeader())).toBe(user.id);
    expect(await whoIs(copiedFromPhone)).toBeNull();

    await replacePassword({ userId: user.id, passwordHash, addressProven: true }, { db: prisma });
    expect(await whoIs(laptop.cookieHeader())).toBeNull();
    expect(await prisma.authSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it('deleting the account ends every one of its sessions', async () => {
    const user = await member();
    const laptop = await signedIn(user.email);
    const phone = await signedIn(user.email);
    await deleteAccount(user.id, prisma);
    expect(await whoIs(laptop.cookieHeader())).toBeNull();
    expect(await whoIs(phone.cookieHeader())).toBeNull();
    expect(await prisma.authSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it('a wrong password starts no session', async () => {
    const user = await member();
    const browser = new AuthBrowser();
    expect(await browser.signInWithPassword(user.email, 'not-the-password-1')).toBe(false);
    expect(await prisma.authSession.count({ where: { userId: user.id } })).toBe(0);
  });
});
