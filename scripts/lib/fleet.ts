// The production layout on this machine, without Docker: app instances on loopback ports
// (scripts/server.mjs, as `npm start` runs it for a real site) on one PostgreSQL and one
// Redis, and nginx in front (deploy/nginx.conf.template). What deploy/compose.yaml runs,
// from the same definitions (scripts/lib/fleet-plan.ts). Used by `npm run fleet`
// (scripts/fleet.ts) and by tests that stop, kill and restart single instances: each
// child runs in a process group of its own and is signalled only by that group's id.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openConnection } from '../../lib/db/connection';
import { migrate } from '../../lib/db/migrate';
import { ensureKeyspaceEvents, redisProblem } from './cache-redis';
import { HEALTH_PATHS, instanceVariables, UPSTREAM_FAIL_TIMEOUT_SECONDS, upstreamServers } from './fleet-plan';
import { startManagedProcess, waitUntilAnswering, type ManagedProcess } from './managed-process';
import { ensureNginx, NO_NGINX_MESSAGE, startNginx, writeNginxConfig } from './nginx';
import { ensureProductionBuild, serverCommand } from './prepare-build';
import { planStart } from './start-plan';

export interface FleetOptions {
  /** postgres://…: the fleet's one database (several instances cannot share an embedded one). */
  databaseUrl: string;
  redisUrl: string;
  keyPrefix: string;
  authSecret: string;
  /** nginx's address: a loopback address other than 127.0.0.1, so SITE_URL is a real site's. */
  host: string;
  port: number;
  /** One app instance per port, listening on 127.0.0.1. */
  instancePorts: number[];
  /** Build for this SITE_URL first (skipped when up to date); false: use the build in .next as it is. */
  build: boolean;
  shutdownGraceSeconds?: number;
  /** Print the children's output as it comes. */
  echo?: boolean;
  /** More settings for every instance. */
  env?: Record<string, string>;
  /**
   * The Stripe emulator's settings (scripts/lib/local-stripe.ts), for a workload that
   * delivers webhooks: Stripe's API is unreachable here, and only a loopback SITE_URL may
   * use the emulator (lib/demo/startup-check.ts), so `host` must then be 127.0.0.1; every
   * other demo behaviour (demo data, public outbox) is switched off.
   */
  stripeEmulatorEnv?: Record<string, string>;
}

export interface FleetInstance {
  name: string;
  port: number;
  origin: string;
  /** The running server, or null while it is stopped. */
  process(): ManagedProcess | null;
  /** Starts it (again) and waits until /readyz answers 200. */
  start(): Promise<void>;
  /** SIGTERM (a graceful drain), SIGKILL after the grace. */
  stop(): Promise<void>;
  /** The last lines of every run of it. */
  log(): string;
}

export interface Fleet {
  /** nginx's origin: SITE_URL. */
  url: string;
  instances: FleetInstance[];
  nginx: ManagedProcess;
  /**
   * A deploy without a failed request: each instance in turn is stopped with SIGTERM (it
   * drains), started, and once ready left alone for nginx's fail_timeout, so nginx has taken
   * it back before the next one goes (else nginx, still counting it failed, finds no
   * instance for a moment and answers 502).
   */
  rollingRestart(): Promise<void>;
  /** Stops nginx and every instance, and removes nginx's folder. */
  stop(): Promise<void>;
}

const APP_HOST = '127.0.0.1';

function instance(index: number, port: number, options: FleetOptions, siteUrl: string): FleetInstance {
  const origin = `http://${APP_HOST}:${port}`;
  const name = `app${index + 1}`;
  // Only what an operator sets, nothing inherited that could switch a demo behaviour on.
  const plan = planStart(
    {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...instanceVariables({
        siteUrl,
        host: APP_HOST,
        port,
        databaseUrl: options.databaseUrl,
        redisUrl: options.redisUrl,
        keyPrefix: options.keyPrefix,
        authSecret: options.authSecret,
        trustedProxies: 'loopback',
        shutdownGraceSeconds: options.shutdownGraceSeconds ?? 10,
      }),
      ...options.env,
      ...(options.stripeEmulatorEnv && { ...options.stripeEmulatorEnv, SEED_DEMO_DATA: 'false', DEV_OUTBOX_PUBLIC: 'false' }),
    },
    { dev: false, demoAuthSecret: () => options.authSecret },
  );
  if (plan.localStripe || plan.config.SEED_DEMO_DATA || plan.config.DEV_OUTBOX_PUBLIC || (plan.demo && !options.stripeEmulatorEnv)) {
    throw new Error(`SITE_URL ${siteUrl} would start the demo, not a production fleet`);
  }
  let current: ManagedProcess | null = null;
  const past: string[] = [];
  return {
    name,
    port,
    origin,
    process: () => (current?.running() ? current : null),
    async start() {
      if (current?.running()) return;
      if (current) past.push(current.log());
      current = startManagedProcess(name, process.execPath, serverCommand(false), { env: plan.env, detached: true, echo: options.echo });
      await waitUntilAnswering(current, `${origin}${HEALTH_PATHS.ready}`);
    },
    async stop() {
      await current?.stop(((options.shutdownGraceSeconds ?? 10) + 10) * 1000);
    },
    log: () => [...past, current?.log() ?? ''].join('\n'),
  };
}

async function migrateOnce(databaseUrl: string): Promise<void> {
  const connection = openConnection({ kind: 'postgres', url: databaseUrl }, { poolSize: 1 });
  try {
    await migrate(connection);
  } finally {
    await connection.close();
  }
}

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) throw new Error('The fleet needs a PostgreSQL server: DATABASE_URL=postgres://…');
  const nginxBinary = ensureNginx();
  if (!nginxBinary) throw new Error(NO_NGINX_MESSAGE);
  const url = `http://${options.host}:${options.port}`;
  if (options.build) ensureProductionBuild({ SITE_URL: url });
  else if (!fs.existsSync(path.resolve('.next', 'BUILD_ID'))) throw new Error('No production build in .next (start the fleet with build: true)');

  const redis = await redisProblem(options.redisUrl);
  if (redis) throw new Error(redis);
  // The cache library needs Redis's keyspace events (scripts/lib/cache-redis.ts).
  await ensureKeyspaceEvents(options.redisUrl);
  // Once here, so a database that is not there stops the fleet with one clear message.
  await migrateOnce(options.databaseUrl);

  const instances = options.instancePorts.map((port, index) => instance(index, port, options, url));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-spine-nginx-'));
  let nginx: ManagedProcess | null = null;
  const stop = async () => {
    await nginx?.stop(5_000);
    await Promise.all(instances.map((one) => one.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all(instances.map((one) => one.start()));
    const files = writeNginxConfig(dir, {
      NGINX_LISTEN: `${options.host}:${options.port}`,
      NGINX_UPSTREAM_SERVERS: upstreamServers(instances.map((one) => `${APP_HOST}:${one.port}`)),
    });
    nginx = startNginx(nginxBinary, files, { echo: options.echo });
    await waitUntilAnswering(nginx, `${url}${HEALTH_PATHS.live}`, 15_000);
    const rollingRestart = async () => {
      for (const one of instances) {
        await one.stop();
        await one.start();
        await new Promise((resolve) => setTimeout(resolve, (UPSTREAM_FAIL_TIMEOUT_SECONDS + 1) * 1000));
      }
    };
    return { url, instances, nginx, rollingRestart, stop };
  } catch (error) {
    const logs = instances.map((one) => one.log()).join('\n');
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logs}`, { cause: error });
  }
}
