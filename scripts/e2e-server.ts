// The app as the e2e suite sees it: the production build, a fresh in-memory database
// with demo data, on E2E_PORT (3100). Started by playwright.config.ts.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { ensureProductionBuild, serverCommand } from './lib/prepare-build';

ensureProductionBuild();
const child = spawn(process.execPath, serverCommand(false), {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', PORT: process.env.E2E_PORT ?? '3100', DATABASE_URL: 'pglite:memory', SEED_DEMO_DATA: 'true', DEV_OUTBOX_PUBLIC: 'true', AUTH_SECRET: crypto.randomBytes(32).toString('base64url') },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
