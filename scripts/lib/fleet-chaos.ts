// Load and fault runs against the production layout (`npm run fleet:chaos`, and a short
// version in tests/fleet/chaos.test.ts): the fleet of scripts/lib/fleet.ts on a database
// of the run's own (reached through the run's own TCP proxy, scripts/lib/fleet-faults.ts),
// a redis-server of its own and the Stripe emulator, under the mixed workload of
// scripts/lib/fleet-workload.ts. Each case runs the workload for its time, breaks one part
// on the way, then checks the database for every write the site acknowledged and prints
// a row of the table. Nothing shared is stopped: only processes this run started.
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import Stripe from 'stripe';
import { startStripeEmulator } from '../../tools/stripe-emulator';
import { startFleet } from './fleet';
import { adminQuery } from './postgres-admin';
import { findRedisServer, startDatabaseProxy, startOwnRedis } from './fleet-faults';
import { prepareWorkload, type Ledger, type Outcome } from './fleet-workload';
import { faultCases, type ChaosCase, type ChaosFleet, type Check, type FaultContext, type FaultEffect } from './fleet-fault-cases';

export { CHAOS_CASES, type ChaosCase, type ChaosFleet } from './fleet-fault-cases';

const POSTGRES_SERVER = process.env.FLEET_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';

/**
 * nginx on 127.0.0.1:`port` (loopback: the only origin allowed the Stripe emulator, with
 * every other demo behaviour off), instances on port+1 and port+2, the database proxy on
 * port+7, the emulator on port+8, redis-server on port+9.
 */
