// /readyz's logic (lib/health/readiness.ts) against a real database (PGlite, or the
// PostgreSQL server with TEST_DATABASE_URL) and real Redis connections: what it answers
// when all is well, when the database is down or slow, when migrations are pending and
// when a configured Redis does not answer; and the shutdown steps' order and bounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type DatabaseConnection } from '@/lib/db/connection';
import { readMigrations } from '@/lib/db/migrate';
import { checkReadiness, livenessResponse, readinessResponse, sharedProbe } from '@/lib/health/readiness';
import { parseShutdownGrace, onShutdown, runShutdownHooks } from '@/scripts/lifecycle.mjs';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const expected = readMigrations().map((migration) => migration.name);
/** Nothing listens here (the 4100 range is this project's own; 4198/4199 stay unused). */
const DEAD_POSTGRES = 'postgres://postgres@127.0.0.1:4199/nowhere';
const DEAD_REDIS = 'redis://127.0.0.1:4198';
const quiet = () => {};

let migrated: TestDatabase;
beforeAll(async () => {
  migrated = await createTestDatabase();
});
afterAll(async () => {
  await migrated?.drop();
});

async function bodyOf(response: Response) {
  return { status: response.status, cacheControl: response.headers.get('cache-control'), text: await response.text() };
}

describe('checkReadiness', () => {
  it('is ready with a reachable, fully migrated database and no Redis configured', async () => {
    const readiness = await checkReadiness({ connection: migrated.connection, expectedMigrations: expected, timeoutMs: 20_000, log: quiet });
    expect(readiness).toMatchObject({ ready: true, failed: [], checks: { database: 'ok', migrations: 'ok', redis: 'not configured', instance: 'ok' } });
    const response = await bodyOf(readinessResponse(readiness));
    expect(response.status).toBe(200);
    expect(response.cacheControl).toBe('no-store');
  });

  it('answers 503 naming the database when it cannot be reached, without the address', async () => {
    const down = openConnection({ kind: 'postgres', url: DEAD_POSTGRES }, { poolSize: 1 });
    try {
      const readiness = await checkReadiness({ connection: down, expectedMigrations: expected, timeoutMs: 3_000, log: quiet });
      expect(readiness.ready).toBe(false);
      expect(readiness.failed).toEqual(['database', 'migrations']);
      expect(readiness.checks.database).toBe('unreachable');
      const response = await bodyOf(readinessResponse(readiness));
      expect(response.status).toBe(503);
      expect(response.cacheControl).toBe('no-store');
      expect(response.text).toContain('"database":"unreachable"');
      expect(response.text).not.toMatch(/4199|postgres:\/\/|127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await down.close();
    }
  });

  it('gives up on a database that does not answer within the timeout', async () => {
    const hanging: DatabaseConnection = { ...migrated.connection, withSession: () => new Promise(() => {}) };
    const started = Date.now();
    const readiness = await checkReadiness({ connection: hanging, expectedMigrations: expected, timeoutMs: 200, log: quiet });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(readiness).toMatchObject({ ready: false, failed: ['database', 'migrations'], checks: { database: 'timeout' } });
  });

  it('answers 503 naming the migrations when the schema is behind the code', async () => {
    const empty = await createTestDatabase({ migrate: false });
    try {
      // A fresh embedded database takes a while to open on a busy machine: not what this checks.
      const none = await checkReadiness({ connection: empty.connection, expectedMigrations: expected, timeoutMs: 20_000, log: quiet });
      expect(none).toMatchObject({ ready: false, failed: ['migrations'], checks: { database: 'ok', migrations: 'pending' } });
      expect(none.pendingMigrations).toEqual(expected);
    } finally {
      await empty.drop();
    }
    const oneMore = await checkReadiness({ connection: migrated.connection, expectedMigrations: [...expected, '29990101000000_not_yet'], log: quiet });
    expect(oneMore).toMatchObject({ ready: false, failed: ['migrations'], pendingMigrations: ['29990101000000_not_yet'] });
    expect((await bodyOf(readinessResponse(oneMore))).status).toBe(503);
  });

  it('answers 503 naming Redis when REDIS_URL is set and Redis does not answer, without its address', async () => {
    const readiness = await checkReadiness({ connection: migrated.connection, expectedMigrations: expected, redisUrl: DEAD_REDIS, timeoutMs: 1_000, log: quiet });
    expect(readiness).toMatchObject({ ready: false, failed: ['redis'], checks: { database: 'ok', redis: 'unreachable' } });
    expect((await bodyOf(readinessResponse(readiness))).text).not.toContain('4198');
  });

  it('checks a Redis that answers (the test service at REDIS_URL or 127.0.0.1:6379)', async () => {
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const readiness = await checkReadiness({ connection: migrated.connection, expectedMigrations: expected, redisUrl, log: quiet });
    expect(readiness.checks.redis).toBe('ok');
  });

  it('says draining when the instance is shutting down', async () => {
    const readiness = await checkReadiness({ connection: migrated.connection, expectedMigrations: expected, draining: true, log: quiet });
    expect(readiness).toMatchObject({ ready: false, failed: ['instance'], checks: { instance: 'draining' } });
  });
});

describe('probes', () => {
  it('liveness is a small uncached JSON answer', async () => {
    const response = await bodyOf(livenessResponse(12.3));
    expect(response).toEqual({ status: 200, cacheControl: 'no-store', text: '{"status":"alive","uptimeSeconds":12}' });
  });

  it('a shared probe runs its check once per interval, however many ask', async () => {
    let now = 0;
    let runs = 0;
    const probe = sharedProbe(async () => ++runs, 1_000, () => now);
    expect(await Promise.all([probe(), probe(), probe()])).toEqual([1, 1, 1]);
    now = 999;
    expect(await probe()).toBe(1);
    now = 1_000;
    expect(await probe()).toBe(2);
  });
});

describe('shutdown steps', () => {
  it('run once, last registered first, each bounded in time', async () => {
    const order: string[] = [];
    onShutdown('database', async () => order.push('database'));
    onShutdown('scheduler', async () => order.push('scheduler'));
    onShutdown('scheduler', async () => order.push('registered twice'));
    onShutdown('stuck', () => new Promise(() => {}));
    expect(await runShutdownHooks(100)).toEqual(['stuck (timeout)']);
    expect(order).toEqual(['scheduler', 'database']);
    expect(await runShutdownHooks(100)).toEqual([]);
  });

  it('SHUTDOWN_GRACE_SECONDS is a whole number of seconds up to 300, 10 when unset', () => {
    expect(parseShutdownGrace(undefined)).toBe(10);
    expect(parseShutdownGrace(' 0 ')).toBe(0);
    expect(parseShutdownGrace('300')).toBe(300);
    for (const bad of ['-1', '1.5', '301', 'ten']) expect(() => parseShutdownGrace(bad), bad).toThrow(/whole number/);
  });
});
