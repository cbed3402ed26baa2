// Two instances of the app on one PostgreSQL database and one Redis, for the cluster spec
// (e2e/cluster/two-instances.spec.ts). Everything here is started by the spec and stopped
// by it again: the database is created fresh and dropped, the Redis keys live under a
// prefix of their own and are deleted, and only the child processes started here are
// ended. The production build is the one scripts/e2e-server.ts made (playwright.config.ts
// starts it first).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { adminQuery } from '../../scripts/lib/postgres-admin';
import { deleteKeysUnder, ensureKeyspaceEvents, redisProblem } from '../../scripts/lib/cache-redis';
import { startLocalStripe, type LocalStripe } from '../../scripts/lib/local-stripe';
import { startMailSink, type SunkEmail } from '../../scripts/lib/mail-sink';
import { startManagedProcess, waitUntilAnswering } from '../../scripts/lib/managed-process';
import { serverCommand } from '../../scripts/lib/prepare-build';
import { planStart } from '../../scripts/lib/start-plan';

/** The test service's Redis (CI runs one on 127.0.0.1:6379). */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The PostgreSQL server the cluster's database is created on (trust auth, loopback). */
const POSTGRES_SERVER = 'postgresql://postgres@127.0.0.1:5432';

/** Why the test service's Redis cannot be used, or null. */
export const clusterRedisProblem = () => redisProblem(REDIS_URL);

export interface ClusterDatabase {
  name: string;
  url: string;
  /** A client of the cluster's database, for what the spec sets up or checks directly. */
  query<T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A fresh, empty database on the PostgreSQL server; the first instance migrates it. */
export async function createClusterDatabase(): Promise<ClusterDatabase> {
  const name = `cluster_${Date.now().toString(36)}_${crypto.randomBytes(4).toString('hex')}`;
  await adminQuery(POSTGRES_SERVER, `CREATE DATABASE "${name}"`);
  const url = `${POSTGRES_SERVER}/${name}`;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => {});
  return {
    name,
    url,
    async query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
      return (await pool.query<T>(sql, values)).rows;
    },
    async drop() {
      await pool.end().catch(() => {});
      await adminQuery(POSTGRES_SERVER, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A real SMTP server on loopback that writes each message it accepts into a folder. */
export interface MailSink {
  /** Every message received so far, oldest first. */
  received(): SunkEmail[];
  close(): Promise<void>;
}

export async function startClusterMailSink(port: number): Promise<MailSink> {
  const dir = path.resolve('test-results', `cluster-mail-${port}`);
  const sink = await startMailSink({ port, dir });
  return {
    received() {
      if (!fs.existsSync(dir)) return [];
      return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as SunkEmail);
    },
    async close() {
      await sink.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Instance {
  name: string;
  port: number;
  /** http://127.0.0.1:<port>, its SITE_URL. */
  origin: string;
  /** The last lines it printed, for a failure's report. */
  log(): string;
  stop(): Promise<void>;
}

export interface InstanceSettings {
  name: string;
  port: number;
  databaseUrl: string;
  authSecret: string;
  keyPrefix: string;
  smtpPort: number;
  stripe: LocalStripe;
  /** Default: REDIS_URL, the test service. */
  redisUrl?: string;
}

/**
 * Starts the production server as `npm start` would for a loopback SITE_URL (the demo:
 * demo data seeded, Stripe emulator), with the cluster's shared database, Redis and secret,
 * and waits until it answers. Nothing is inherited from this process's environment but PATH
 * and HOME, so no setting of the test runner reaches the app.
 */
export async function startInstance(settings: InstanceSettings): Promise<Instance> {
  const origin = `http://127.0.0.1:${settings.port}`;
  const plan = planStart(
    {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(settings.port),
      HOST: '127.0.0.1',
      SITE_URL: origin,
      DATABASE_URL: settings.databaseUrl,
      AUTH_SECRET: settings.authSecret,
      SEED_DEMO_DATA: 'true',
      SMTP_URL: `smtp://127.0.0.1:${settings.smtpPort}`,
      REDIS_URL: settings.redisUrl ?? REDIS_URL,
      KEY_PREFIX: settings.keyPrefix,
      ...settings.stripe.env,
    },
    { dev: false, demoAuthSecret: () => settings.authSecret },
  );
  if (!plan.demo) throw new Error(`Instance ${settings.name} was not planned as the demo`);

  const server = startManagedProcess(settings.name, process.execPath, serverCommand(false), { env: plan.env });
  const instance: Instance = {
    name: settings.name,
    port: settings.port,
    origin,
    log: () => server.log(),
    stop: () => server.stop(10_000),
  };
  try {
    await waitUntilAnswering(server, `${origin}/robots.txt`);
  } catch (error) {
    await instance.stop();
    throw error;
  }
  return instance;
}

export interface Cluster {
  a: Instance;
  b: Instance;
  db: ClusterDatabase;
  mail: MailSink;
  keyPrefix: string;
  stop(): Promise<void>;
}

/**
 * A and B on ports E2E_PORT+20 and +21, the mail sink on +22, the Stripe emulator on +23.
 * A starts alone and seeds the demo data; B starts once A answers (its seed then finds
 * everything in place). Whatever was started is stopped again if a later step fails.
 */
export async function startCluster(): Promise<Cluster> {
  if (!fs.existsSync(path.resolve('.next', 'BUILD_ID'))) throw new Error('No production build in .next: scripts/e2e-server.ts (playwright.config.ts) makes it');
  const base = Number(process.env.E2E_PORT ?? 3100) + 20;
  const keyPrefix = `steady-spine-cluster-${crypto.randomBytes(6).toString('hex')}_`;
  const authSecret = crypto.randomBytes(32).toString('base64url');
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanUp = async () => {
    for (const step of cleanups.splice(0).reverse()) {
      await step().catch((error: unknown) => console.error(`cluster clean-up step failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
  try {
    // The cache library needs Redis's keyspace events (scripts/lib/cache-redis.ts); this
    // Redis is the machine's or CI's test service, so they are switched on if off.
    await ensureKeyspaceEvents(REDIS_URL);
    cleanups.push(() => deleteKeysUnder(REDIS_URL, keyPrefix, /^steady-spine-cluster-[0-9a-f]+_$/));
    const db = await createClusterDatabase();
    cleanups.push(() => db.drop());
    const mail = await startClusterMailSink(base + 2);
    cleanups.push(() => mail.close());
    const stripe = await startLocalStripe({ appPort: base, emulatorPort: base + 3 });
    cleanups.push(() => stripe.emulator.close());
    const common = { databaseUrl: db.url, authSecret, keyPrefix, smtpPort: base + 2, stripe };
    const a = await startInstance({ ...common, name: 'A', port: base });
    cleanups.push(() => a.stop());
    const b = await startInstance({ ...common, name: 'B', port: base + 1 });
    cleanups.push(() => b.stop());
    return { a, b, db, mail, keyPrefix, stop: cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
