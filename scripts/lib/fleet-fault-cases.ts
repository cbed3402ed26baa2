// What each case of the fault run (scripts/lib/fleet-chaos.ts) does to the fleet while the
// workload runs, how long the fleet took to recover, and what must hold afterwards.
import type Stripe from 'stripe';
import type { StripeEmulator } from '../../tools/stripe-emulator';
import type { Fleet } from './fleet';
import type { DatabaseProxy, OwnRedis } from './fleet-faults';
import type { Ledger, Outcome, Workload } from './fleet-workload';

export const CHAOS_CASES = ['steady', 'instance-kill', 'postgres-restart', 'redis-stop', 'rolling-deploy'] as const;
export type ChaosCase = (typeof CHAOS_CASES)[number];

export interface ChaosFleet {
  fleet: Fleet;
  databaseUrl: string;
  proxy: DatabaseProxy;
  redis: OwnRedis;
  stripe: { emulator: StripeEmulator; client: Stripe; webhookSecret: string };
  stop(): Promise<void>;
}

export interface Check {
  what: string;
  ok: boolean;
  detail: string;
}


export interface FaultContext {
  chaos: ChaosFleet;
  ledger: Ledger;
  member: Workload['member'];
  /** performance.now() when the workload started. */
  startedAt: number;
  /** Resolves at this fraction of the case's time. */
  at(fraction: number): Promise<unknown>;
}

export interface FaultEffect {
  recovery: string;
  /** Evaluated once the workload has finished. */
  checks(): Check[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failed = (o: Outcome) => o.status === 0 || o.status >= 500;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** How long an outage lasts. */
const OUTAGE_MS = 8_000;
/** How soon an instance answers 503 after the database went away: its gate probes every second, later on a busy machine. */
const GATE_NOTICE_MS = 2_500;
/** The longest any one request may take: longer is a hang. */
const HANG_MS = 15_000;

function describe(outcomes: Outcome[]): string {
  const byKind = new Map<string, number>();
  for (const o of outcomes) byKind.set(`${o.kind} ${o.status || 'no answer'}`, (byKind.get(`${o.kind} ${o.status || 'no answer'}`) ?? 0) + 1);
  return [...byKind].map(([k, n]) => `${n} × ${k}`).join(', ') || 'none';
}

/** No request failed (5xx or no answer) from `from` on. */
function noFailures(ledger: Ledger, what = 'no request failed (5xx or no answer)'): Check {
  const failures = ledger.outcomes.filter(failed);
  return { what, ok: failures.length === 0, detail: describe(failures) };
}

function noHang(ledger: Ledger): Check {
  const slowest = Math.max(0, ...ledger.outcomes.map((o) => o.ended - o.started));
  return { what: `no request took longer than ${HANG_MS / 1000} s`, ok: slowest <= HANG_MS, detail: `slowest ${seconds(slowest)}` };
}

/** Polls `test` every 100 ms for up to `limitMs`; the time it took, or null. */
async function timeUntil(test: () => Promise<boolean> | boolean, limitMs: number): Promise<number | null> {
  const from = performance.now();
  while (performance.now() - from < limitMs) {
    if (await test()) return performance.now() - from;
    await sleep(100);
  }
  return null;
}

const ready = async (origin: string) => (await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(2_000) }).catch(() => null))?.status === 200;
const allReady = async (chaos: ChaosFleet) => (await Promise.all(chaos.fleet.instances.map((i) => ready(i.origin)))).every(Boolean);
const pids = (chaos: ChaosFleet) => chaos.fleet.instances.map((i) => i.process()?.pid ?? 0).join(',');

