// npm start: the one-command demo on a loopback SITE_URL (the default), or a real site.
//   npm start            build if needed, then the production server
//   npm start -- --dev   `next dev` with hot reload
// On localhost, 127.0.0.1 or [::1]: the embedded database with demo content and accounts,
// the outbox public, the Stripe emulator when no keys are set. On any other SITE_URL none
// of that, and asking for it stops here, before anything is built (scripts/lib/start-plan.ts).
// Migrations apply and demo data is seeded when the server starts (instrumentation.ts).
import { spawn } from 'node:child_process';
import { describeTarget, resolveDatabaseTarget } from '../lib/db/target';
import { DEMO_USERS } from '../lib/demo/demo-users';
import { UnsafeStartError } from '../lib/demo/startup-check';
import { startLocalStripe } from './lib/local-stripe';
import { ensureAuthSecret, ensureEmbeddedDatabase, ensurePrismaClient, ensureProductionBuild, serverCommand } from './lib/prepare-build';
import { planStart, type StartPlan } from './lib/start-plan';

const dev = process.argv.includes('--dev');

let plan: StartPlan;
try {
  plan = planStart(process.env, { dev, demoAuthSecret: ensureAuthSecret });
} catch (error) {
  if (!(error instanceof UnsafeStartError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}
const { config } = plan;

if (dev) ensurePrismaClient();
// SITE_URL is baked into prerendered pages: the build sees (and is keyed on) the one the server gets.
else ensureProductionBuild({ SITE_URL: config.SITE_URL });
ensureEmbeddedDatabase(config.DATABASE_URL);

// Where this machine reaches the server: its listening address, or loopback when it listens on all.
const localHost = !plan.host || plan.host === '0.0.0.0' || plan.host === '::' ? '127.0.0.1' : plan.host;
const localOrigin = `http://${localHost.includes(':') ? `[${localHost}]` : localHost}:${config.PORT}`;

// The demo without Stripe keys pays through the local emulator (nothing real is charged).
const STRIPE_EMULATOR_PORT = Number(process.env.STRIPE_EMULATOR_PORT ?? 12111);
const localStripe = plan.localStripe
  ? await startLocalStripe({ appPort: config.PORT, appOrigin: localOrigin, emulatorPort: STRIPE_EMULATOR_PORT, stateFile: '.data/stripe-emulator.json' })
  : null;

const child = spawn(process.execPath, serverCommand(dev), { stdio: 'inherit', env: { ...plan.env, ...localStripe?.env } });


function announce() {
  const url = config.SITE_URL;
  console.log(`\n  Steady Spine is running at ${url}${plan.demo ? '' : ` (listening on ${plan.host ?? 'every interface'}, port ${config.PORT})`}`);
  console.log(`  Database: ${describeTarget(resolveDatabaseTarget(config.DATABASE_URL))}`);
  if (plan.demo && config.SEED_DEMO_DATA) {
    console.log('  Demo accounts (email / password):');
    for (const u of DEMO_USERS) console.log(`    ${u.role.toLowerCase().padEnd(7)} ${u.email.padEnd(30)} ${u.password}`);
  }
  if (config.SMTP_URL) console.log('  Emails are delivered through SMTP_URL.');
  else if (config.DEV_OUTBOX_PUBLIC) console.log(`  Emails the site sends (no SMTP configured): ${url}/dev/outbox`);
  else console.log(`  No SMTP_URL: emails stay in the outbox, which only admins can read (${url}/dev/outbox).`);
  if (localStripe) console.log(`  Payments: local Stripe emulator at http://localhost:${STRIPE_EMULATOR_PORT} (test mode; card 4242 4242 4242 4242)`);
  else if (!config.STRIPE_SECRET_KEY) console.log('  No STRIPE_SECRET_KEY: online sign-up is not available.');
  console.log('  Press Ctrl+C to stop.\n');
}

// Announce once the server answers, so the URL is the last thing a newcomer sees.
const started = Date.now();
let announced = false;
const poll = setInterval(async () => {
  try {
    // A route Next itself handles: it answers only after instrumentation prepared the database.
    const res = await fetch(`${localOrigin}/search`);
    if (!res.ok || announced) return;
    announced = true;
    clearInterval(poll);
    announce();
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
