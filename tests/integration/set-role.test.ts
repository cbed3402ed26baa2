// The command that makes a real site's first admin (npm run role): only a confirmed
// account gets a role, bad input changes nothing, and the role is what the site reads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setRoleByEmail } from '@/lib/auth/set-role';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db?.drop();
});

describe(`setting a role from the command line, on ${testDatabaseKind()}`, () => {
  it('makes a confirmed account admin, whatever case the input is in', async () => {
    const prisma = db.connection.prisma;
    await prisma.user.create({ data: { email: 'owner@example.com', emailVerified: new Date() } });
    const result = await setRoleByEmail(prisma, '  Owner@Example.com ', 'Admin');
    expect(result).toEqual({ ok: true, email: 'owner@example.com', role: 'ADMIN', previous: 'MEMBER' });
    expect((await prisma.user.findUniqueOrThrow({ where: { email: 'owner@example.com' } })).role).toBe('ADMIN');
    expect(await setRoleByEmail(prisma, 'owner@example.com', 'member')).toMatchObject({ ok: true, role: 'MEMBER', previous: 'ADMIN' });
  });

  it('refuses an unconfirmed or unknown address and an unknown role, changing nothing', async () => {
    const prisma = db.connection.prisma;
    await prisma.user.create({ data: { email: 'pending@example.com' } });
    await prisma.user.create({ data: { email: 'owner@example.com', emailVerified: new Date() } });
    expect(await setRoleByEmail(prisma, 'pending@example.com', 'admin')).toMatchObject({ ok: false, message: expect.stringContaining('not confirmed') });
    expect(await setRoleByEmail(prisma, 'nobody@example.com', 'admin')).toMatchObject({ ok: false, message: expect.stringContaining('No account') });
    expect(await setRoleByEmail(prisma, 'owner@example.com', 'superuser')).toMatchObject({ ok: false });
    expect(await setRoleByEmail(prisma, 'not-an-address', 'admin')).toMatchObject({ ok: false });
    const roles = await prisma.user.findMany({ select: { role: true } });
    expect(roles.every((u) => u.role === 'MEMBER')).toBe(true);
  });
});