export async function startChaosFleet(options: { port: number; build: boolean; echo?: boolean; env?: Record<string, string> }): Promise<ChaosFleet> {
  const redisBinary = findRedisServer();
  if (!redisBinary) throw new Error('The fault run starts a redis-server of its own: install Debian\'s redis-server (apt-get install redis-server)');
  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch((error: unknown) => console.error(`Fault run clean-up failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  try {
    const name = `fleet_chaos_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
    await adminQuery(POSTGRES_SERVER, `CREATE DATABASE "${name}"`);
    cleanups.push(() => adminQuery(POSTGRES_SERVER, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    const databaseUrl = `${POSTGRES_SERVER}/${name}`;
    const proxy = await startDatabaseProxy(databaseUrl, options.port + 7);
    cleanups.push(() => proxy.close());
    const redis = await startOwnRedis(redisBinary, options.port + 9);
    cleanups.push(() => redis.close());
    const webhookSecret = `whsec_${crypto.randomBytes(24).toString('hex')}`;
    const emulator = await startStripeEmulator({ port: options.port + 8, webhookSecret });
    cleanups.push(() => emulator.close());
    const client = new Stripe(emulator.apiKey, { host: '127.0.0.1', port: emulator.port, protocol: 'http', maxNetworkRetries: 2 });
    const fleet = await startFleet({
      databaseUrl: proxy.url,
      redisUrl: redis.url,
      keyPrefix: 'chaos:',
      authSecret: crypto.randomBytes(32).toString('base64url'),
      host: '127.0.0.1',
      port: options.port,
      instancePorts: [options.port + 1, options.port + 2],
      build: options.build,
      shutdownGraceSeconds: 10,
      echo: options.echo,
      env: options.env,
      stripeEmulatorEnv: { STRIPE_SECRET_KEY: emulator.apiKey, STRIPE_API_URL: emulator.url, STRIPE_WEBHOOK_SECRET: webhookSecret },
    });
    cleanups.push(() => fleet.stop());
    return { fleet, databaseUrl, proxy, redis, stripe: { emulator, client, webhookSecret }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface CaseReport {
  name: ChaosCase;
  seconds: number;
  requests: number;
  ok: number;
  clientErrors: number;
  serverErrors: number;
  noAnswer: number;
  writesAcked: number;
  writesFound: number;
  /** Writes answered with a refusal (the per-member limits: 60 completions an hour, 10 comments in 10 minutes). */
  writesRefused: number;
  /** Each instance's resident memory (MB) when the case ended. */
  memoryMb: number[];
  recovery: string;
  checks: Check[];
}

export interface CaseSettings {
  seconds: number;
  readers?: number;
  members?: number;
  coaches?: number;
  subscriptions?: number;
}

let runs = 0;

/** Runs one case: the workload for `seconds`, its fault on the way, then the checks. */
export async function runCase(chaos: ChaosFleet, name: ChaosCase, settings: CaseSettings): Promise<CaseReport> {
  const label = `c${Date.now().toString(36)}${runs++}`;
  const workload = await prepareWorkload({
    url: chaos.fleet.url,
    databaseUrl: chaos.databaseUrl,
    label,
    readers: settings.readers ?? 4,
    members: settings.members ?? 6,
    coaches: settings.coaches ?? 2,
    stripe: { client: chaos.stripe.client, webhookSecret: chaos.stripe.webhookSecret, subscriptions: settings.subscriptions ?? 6 },
  });
  const started = performance.now();
  const context: FaultContext = { chaos, ledger: workload.ledger, member: workload.member, startedAt: started, at: (fraction) => sleepUntil(started + fraction * settings.seconds * 1000) };
  const running = workload.run(30_000);
  const fault: Promise<FaultEffect> = faultCases[name](context);
  await sleepUntil(started + settings.seconds * 1000);
  const effect = await fault;
  workload.stop();
  await running;
  const found = await findWrites(chaos, workload.ledger, workload.subscriptionIds);
  const outcomes = workload.ledger.outcomes;
  const acked = workload.ledger.completions.length + workload.ledger.comments.length + workload.ledger.events.size;
  const checks: Check[] = [
    { what: 'every acknowledged write is in the database', ok: found.count === acked, detail: `${found.count} of ${acked}${found.missing.length ? `; missing: ${found.missing.slice(0, 5).join(', ')}` : ''}` },
    { what: 'subscriptions equal Stripe\'s after the webhooks', ok: found.mismatched.length === 0, detail: found.mismatched.length ? `differ: ${found.mismatched.join(', ')}` : `${workload.subscriptionIds.length} of ${workload.subscriptionIds.length} equal` },
    ...effect.checks(),
  ];
  return {
    name,
    seconds: Math.round((performance.now() - started) / 1000),
    requests: outcomes.length,
    ok: count(outcomes, (o) => o.status >= 200 && o.status < 400),
    clientErrors: count(outcomes, (o) => o.status >= 400 && o.status < 500),
    serverErrors: count(outcomes, (o) => o.status >= 500),
    noAnswer: count(outcomes, (o) => o.status === 0),
    writesAcked: acked,
    writesFound: found.count,
    writesRefused: workload.ledger.refused,
    memoryMb: chaos.fleet.instances.map((one) => residentMb(one.process()?.pid)),
    recovery: effect.recovery,
    checks,
  };
}

/** VmRSS of a running process, in MB (0 when it is not running). */
function residentMb(pid: number | undefined): number {
  if (!pid) return 0;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

const count = (outcomes: Outcome[], test: (o: Outcome) => boolean) => outcomes.reduce((n, o) => n + (test(o) ? 1 : 0), 0);
const sleepUntil = (time: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, time - performance.now())));

/** Looks up every acknowledged write, and compares each subscription with the emulator's. */
async function findWrites(chaos: ChaosFleet, ledger: Ledger, subscriptionIds: string[]) {
  const client = new pg.Client({ connectionString: chaos.databaseUrl });
  await client.connect();
  try {
    const keys = (await client.query<{ k: string }>('SELECT "requestKey" AS k FROM "SessionCompletion" WHERE "requestKey" = ANY($1)', [ledger.completions])).rows.map((r) => r.k);
    const bodies = (await client.query<{ k: string }>('SELECT body AS k FROM "Comment" WHERE body = ANY($1)', [ledger.comments])).rows.map((r) => r.k);
    const events = (await client.query<{ k: string }>('SELECT id AS k FROM "StripeEvent" WHERE id = ANY($1)', [[...ledger.events]])).rows.map((r) => r.k);
    const present = new Set([...keys, ...bodies, ...events]);
    const missing = [...ledger.completions, ...ledger.comments, ...ledger.events].filter((k) => !present.has(k));
    const mismatched: string[] = [];
    for (const id of subscriptionIds) {
      const truth = await chaos.stripe.client.subscriptions.retrieve(id);
      const row = (await client.query<{ status: string; priceId: string; cancelAtPeriodEnd: boolean }>('SELECT status, "priceId", "cancelAtPeriodEnd" FROM "Subscription" WHERE id = $1', [id])).rows[0];
      if (!row || row.status !== truth.status || row.priceId !== truth.items.data[0].price.id || row.cancelAtPeriodEnd !== truth.cancel_at_period_end) mismatched.push(id);
    }
    return { count: present.size, missing, mismatched };
  } finally {
    await client.end();
  }
}

/** The table every run prints, then each case's checks. */
export function formatReport(reports: CaseReport[]): string {
  const head = ['case', 'secs', 'requests', '2xx/3xx', '4xx', '5xx', 'no answer', 'writes acked', 'found', 'refused', 'RSS MB', 'recovery'];
  const widths = [18, 6, 10, 9, 6, 6, 11, 14, 8, 9, 11, 0];
  const line = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : i === cells.length - 1 ? `  ${c}` : String(c).padStart(widths[i]))).join('');
  const rows = reports.map((r) => line([r.name, r.seconds, r.requests, r.ok, r.clientErrors, r.serverErrors, r.noAnswer, r.writesAcked, r.writesFound, r.writesRefused, r.memoryMb.join('/'), r.recovery]));
  const checks = reports.flatMap((r) => r.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${c.what} (${c.detail})`));
  return [line(head), ...rows, '', ...checks].join('\n');
}
