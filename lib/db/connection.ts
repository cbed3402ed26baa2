// Opens one database (PGlite or a PostgreSQL server) and exposes both a Prisma client
// and a raw SQL session for the migrator, sharing the same underlying connection(s).
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import fs from 'node:fs';
import { PrismaClient } from './generated/client';
import type { DatabaseTarget } from './target';

type DriverAdapter = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>['adapter'];

/** One connection that can run multi-statement SQL and hold a transaction or lock. */
export interface SqlSession {
  exec(sql: string): Promise<void>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface DatabaseConnection {
  target: DatabaseTarget;
  prisma: PrismaClient;
  /** Runs fn on a single dedicated connection. */
  withSession<R>(fn: (session: SqlSession) => Promise<R>): Promise<R>;
  /**
   * Runs fn on a connection opened for it, outside the pool, so holding it (e.g. with a
   * lock) while fn's work uses the pool can never starve the pool. PGlite: the instance.
   */
  withOwnConnection<R>(fn: (session: SqlSession) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

export interface ConnectionOptions {
  poolSize?: number;
  /** Called for every SQL statement Prisma sends (tests count queries with it). */
  onQuery?: (sql: string) => void;
}

export function openConnection(target: DatabaseTarget, options: ConnectionOptions = {}): DatabaseConnection {
  return target.kind === 'pglite' ? openPglite(target.dataDir, options.onQuery) : openPostgres(target.url, options.poolSize ?? 10, options.onQuery);
}

function openPglite(dataDir: string | undefined, onQuery?: (sql: string) => void): DatabaseConnection {
  if (dataDir) fs.mkdirSync(/*turbopackIgnore: true*/ dataDir, { recursive: true });
  // PGlite's WASM heap never shrinks, so its size is the server's memory floor: 16 MB of
  // shared buffers (PostgreSQL's default is 128 MB) is ample for this site's data.
  const pglite = new PGlite(dataDir, { postgresqlconf: ['shared_buffers=16MB'] });
  if (onQuery) {
    const query = pglite.query.bind(pglite);
    pglite.query = ((sql: string, ...rest: unknown[]) => {
      onQuery(sql);
      return (query as (...args: unknown[]) => unknown)(sql, ...rest);
    }) as typeof pglite.query;
  }
  // pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils; the
  // runtime contract is the same (verified by the integration tests on every run).
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) as unknown as DriverAdapter });
  // PGlite is a single connection: a session is the instance itself. Exclusive use is
  // guaranteed by running migrations before the app serves anything.
  const session: SqlSession = {
    async exec(sql) {
      await pglite.exec(sql);
    },
    async query(sql, params) {
      const result = await pglite.query(sql, params as unknown[] | undefined);
      return result.rows as never;
    },
  };
  return {
    target: { kind: 'pglite', dataDir },
    prisma,
    withSession: (fn) => fn(session),
    withOwnConnection: (fn) => fn(session),
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

function openPostgres(url: string, poolSize: number, onQuery?: (sql: string) => void): DatabaseConnection {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server drops (a restart, a failover, DROP DATABASE ... FORCE
  // after close) must not crash the process: the pool replaces it on the next query.
  let closing = false;
  pool.on('error', (error) => {
    if (!closing) console.error(`PostgreSQL dropped an idle connection: ${error.message}`);
  });
  if (onQuery) {
    const query = pool.query.bind(pool);
    pool.query = ((config: unknown, ...rest: unknown[]) => {
      onQuery(typeof config === 'string' ? config : String((config as { text?: string }).text));
      return (query as (...args: unknown[]) => unknown)(config, ...rest);
    }) as typeof pool.query;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    target: { kind: 'postgres', url },
    prisma,
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn(sessionOf(client));
      } finally {
        client.release();
      }
    },
    async withOwnConnection(fn) {
      const client = new pg.Client({ connectionString: url });
      // A dropped connection surfaces as the failed query; the event alone must not crash us.
      client.on('error', (error) => console.error(`PostgreSQL dropped a connection: ${error.message}`));
      await client.connect();
      try {
        return await fn(sessionOf(client));
      } finally {
        await client.end().catch(() => {});
      }
    },
    async close() {
      closing = true;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

function sessionOf(client: pg.ClientBase): SqlSession {
  return {
    async exec(sql) {
      await client.query(sql);
    },
    async query(sql, params) {
      const result = await client.query(sql, params as unknown[] | undefined);
      return result.rows;
    },
  };
}
