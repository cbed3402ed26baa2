// The app as an attacker meets a real deployment, for the security specs (e2e/security):
// the same production build the e2e suite uses, started with a non-loopback SITE_URL
// (http://127.0.0.2:<port>: routable only on this machine, but not one of the loopback
// names that allow demo behaviour), a fresh in-memory database, no demo data, no Stripe
// emulator and no public outbox. Started by playwright.config.ts after scripts/e2e-server.ts,
// which builds the site.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { serverCommand } from './lib/prepare-build';

export const PRODUCTION_HOST = '127.0.0.2';
const port = Number(process.env.E2E_PRODUCTION_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2);

const child = spawn(process.execPath, serverCommand(false), {
  stdio: 'inherit',
  env: {
    // Only what a production operator sets: nothing inherited that could switch a demo behaviour on.
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: PRODUCTION_HOST,
    PORT: String(port),
    SITE_URL: `http://${PRODUCTION_HOST}:${port}`,
    DATABASE_URL: 'pglite:memory',
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