export const faultCases: Record<ChaosCase, (context: FaultContext) => Promise<FaultEffect>> = {
  async steady({ ledger }) {
    return { recovery: '-', checks: () => [noFailures(ledger), noHang(ledger)] };
  },

  async 'instance-kill'({ chaos, ledger, at }) {
    await at(1 / 3);
    const victim = chaos.fleet.instances[0];
    const server = victim.process()!;
    const killedAt = performance.now();
    server.signal('SIGKILL');
    await server.exited;
    await sleep(3_000);
    const restartAt = performance.now();
    await victim.start();
    const restarted = performance.now() - restartAt;
    // Only requests that were already on their way when the instance died may fail: nginx
    // sends everything after to the other instance (a POST it had already sent is not retried).
    const failures = () => ledger.outcomes.filter(failed);
    const outside = () => failures().filter((o) => !(o.started <= killedAt + 250 && o.ended >= killedAt));
    return {
      recovery: `restarted, ready in ${seconds(restarted)}`,
      checks: () => [
        { what: 'only requests in flight at the kill failed', ok: outside().length === 0, detail: `${describe(failures())}; outside the kill: ${describe(outside())}` },
        noHang(ledger),
      ],
    };
  },

  async 'postgres-restart'({ chaos, ledger, member, at }) {
    await at(0.3);
    const before = pids(chaos);
    await chaos.proxy.down();
    const downAt = performance.now();
    await sleep(OUTAGE_MS / 2);
    // A member's page while the database is away: a clear 503, not a hang or a crash.
    const during = await fetch(`${chaos.fleet.url}${member.pagePath}`, { headers: { Cookie: member.cookie }, signal: AbortSignal.timeout(HANG_MS) }).then(
      async (r) => ({ status: r.status, body: await r.text() }),
      (error: unknown) => ({ status: 0, body: String(error) }),
    );
    await sleep(Math.max(0, OUTAGE_MS - (performance.now() - downAt)));
    await chaos.proxy.up();
    const upAt = performance.now();
    const readyAfter = await timeUntil(() => allReady(chaos), 30_000);
    const writeAfter = await timeUntil(() => ledger.outcomes.some((o) => o.kind === 'completion' && o.started >= upAt && o.status === 200), 30_000);
    const outage = ledger.outcomes.filter((o) => o.started >= downAt && o.started < upAt);
    // Each instance notices within a second (scripts/database-gate.mjs): requests already
    // on their way then may fail otherwise.
    const wrong = ledger.outcomes.filter((o) => failed(o) && o.status !== 503 && !(o.started >= downAt - 500 && o.started <= downAt + GATE_NOTICE_MS));
    return {
      recovery: `ready ${readyAfter === null ? 'NOT within 30 s' : seconds(readyAfter)}, first write ${writeAfter === null ? 'NOT within 30 s' : seconds(writeAfter)} after the database returned`,
      checks: () => [
        { what: 'a page that needs the database answers 503 with a clear page while it is down', ok: during.status === 503 && /database|try again/i.test(during.body), detail: `HTTP ${during.status}` },
        { what: 'failures are 503s (but in the first 2.5 s), never 500, 502 or a dropped request', ok: wrong.length === 0, detail: `${describe(ledger.outcomes.filter(failed))}; not 503: ${describe(wrong)}${wrong.length ? ` (started ${wrong.map((o) => `${((o.started - downAt) / 1000).toFixed(1)} s`).join(', ')} after the database went, ${((upAt - downAt) / 1000).toFixed(1)} s before it returned)` : ''}` },
        { what: 'public pages kept being served while it was down', ok: outage.some((o) => o.kind === 'article' && o.status === 200), detail: describe(outage.filter((o) => o.kind === 'article')) },
        { what: 'the instances recovered by themselves within 15 s, without a restart', ok: readyAfter !== null && readyAfter <= 15_000 && writeAfter !== null && writeAfter <= 15_000 && pids(chaos) === before, detail: `process ids ${before} then ${pids(chaos)}` },
        noHang(ledger),
      ],
    };
  },

  async 'redis-stop'({ chaos, ledger, at }) {
    await at(0.3);
    await chaos.redis.stop();
    await sleep(OUTAGE_MS);
    await chaos.redis.start();
    const resumed = await timeUntil(async () => (await chaos.redis.keyCount()) > 0, 30_000);
    const readyAfter = await timeUntil(() => allReady(chaos), 30_000);
    const keys = await chaos.redis.keyCount();
    return {
      recovery: `cache written again ${resumed === null ? 'NOT within 30 s' : seconds(resumed)} after Redis returned`,
      checks: () => [
        noFailures(ledger, 'pages kept being served: no request failed (5xx or no answer)'),
        { what: 'the cache resumed in Redis and every instance is ready', ok: resumed !== null && readyAfter !== null, detail: `${keys} keys in Redis` },
        noHang(ledger),
      ],
    };
  },

  async 'rolling-deploy'({ chaos, ledger, at }) {
    await at(0.2);
    const from = performance.now();
    await chaos.fleet.rollingRestart();
    return { recovery: `deploy took ${seconds(performance.now() - from)}`, checks: () => [noFailures(ledger, 'no request failed while each instance was replaced'), noHang(ledger)] };
  },
};
