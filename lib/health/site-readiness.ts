// The site's /readyz: lib/health/readiness.ts with this process's database, migrations,
// Redis and shutdown state. Cheap on purpose (one query, reused for a second), so the
// probes need no rate limit and cannot lock themselves out.
import 'server-only';
import { getConnection } from '@/lib/db';
import { readMigrations } from '@/lib/db/migrate';
import { env } from '@/lib/env';
import { isDraining } from '../../scripts/lifecycle.mjs';
import { checkReadiness, sharedProbe, type Readiness } from './readiness';

let expected: string[] | undefined;

const probe = sharedProbe(
  () => {
    expected ??= readMigrations().map((migration) => migration.name);
    return checkReadiness({ connection: getConnection(), expectedMigrations: expected, redisUrl: env.REDIS_URL });
  },
  1_000,
);

/** Draining is read on every call, so nginx sees it at once; the database is then left alone (it is closing). */
export async function siteReadiness(): Promise<Readiness> {
  if (!isDraining()) return probe();
  return { ready: false, failed: ['instance'], checks: { instance: 'draining', database: 'skipped', migrations: 'skipped', redis: 'skipped' } };
}
