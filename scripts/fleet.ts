// npm run fleet: the production layout on this machine, without Docker (scripts/lib/fleet.ts):
// builds once, migrates, starts FLEET_INSTANCES app instances on 127.0.0.1 and nginx in
// front at http://FLEET_HOST:FLEET_PORT (the SITE_URL: a real site's, not the demo's).
// Ctrl-C stops everything it started.
//   npm run fleet              build if needed, then run the fleet
//   npm run fleet:build        only the build (what deploy/Dockerfile runs), for SITE_URL
import pg from 'pg';
import { z } from 'zod';
import { parseShutdownGrace } from './lifecycle.mjs';
import { startFleet } from './lib/fleet';
import { ensureAuthSecret, ensureProductionBuild } from './lib/prepare-build';

const settings = z
  .object({
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (the fleet shares one PostgreSQL server)').default('postgres://postgres@127.0.0.1:5432/steady_spine_fleet'),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
    KEY_PREFIX: z.string().min(1).default('steady-spine-fleet:'),
    FLEET_HOST: z.string().regex(/^127\.\d+\.\d+\.\d+$/, 'must be a loopback address').refine((host) => host !== '127.0.0.1', 'must not be 127.0.0.1 (that SITE_URL is the demo)').default('127.0.0.2'),
    FLEET_PORT: z.coerce.number().int().min(1024).max(65_000).default(4100),
    FLEET_INSTANCES: z.coerce.number().int().min(1).max(8).default(2),
    AUTH_SECRET: z.string().min(16).optional(),
    SHUTDOWN_GRACE_SECONDS: z.string().optional().transform((value, ctx) => {
      try {
        return parseShutdownGrace(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  })
  .safeParse(process.env);
if (!settings.success) {
  console.error(`Invalid fleet settings:\n${settings.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  process.exit(1);
}
const config = settings.data;
const siteUrl = `http://${config.FLEET_HOST}:${config.FLEET_PORT}`;

if (process.argv[2] === 'build') {
  ensureProductionBuild({ SITE_URL: process.env.SITE_URL ?? siteUrl });
  process.exit(0);
}

/** Creates the database named in `url` when the server does not have it yet. */
async function ensureDatabase(url: string): Promise<void> {
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error;
  } finally {
    await probe.end().catch(() => {});
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    console.log(`Created database ${name}.`);
  } finally {
    await client.end();
  }
}

await ensureDatabase(config.DATABASE_URL);
const ports = Array.from({ length: config.FLEET_INSTANCES }, (_, i) => config.FLEET_PORT + 1 + i);
console.log(`Starting ${ports.length} app instances (127.0.0.1:${ports.join(', :')}) and nginx at ${siteUrl}…`);
const fleet = await startFleet({
  databaseUrl: config.DATABASE_URL,
  redisUrl: config.REDIS_URL,
  keyPrefix: config.KEY_PREFIX,
  authSecret: config.AUTH_SECRET ?? ensureAuthSecret(),
  host: config.FLEET_HOST,
  port: config.FLEET_PORT,
  instancePorts: ports,
  build: true,
  shutdownGraceSeconds: config.SHUTDOWN_GRACE_SECONDS,
  echo: true,
});
console.log(`\n  The fleet is up at ${fleet.url} (nginx, pid ${fleet.nginx.pid})`);
for (const one of fleet.instances) console.log(`  ${one.name}: ${one.origin} (pid ${one.process()?.pid}; ${one.origin}/readyz)`);
console.log('  Press Ctrl+C to stop.\n');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping the fleet…');
    await fleet.stop();
    process.exit(0);
  });
}
