// Shared pieces of the in-process benchmarks (bench/webhooks.ts, bench/comments.ts).
import crypto from 'node:crypto';
import pg from 'pg';
import { openConnection, type DatabaseConnection } from '../lib/db/connection';
import { migrate } from '../lib/db/migrate';

/** A fresh database on the PostgreSQL server at `server`, and how to drop it afterwards
 * (a benchmark never writes into the database it was pointed at). */
export async function throwawayServerDatabase(server: string, prefix: string): Promise<{ url: string; settle: () => Promise<void>; drop: () => Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    /**
     * After bulk seeding: vacuum, analyze and checkpoint now, so the server's autovacuum
     * and checkpointer do not take the cores from the first measurements (they did: the
     * baseline row, measured first, came out at half its usual rate).
     */
    async settle() {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      await client.query('VACUUM ANALYZE');
      await client.query('CHECKPOINT');
      await client.end();
    },
    async drop() {
      const cleanup = new pg.Client({ connectionString: server });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** A throwaway database: embedded PGlite in memory, or a fresh database on the PostgreSQL
 * server named by BENCH_DATABASE_URL (dropped afterwards). */
export async function openBenchDatabase(prefix: string): Promise<{ connection: DatabaseConnection; label: string; drop: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) {
    const connection = openConnection({ kind: 'pglite', dataDir: undefined });
    await migrate(connection);
    return { connection, label: 'embedded PGlite (in memory)', drop: () => connection.close() };
  }
  const database = await throwawayServerDatabase(server, prefix);
  const connection = openConnection({ kind: 'postgres', url: database.url }, { poolSize: 10 });
  await migrate(connection);
  return {
    connection,
    label: 'PostgreSQL server',
    async drop() {
      await connection.close();
      await database.drop();
    },
  };
}

/** Runs worker(0..count-1) with `concurrency` in flight at a time; returns the seconds taken. */
export async function timeConcurrently(count: number, concurrency: number, worker: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await worker(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

/** Runs a benchmark script's main and exits with its outcome. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
