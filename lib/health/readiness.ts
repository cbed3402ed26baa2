// Whether an instance should get traffic (/readyz): its database answers within a short
// timeout with every migration in prisma/migrations applied, Redis answers when the
// cache is shared through it, and the instance is not draining after SIGTERM. The
// answer names what failed and nothing else: no addresses, URLs or driver messages
// (those go to the log), since probes are public.
import type { DatabaseConnection } from '@/lib/db/connection';
import { redisProblem } from '@/lib/cache/redis';

export type CheckState = 'ok' | 'unreachable' | 'timeout' | 'pending' | 'skipped' | 'not configured' | 'draining';

export interface Readiness {
  ready: boolean;
  /** The names of the checks that failed, e.g. ['database']. */
  failed: string[];
  checks: { instance: CheckState; database: CheckState; migrations: CheckState; redis: CheckState };
  /** Migrations in prisma/migrations the database has not applied. */
  pendingMigrations?: string[];
}

export interface ReadinessInput {
  connection: DatabaseConnection;
  /** Names of the migrations the code expects (prisma/migrations). */
  expectedMigrations: string[];
  redisUrl?: string;
  draining?: boolean;
  timeoutMs?: number;
  log?: (line: string) => void;
}

class Timeout extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const describe = (error: unknown) => (error instanceof Error ? error.message || error.name : String(error));

/** The applied migrations' names, or null when the migrations table does not exist yet. */
async function appliedMigrations(connection: DatabaseConnection): Promise<Set<string> | null> {
  return connection.withSession(async (session) => {
    const [{ exists }] = await session.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`);
    if (!exists) return null;
    const rows = await session.query<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    return new Set(rows.map((row) => row.migration_name));
  });
}

export async function checkReadiness(input: ReadinessInput): Promise<Readiness> {
  const timeoutMs = input.timeoutMs ?? 2_000;
  const log = input.log ?? console.error;
  const checks: Readiness['checks'] = { instance: input.draining ? 'draining' : 'ok', database: 'ok', migrations: 'ok', redis: 'not configured' };
  let pendingMigrations: string[] | undefined;

  const database = within(appliedMigrations(input.connection), timeoutMs).then(
    (applied) => {
      const pending = input.expectedMigrations.filter((name) => !applied?.has(name));
      if (pending.length > 0) {
        checks.migrations = 'pending';
        pendingMigrations = pending;
      }
    },
    (error: unknown) => {
      checks.database = error instanceof Timeout ? 'timeout' : 'unreachable';
      checks.migrations = 'skipped';
      if (!(error instanceof Timeout)) log(`[readyz] database: ${describe(error)}`);
    },
  );
  const redis = input.redisUrl
    ? redisProblem(input.redisUrl, timeoutMs).then((problem) => {
        checks.redis = problem ? 'unreachable' : 'ok';
        if (problem) log(`[readyz] ${problem}`);
      })
    : Promise.resolve();
  await Promise.all([database, redis]);

  const failed = Object.entries(checks)
    .filter(([, state]) => state !== 'ok' && state !== 'not configured')
    .map(([name]) => name);
  return { ready: failed.length === 0, failed, checks, ...(pendingMigrations ? { pendingMigrations } : {}) };
}

const NO_STORE = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

export function readinessResponse(readiness: Readiness): Response {
  return Response.json({ status: readiness.ready ? 'ready' : 'unavailable', ...readiness }, { status: readiness.ready ? 200 : 503, headers: NO_STORE });
}

export function livenessResponse(uptimeSeconds: number): Response {
  return Response.json({ status: 'alive', uptimeSeconds: Math.round(uptimeSeconds) }, { headers: NO_STORE });
}

/**
 * `check` at most once per `ttlMs`, concurrent callers sharing one run: probes from
 * nginx, an orchestrator and a flood of anonymous requests cost one query a second.
 */
export function sharedProbe<T>(check: () => Promise<T>, ttlMs: number, now: () => number = Date.now): () => Promise<T> {
  let last: { at: number; result: Promise<T> } | null = null;
  return () => {
    if (!last || now() - last.at >= ttlMs) {
      const result = check();
      last = { at: now(), result };
      // A run that throws is not reused.
      result.catch(() => {
        last = null;
      });
    }
    return last.result;
  };
}
