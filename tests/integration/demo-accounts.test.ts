// A database an operator once ran the demo on, started as a real site: the demo accounts
// (published passwords, an admin among them) can no longer sign in, their sessions end,
// their pending links go, and nothing is seeded; other accounts are untouched.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { issueToken } from '@/lib/auth/tokens';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { disableDemoAccounts, seedDemoAccounts } from '@/lib/demo/demo-accounts';
import { DEMO_USERS } from '@/lib/demo/demo-users';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.resetModules();
  await db?.drop();
});

const admin = DEMO_USERS.find((u) => u.role === 'ADMIN')!;
const demoEmails = DEMO_USERS.map((u) => u.email);

async function demoAccounts() {
  return db.connection.prisma.user.findMany({ where: { email: { in: demoEmails } }, select: { email: true, role: true, passwordHash: true, _count: { select: { sessions: true } } }, orderBy: { email: 'asc' } });
}

describe(`demo accounts on a real site, on ${testDatabaseKind()}`, () => {
  it('disabling clears their passwords, staff roles, sessions and links, and leaves other accounts alone', async () => {
    const prisma = db.connection.prisma;
    await seedDemoAccounts(prisma);
    const adminRow = await prisma.user.findUniqueOrThrow({ where: { email: admin.email } });
    expect(await verifyPassword(adminRow.passwordHash, admin.password)).toBe(true); // the published password works before
    await issueToken({ userId: adminRow.id, purpose: 'RESET_PASSWORD', email: admin.email }, { db: prisma });
    await prisma.account.create({ data: { userId: adminRow.id, type: 'oauth', provider: 'github', providerAccountId: 'gh-demo' } });
    await prisma.verificationToken.create({ data: { identifier: admin.email, token: 'hashed-link', expires: new Date(Date.now() + 600_000) } });
    const owner = await prisma.user.create({ data: { email: 'owner@example.com', role: 'ADMIN', passwordHash: await hashPassword('owner-pass-123'), emailVerified: new Date() } });
    await issueToken({ userId: owner.id, purpose: 'RESET_PASSWORD', email: owner.email }, { db: prisma });
    await prisma.authSession.create({ data: { id: 'demo-admin-session', userId: adminRow.id, expiresAt: new Date(Date.now() + 600_000) } });
    await prisma.authSession.create({ data: { id: 'owner-session', userId: owner.id, expiresAt: new Date(Date.now() + 600_000) } });

    expect(await disableDemoAccounts(prisma)).toBe(DEMO_USERS.length);

    const after = await demoAccounts();
    expect(after).toHaveLength(DEMO_USERS.length);
    for (const account of after) {
      expect(account, account.email).toMatchObject({ passwordHash: null, role: 'MEMBER', _count: { sessions: 0 } });
    }
    expect(await prisma.authToken.count({ where: { userId: adminRow.id } })).toBe(0);
    expect(await prisma.account.count({ where: { userId: adminRow.id } })).toBe(0);
    expect(await prisma.verificationToken.count({ where: { identifier: admin.email } })).toBe(0);
    // The real owner keeps everything.
    const ownerAfter = await prisma.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(ownerAfter).toMatchObject({ role: 'ADMIN', passwordHash: owner.passwordHash });
    expect(await prisma.authSession.count({ where: { userId: owner.id } })).toBe(1);
    expect(await prisma.authToken.count({ where: { userId: owner.id } })).toBe(1);

    // Once disabled, nothing is left to disable; running the demo again restores them.
    expect(await disableDemoAccounts(prisma)).toBe(0);
    await seedDemoAccounts(prisma);
    const restored = await prisma.user.findUniqueOrThrow({ where: { email: admin.email } });
    expect(restored.role).toBe('ADMIN');
    expect(await verifyPassword(restored.passwordHash, admin.password)).toBe(true);
  });

  it('a server start on a non-loopback SITE_URL disables them and seeds nothing, even with SEED_DEMO_DATA=true', async () => {
    const prisma = db.connection.prisma;
    vi.stubEnv('SITE_URL', 'https://www.example.com');
    vi.stubEnv('SEED_DEMO_DATA', 'true');
    vi.resetModules();
    const { prepareDemo } = await import('@/lib/demo/prepare-demo');
    const log: string[] = [];

    await prepareDemo(prisma, (line) => log.push(line));
    expect(await prisma.user.count()).toBe(0); // a fresh database gets no demo accounts

    await seedDemoAccounts(prisma); // an operator tried the demo on this database
    await prepareDemo(prisma, (line) => log.push(line));
    expect((await demoAccounts()).every((a) => a.passwordHash === null && a.role === 'MEMBER')).toBe(true);
    expect(log.join('\n')).toMatch(/5 found in this database .* disabled/);
  });
});
