// The short fault run for CI (the full one is `npm run fleet:chaos`): the production
// layout under the mixed workload (scripts/lib/fleet-workload.ts) for 40 s of steady load,
// then 40 s with an app instance killed (SIGKILL) and restarted. Every write the site
// acknowledged must be in the database, the subscriptions must equal Stripe's, and only
// requests in flight on the killed instance may fail. Uses the production build in .next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, runCase, startChaosFleet, type ChaosFleet } from '@/scripts/lib/fleet-chaos';
import { findRedisServer } from '@/scripts/lib/fleet-faults';
import { findNginx, NO_NGINX_MESSAGE } from '@/scripts/lib/nginx';

const PORT = Number(process.env.FLEET_CHAOS_TEST_PORT ?? 4130);
const SECONDS = 40;

const missing = findNginx() ? (findRedisServer() ? null : 'redis-server is not installed (the fault run starts its own)') : NO_NGINX_MESSAGE;
if (missing && process.env.CI) throw new Error(missing);
if (missing) console.warn(`Skipping the fault run: ${missing}`);

let chaos: ChaosFleet;

beforeAll(async () => {
  if (!missing) chaos = await startChaosFleet({ port: PORT, build: false });
});

afterAll(async () => {
  await chaos?.stop();
});

describe.skipIf(missing)('the fleet under a mixed load', () => {
  for (const name of ['steady', 'instance-kill'] as const) {
    it(`${name}: loses no acknowledged write and fails only what the fault explains`, async () => {
      const report = await runCase(chaos, name, { seconds: SECONDS });
      console.log(formatReport([report]));
      expect(report.writesAcked).toBeGreaterThan(50);
      expect(report.ok).toBeGreaterThan(report.requests * 0.9);
      // The design's bound for an instance after mixed load on PostgreSQL.
      for (const mb of report.memoryMb) expect(mb).toBeLessThan(300);
      for (const check of report.checks) expect(check.ok, `${check.what}: ${check.detail}`).toBe(true);
    }, (SECONDS + 90) * 1000);
  }
});
