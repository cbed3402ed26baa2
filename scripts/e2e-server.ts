// The app as the e2e suite sees it: the production build, started as `npm start` starts the
// demo (scripts/lib/start-plan.ts: SITE_URL http://localhost:<E2E_PORT>, demo data, public
// outbox, listening on loopback), on a fresh in-memory database, on E2E_PORT (3100),
// paying through the Stripe emulator on E2E_STRIPE_PORT (3101). Started by playwright.config.ts.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { startLocalStripe } from './lib/local-stripe';
import { ensureProductionBuild, serverCommand } from './lib/prepare-build';
import { planStart } from './lib/start-plan';

const port = Number(process.env.E2E_PORT ?? 3100);
// A fresh emulator per run on a known port: the specs drive its control routes.
const stripePort = Number(process.env.E2E_STRIPE_PORT ?? port + 1);

// One instance: Next's cache stays in process. REDIS_URL (CI sets it for the cluster
// specs, which start instances of their own) must not reach this server or its build.
delete process.env.REDIS_URL;

const plan = planStart(
  {
    ...process.env,
    PORT: String(port),
    SITE_URL: `http://localhost:${port}`,
    DATABASE_URL: 'pglite:memory',
    // The specs stand in for a local proxy: their X-Forwarded-For gives each test its own client.
    TRUSTED_PROXIES: 'loopback',
    // Short, so the spec can watch a copied video link expire.
    MEDIA_URL_TTL_SECONDS: '20',
    // The content's dates are in the past: counting them all as new gives the newsletter
    // spec drafts (members-only ones included) on a fresh database.
    NEWSLETTER_LOOKBACK_DAYS: '36500',
  },
  { dev: false, demoAuthSecret: () => crypto.randomBytes(32).toString('base64url') },
);
if (!plan.demo || !plan.localStripe) throw new Error('The e2e server must be planned as the demo, with the Stripe emulator');

ensureProductionBuild();
const localStripe = await startLocalStripe({ appPort: port, emulatorPort: stripePort });
const child = spawn(process.execPath, serverCommand(false), { stdio: 'inherit', env: { ...plan.env, ...localStripe.env } });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', async (code) => {
  await localStripe.emulator.close();
  process.exit(code ?? 0);
});
