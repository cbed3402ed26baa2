// The app as the e2e suite sees it: the production build, a fresh in-memory database
// with demo data, on E2E_PORT (3100), paying through the Stripe emulator on E2E_STRIPE_PORT
// (3101). Started by playwright.config.ts.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { startLocalStripe } from './lib/local-stripe';
import { ensureProductionBuild, serverCommand } from './lib/prepare-build';

const port = Number(process.env.E2E_PORT ?? 3100);
// A fresh emulator per run on a known port: the specs drive its control routes.
const stripePort = Number(process.env.E2E_STRIPE_PORT ?? port + 1);

ensureProductionBuild();
const localStripe = await startLocalStripe({ appPort: port, emulatorPort: stripePort });
const child = spawn(process.execPath, serverCommand(false), {
  stdio: 'inherit',
  env: {
    ...process.env,
    ...localStripe.env,
    NODE_ENV: 'production',
    PORT: String(port),
    SITE_URL: `http://localhost:${port}`,
    DATABASE_URL: 'pglite:memory',
    SEED_DEMO_DATA: 'true',
    DEV_OUTBOX_PUBLIC: 'true',
    // The specs stand in for a local proxy: their X-Forwarded-For gives each test its own client.
    TRUSTED_PROXIES: 'loopback',
    // Short, so the spec can watch a copied video link expire.
    MEDIA_URL_TTL_SECONDS: '20',
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', async (code) => {
  await localStripe.emulator.close();
  process.exit(code ?? 0);
});
