// Starting the production app server (scripts/server.mjs) for bench/run.ts and
// bench/cluster.ts, waiting for it, and signing a demo account in over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { serverCommand } from '../scripts/lib/prepare-build';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `url` answers 2xx; throws after `timeoutMs` or when `child` exits first. */
export async function waitFor(url: string, timeoutMs = 120_000, child?: ChildProcess): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`The server for ${url} exited (${child.exitCode ?? child.signalCode}) before answering`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(10_000) })).ok) return;
    } catch {
      // not up yet
    }
    await sleep(300);
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
}

export interface AppServerOptions {
  port: number;
  databaseUrl: string;
  authSecret: string;
  /** The Stripe emulator's settings for the app (scripts/lib/local-stripe.ts). */
  stripeEnv: Record<string, string>;
  /** More environment, e.g. REDIS_URL and KEY_PREFIX for a cluster instance. */
  env?: Record<string, string>;
  /** Node flags before the server script (e.g. --cpu-prof). */
  nodeFlags?: string[];
  /** Where the server's stderr goes: this process's, or kept (the last lines) for an error report. */
  stderr: 'inherit' | 'keep';
}

export interface AppServer {
  origin: string;
  child: ChildProcess;
  /** The last lines the server wrote to stderr (with stderr: 'keep'). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * The demo as the benchmark runs it: production mode, demo data seeded (the subscribed
 * demo member among it), the Stripe emulator. REDIS_URL from this process's environment
 * is not passed on: an instance uses Redis only when `env` says so.
 */
export function startAppServer(options: AppServerOptions): AppServer {
  const origin = `http://127.0.0.1:${options.port}`;
  const inherited = { ...process.env };
  delete inherited.REDIS_URL;
  delete inherited.KEY_PREFIX;
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...serverCommand(false)], {
    stdio: ['ignore', 'ignore', options.stderr === 'inherit' ? 'inherit' : 'pipe'],
    env: {
      ...inherited,
      ...options.stripeEnv,
      ...options.env,
      NODE_ENV: 'production',
      PORT: String(options.port),
      SITE_URL: origin,
      DATABASE_URL: options.databaseUrl,
      SEED_DEMO_DATA: 'true',
      AUTH_SECRET: options.authSecret,
    },
  });
  const lines: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter((line) => line.trim()));
    lines.splice(0, Math.max(0, lines.length - 40));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    origin,
    child,
    log: () => lines.join('\n'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      if (!(await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]))) {
        child.kill('SIGKILL');
        await Promise.race([exited, sleep(5_000)]);
      }
    },
  };
}

/** Signs in through Auth.js's own credentials endpoint at `origin` and returns the session cookie. */
export async function signInCookie(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/password`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/account` }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('authjs.session-token='));
  if (!session) throw new Error(`Signing in ${email} for the benchmark failed (HTTP ${response.status})`);
  return session.split(';')[0];
}
