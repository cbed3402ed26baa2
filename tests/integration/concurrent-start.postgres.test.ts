// Several app instances starting at once against one PostgreSQL server. Runs only in
// the PostgreSQL pass (vitest.config.ts): an embedded PGlite has a single connection.
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '@/lib/db/migrate';
import { seedDemoAccounts } from '@/lib/demo/demo-accounts';
import { DEMO_USERS } from '@/lib/demo/demo-users';
import { buildSearchDocuments, syncSearchIndex } from '@/lib/search/index-content';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

describe('two app instances starting together on PostgreSQL', () => {
  it('apply each migration exactly once between them', async () => {
    db = await createTestDatabase({ migrate: false });
    const other = db.openAnother();
    const [a, b] = await Promise.all([migrate(db.connection), migrate(other)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(readMigrations().map((m) => m.name));
    const rows = await db.connection.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "_prisma_migrations"`;
    expect(Number(rows[0].n)).toBe(readMigrations().length);
  });

  it('seed the demo data concurrently without duplicates or errors', async () => {
    db = await createTestDatabase();
    const other = db.openAnother();
    await Promise.all([seedDemoAccounts(db.connection.prisma), seedDemoAccounts(other.prisma)]);
    expect(await db.connection.prisma.user.count()).toBe(DEMO_USERS.length);
  });

  it('build the search index once between them, neither failing its start', async () => {
    // The fleet's first start met this: both deleted, both inserted, the second hit the first's rows.
    db = await createTestDatabase();
    const other = db.openAnother();
    const built = await Promise.all([syncSearchIndex(db.connection.prisma), syncSearchIndex(other.prisma)]);
    expect(built.filter(Boolean)).toHaveLength(1);
    expect(await db.connection.prisma.searchDocument.count()).toBe(buildSearchDocuments().length);
  });
});
