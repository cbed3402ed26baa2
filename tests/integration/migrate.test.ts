import { afterEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations, type Migration } from '@/lib/db/migrate';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

describe(`migrations on ${testDatabaseKind()}`, () => {
  it('applies every migration once and records it in _prisma_migrations', async () => {
    db = await createTestDatabase({ migrate: false });
    const all = readMigrations();
    expect(all.length).toBeGreaterThan(0);
    const first = await migrate(db.connection);
    expect(first.applied).toEqual(all.map((m) => m.name));
    const second = await migrate(db.connection);
    expect(second.applied).toEqual([]);
    const rows = await db.connection.prisma.$queryRaw<{ migration_name: string; checksum: string }[]>`
      SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows).toEqual(all.map((m) => ({ migration_name: m.name, checksum: m.checksum })));
    // The schema is really there: the User table accepts a row and enforces its unique email.
    await db.connection.prisma.user.create({ data: { email: 'a@example.com' } });
    await expect(db.connection.prisma.user.create({ data: { email: 'a@example.com' } })).rejects.toThrow();
  });

  it('refuses a migration that was edited after it was applied', async () => {
    db = await createTestDatabase();
    const edited: Migration[] = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'f'.repeat(64) } : m));
    await expect(migrate(db.connection, edited)).rejects.toThrow(/was edited after it was applied/);
  });

  it('rolls back a failing migration completely', async () => {
    db = await createTestDatabase();
    const broken: Migration = { name: '99999999999999_broken', checksum: 'x', sql: 'CREATE TABLE "Half" (id int); SELECT * FROM "no_such_table";' };
    await expect(migrate(db.connection, [...readMigrations(), broken])).rejects.toThrow(/99999999999999_broken failed/);
    const tables = await db.connection.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'Half'`;
    expect(Number(tables[0].n)).toBe(0);
    const recorded = await db.connection.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "_prisma_migrations" WHERE migration_name = '99999999999999_broken'`;
    expect(Number(recorded[0].n)).toBe(0);
  });
});
