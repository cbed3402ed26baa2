import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '@/lib/demo/demo-accounts';
import { DEMO_USERS } from '@/lib/demo/demo-users';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db?.drop();
});

async function users() {
  return db.connection.prisma.user.findMany({ select: { email: true, name: true, role: true }, orderBy: { email: 'asc' } });
}

const expected = () =>
  DEMO_USERS.map((u) => ({ email: u.email, name: u.name, role: u.role })).sort((a, b) => a.email.localeCompare(b.email));

describe(`demo seed on ${testDatabaseKind()}`, () => {
  it('covers every role the app has, each email once', () => {
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(['MEMBER', 'COACH', 'ADMIN']));
    expect(new Set(DEMO_USERS.map((u) => u.email.toLowerCase())).size).toBe(DEMO_USERS.length);
  });

  it('creates the demo users with their roles, and a second run changes nothing', async () => {
    expect(await seedDemoAccounts(db.connection.prisma)).toEqual({ users: DEMO_USERS.length });
    const first = await users();
    expect(first).toEqual(expected());
    const ids = await db.connection.prisma.user.findMany({ select: { id: true, email: true }, orderBy: { email: 'asc' } });

    await seedDemoAccounts(db.connection.prisma);
    expect(await users()).toEqual(expected());
    expect(await db.connection.prisma.user.count()).toBe(DEMO_USERS.length);
    // Upserted in place: the same rows, not deleted and recreated.
    expect(await db.connection.prisma.user.findMany({ select: { id: true, email: true }, orderBy: { email: 'asc' } })).toEqual(ids);
  });

  it('restores a demo account whose role was changed, and leaves other users alone', async () => {
    const prisma = db.connection.prisma;
    const coach = DEMO_USERS.find((u) => u.role === 'COACH')!;
    await prisma.user.create({ data: { email: coach.email, name: 'Renamed', role: 'MEMBER' } });
    await prisma.user.create({ data: { email: 'someone@example.com', name: 'Someone Else', role: 'ADMIN' } });

    await seedDemoAccounts(prisma);
    expect(await prisma.user.count()).toBe(DEMO_USERS.length + 1);
    expect(await prisma.user.findUnique({ where: { email: coach.email }, select: { name: true, role: true } })).toEqual({ name: coach.name, role: 'COACH' });
    expect(await prisma.user.findUnique({ where: { email: 'someone@example.com' }, select: { name: true, role: true } })).toEqual({
      name: 'Someone Else',
      role: 'ADMIN',
    });
  });
});
