// A fresh, migrated database per test file: in-memory PGlite by default, or a database
// created on the PostgreSQL server named by TEST_DATABASE_URL (and dropped afterwards).
import crypto from 'node:crypto';
import pg from 'pg';
import { openConnection, type DatabaseConnection } from '@/lib/db/connection';
import { migrate } from '@/lib/db/migrate';

export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

export interface TestDatabase {
  kind: TestDatabaseKind;
  connection: DatabaseConnection;
  /** Opens a second, independent connection to the same database (a second app instance). */
  openAnother(): DatabaseConnection;
  drop(): Promise<void>;
}

export async function createTestDatabase(options: { migrate?: boolean; onQuery?: (sql: string) => void } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const connection = openConnection({ kind: 'pglite', dataDir: undefined }, { onQuery: options.onQuery });
    if (options.migrate !== false) await migrate(connection);
    return {
      kind: 'pglite',
      connection,
      openAnother: () => {
        throw new Error('An in-memory PGlite database has exactly one connection');
      },
      drop: () => connection.close(),
    };
  }

  const name = `test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const others: DatabaseConnection[] = [];
  const connection = openConnection({ kind: 'postgres', url: url.toString() }, { poolSize: 5, onQuery: options.onQuery });
  if (options.migrate !== false) await migrate(connection);
  return {
    kind: 'postgres',
    connection,
    openAnother() {
      const another = openConnection({ kind: 'postgres', url: url.toString() }, { poolSize: 5 });
      others.push(another);
      return another;
    },
    async drop() {
      await Promise.all([connection, ...others].map((c) => c.close()));
      await dropDatabase(serverUrl, name);
    },
  };
}

export interface CountingTestDatabase extends TestDatabase {
  /** Runs `work` and counts the statements the driver sent meanwhile (it sees every one Prisma sends). */
  countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }>;
}

/** createTestDatabase, counting statements on demand: for "loads in one query" tests. Run counted work alone, not alongside other queries. */
export async function createCountingTestDatabase(): Promise<CountingTestDatabase> {
  let counting = false;
  let statements = 0;
  const db = await createTestDatabase({ onQuery: () => counting && statements++ });
  return {
    ...db,
    async countStatements(work) {
      statements = 0;
      counting = true;
      try {
        const result = await work();
        return { result, statements };
      } finally {
        counting = false;
      }
    },
  };
}

/**
 * Drops a test database once its connections have finished closing. Forcing it at once
 * would kill connections still saying goodbye, which pg reports as uncaught errors.
 */
async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const cleanup = new pg.Client({ connectionString: serverUrl });
  await cleanup.connect();
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS "${name}"`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006') throw error; // 55006: still in use
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await cleanup.end();
  }
}
