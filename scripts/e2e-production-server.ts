// The app as an attacker meets a real deployment, for the security specs (e2e/security):
// the same production build the e2e suite uses, started with a non-loopback SITE_URL
// (http://127.0.0.2:<port>: routable only on this machine, but not one of the loopback
// names that allow demo behaviour) and the environment `npm start` gives the server for
// what an operator sets (scripts/lib/start-plan.ts): no demo data, no Stripe emulator, no
// public outbox. Its database is one an operator once ran the demo on
// (scripts/e2e-earlier-demo.ts), so the specs can check nothing the demo left works.
// Mail goes over real SMTP to a sink on E2E_PRODUCTION_PORT+1 (scripts/lib/mail-sink.ts),
// where the specs read it (e2e/security/mailbox.ts). Started by playwright.config.ts after
// scripts/e2e-server.ts, which builds the site.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { startMailSink } from './lib/mail-sink';
import { run, serverCommand } from './lib/prepare-build';
import { planStart } from './lib/start-plan';
import { EARLIER_DEMO_DATABASE_DIR } from '../e2e/security/earlier-demo';
import { MAIL_DIR } from '../e2e/security/mailbox';

export const PRODUCTION_HOST = '127.0.0.2';
const port = Number(process.env.E2E_PRODUCTION_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2);

const smtpPort = port + 1;
const sink = await startMailSink({ port: smtpPort, dir: MAIL_DIR });
run(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/e2e-earlier-demo.ts']);

// Only what a production operator sets: nothing inherited that could switch a demo behaviour on.
const plan = planStart(
  {
    PATH: process.env.PATH,
    HOST: PRODUCTION_HOST,
    PORT: String(port),
    SITE_URL: `http://${PRODUCTION_HOST}:${port}`,
    DATABASE_URL: `pglite:${EARLIER_DEMO_DATABASE_DIR}`,
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  },
  {
    dev: false,
    demoAuthSecret: () => {
      throw new Error('The production-mode server must not be planned as the demo');
    },
  },
);
if (plan.demo || plan.localStripe) throw new Error('The production-mode server must not be planned as the demo');

const child = spawn(process.execPath, serverCommand(false), { stdio: 'inherit', env: plan.env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', async (code) => {
  await sink.close();
  process.exit(code ?? 0);
});
