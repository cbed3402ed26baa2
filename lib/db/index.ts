// The app's database: one connection per process, shared across Next.js bundles and
// hot reloads through globalThis (PGlite must never be opened twice on one directory).
import 'server-only';
import { env } from '@/lib/env';
import { openConnection, type DatabaseConnection } from './connection';
import { resolveDatabaseTarget } from './target';

const globalKey = Symbol.for('steady-spine.database');
type GlobalWithDb = typeof globalThis & { [globalKey]?: DatabaseConnection };

export function getConnection(): DatabaseConnection {
  const store = globalThis as GlobalWithDb;
  store[globalKey] ??= openConnection(resolveDatabaseTarget(env.DATABASE_URL), { poolSize: env.DATABASE_POOL_SIZE });
  return store[globalKey];
}

export function getDb() {
  return getConnection().prisma;
}

export type { PrismaClient } from './generated/client';
