// `npm start` on a non-loopback SITE_URL that asks for a demo behaviour (or lacks
// AUTH_SECRET) stops at once with a message naming the variable, before it builds,
// starts the Stripe emulator or creates a database.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs scripts/start.ts; its whole process group is killed after `timeoutMs` (a build would take minutes). */
function npmStart(env: Record<string, string>, timeoutMs = 20_000): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      detached: true,
      // Only what an operator would set: nothing from the test runner's environment.
      env: { PATH: process.env.PATH ?? '', PORT: '3299', DATABASE_URL: 'pglite:memory', NODE_ENV: 'production', ...env },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

const notStarted = (output: string) => {
  for (const sign of ['Building the site', 'Production build is up to date', 'Generating the Prisma client', 'Payments:', 'Listening on']) {
    expect(output, `"${sign}" in the output`).not.toContain(sign);
  }
};

describe('npm start on a real site (non-loopback SITE_URL)', () => {
  it('refuses DEV_OUTBOX_PUBLIC=true, naming it, before building anything', async () => {
    const { code, output, timedOut } = await npmStart({ SITE_URL: 'https://www.example.com', AUTH_SECRET: 'a-long-random-secret-0123456789', DEV_OUTBOX_PUBLIC: 'true' });
    expect(timedOut).toBe(false);
    expect(code).toBe(1);
    expect(output).toContain('SITE_URL=https://www.example.com is not a loopback address');
    expect(output).toMatch(/DEV_OUTBOX_PUBLIC=true is refused/);
    notStarted(output);
  });

  it("refuses the README's production command without AUTH_SECRET, with SEED_DEMO_DATA and STRIPE_API_URL, naming each", async () => {
    const { code, output, timedOut } = await npmStart({ SITE_URL: 'http://127.0.0.2:3298', SEED_DEMO_DATA: 'true', STRIPE_API_URL: 'http://127.0.0.1:12111' });
    expect(timedOut).toBe(false);
    expect(code).toBe(1);
    expect(output).toMatch(/SEED_DEMO_DATA=true is refused/);
    expect(output).toMatch(/STRIPE_API_URL=http:\/\/127\.0\.0\.1:12111 is refused/);
    expect(output).toMatch(/AUTH_SECRET is not set/);
    notStarted(output);
  });
});
