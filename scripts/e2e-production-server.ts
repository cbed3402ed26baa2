// The app as an attacker meets a real deployment, for the security specs (e2e/security):
// the same production build the e2e suite uses, started with a non-loopback SITE_URL
// (http://127.0.0.2:<port>: routable only on this machine, but not one of the loopback
// names that allow demo behaviour), a fresh in-memory database, no demo data, no Stripe
// emulator and no public outbox. Mail goes over real SMTP to a sink on E2E_PRODUCTION_PORT+1
// (scripts/lib/mail-sink.ts), where the specs read it (e2e/security/mailbox.ts). Started by
// playwright.config.ts after scripts/e2e-server.ts, which builds the site.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { startMailSink } from './lib/mail-sink';
import { serverCommand } from './lib/prepare-build';
import { MAIL_DIR } from '../e2e/security/mailbox';

export const PRODUCTION_HOST = '127.0.0.2';
const port = Number(process.env.E2E_PRODUCTION_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2);

const smtpPort = port + 1;
const sink = await startMailSink({ port: smtpPort, dir: MAIL_DIR });

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
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', async (code) => {
  await sink.close();
  process.exit(code ?? 0);
});
