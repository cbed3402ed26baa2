// npm start: the whole site on the embedded database, with demo content and accounts.
//   npm start            build if needed, then `next start` (production mode)
//   npm start -- --dev   `next dev` with hot reload
// Migrations apply and demo data is seeded when the server starts (instrumentation.ts).
import { spawn } from 'node:child_process';
import { env } from '../lib/env';
import { describeTarget, resolveDatabaseTarget } from '../lib/db/target';
import { DEMO_USERS } from '../lib/db/demo-users';
import { startLocalStripe } from './lib/local-stripe';
import { ensureAuthSecret, ensureEmbeddedDatabase, ensurePrismaClient, ensureProductionBuild, serverCommand } from './lib/prepare-build';

const dev = process.argv.includes('--dev');
const port = String(env.PORT);

if (dev) ensurePrismaClient();
else ensureProductionBuild();
ensureEmbeddedDatabase(env.DATABASE_URL);

// No Stripe keys: payments go to the local emulator (test mode, nothing real is charged).
const STRIPE_EMULATOR_PORT = Number(process.env.STRIPE_EMULATOR_PORT ?? 12111);
const localStripe = env.STRIPE_SECRET_KEY ? null : await startLocalStripe({ appPort: env.PORT, emulatorPort: STRIPE_EMULATOR_PORT, stateFile: '.data/stripe-emulator.json' });

const child = spawn(process.execPath, serverCommand(dev), {
  stdio: 'inherit',
  env: {
    ...process.env,
    ...localStripe?.env,
    SITE_URL: process.env.SITE_URL ?? `http://localhost:${port}`,
    PORT: port,
    AUTH_SECRET: ensureAuthSecret(),
    SEED_DEMO_DATA: process.env.SEED_DEMO_DATA ?? 'true',
    DEV_OUTBOX_PUBLIC: process.env.DEV_OUTBOX_PUBLIC ?? 'true',
    NODE_ENV: dev ? 'development' : 'production',
  },
});

// Announce once the server answers, so the URL is the last thing a newcomer sees.
const url = `http://localhost:${port}`;
const started = Date.now();
let announced = false;
const poll = setInterval(async () => {
  try {
    // A route Next itself handles: it answers only after instrumentation prepared the database.
    const res = await fetch(`${url}/search`);
    if (!res.ok || announced) return;
    announced = true;
    clearInterval(poll);
    console.log(`\n  Steady Spine is running at ${url}`);
    console.log(`  Database: ${describeTarget(resolveDatabaseTarget(env.DATABASE_URL))}`);
    console.log('  Demo accounts (email / password):');
    for (const u of DEMO_USERS) console.log(`    ${u.role.toLowerCase().padEnd(7)} ${u.email.padEnd(30)} ${u.password}`);
    console.log(`  Emails the site sends (no SMTP configured): ${url}/dev/outbox`);
    if (localStripe) console.log(`  Payments: local Stripe emulator at http://localhost:${STRIPE_EMULATOR_PORT} (test mode; card 4242 4242 4242 4242)`);
    console.log('  Press Ctrl+C to stop.\n');
  } catch {
    if (Date.now() - started > 120_000) clearInterval(poll);
  }
}, 500);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', async (code, signal) => {
  clearInterval(poll);
  await localStripe?.emulator.close(); // saves its state for the next start
  process.exit(code ?? (signal ? 1 : 0));
});
