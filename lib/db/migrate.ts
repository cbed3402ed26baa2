// Applies prisma/migrations/*/migration.sql in order, recording each in Prisma's own
// _prisma_migrations table (same checksum), so `prisma migrate status` agrees with us.
// Runs in-process on PGlite or a server; a PostgreSQL advisory lock makes concurrent
// starts of several app instances safe.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseConnection, SqlSession } from './connection';

const LOCK_KEY = 72_707_369; // arbitrary, constant across versions

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = path.join(process.cwd(), 'prisma', 'migrations')): Migration[] {
  // Traced explicitly through outputFileTracingIncludes in next.config.js.
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(/*turbopackIgnore: true*/ path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(
  connection: DatabaseConnection,
  migrations: Migration[] = readMigrations(),
): Promise<MigrateResult> {
  return connection.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      return await applyPending(session, migrations);
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}

async function applyPending(session: SqlSession, migrations: Migration[]): Promise<MigrateResult> {
  await session.exec(CREATE_TABLE);
  const rows = await session.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
  );
  const done = new Map(rows.map((r) => [r.migration_name, r]));
  const failed = rows.find((r) => r.finished_at === null);
  if (failed) {
    throw new Error(`Migration ${failed.migration_name} started but never finished; fix the database by hand, then mark it rolled back.`);
  }

  const applied: string[] = [];
  for (const migration of migrations) {
    const previous = done.get(migration.name);
    if (previous) {
      if (previous.checksum !== migration.checksum) {
        throw new Error(
          `Migration ${migration.name} was edited after it was applied. Restore the original file and add a new migration instead.`,
        );
      }
      continue;
    }
    // DDL is transactional in PostgreSQL: a failing migration leaves nothing behind.
    await session.exec('BEGIN');
    try {
      await session.exec(migration.sql);
      await session.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 1)`,
        [crypto.randomUUID(), migration.checksum, migration.name],
      );
      await session.exec('COMMIT');
    } catch (error) {
      await session.exec('ROLLBACK');
      throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
    }
    applied.push(migration.name);
  }
  return { applied, alreadyApplied: done.size };
}
