// The start-up check: on a non-loopback SITE_URL (a real site) every demo-only setting is
// refused, and AUTH_SECRET must be given (a generated one is for the demo only). Run by
// scripts/start.ts before it builds anything and by every server at start
// (instrumentation.ts); not when lib/env.ts parses, so `next build` needs no secret.
import { env as currentEnv, type Env } from '../env';
import { isLoopbackOrigin } from './mode';

export type StartupConfig = Pick<Env, 'SITE_URL' | 'DEV_OUTBOX_PUBLIC' | 'SEED_DEMO_DATA' | 'STRIPE_API_URL' | 'AUTH_SECRET'>;

export class UnsafeStartError extends Error {
  constructor(readonly problems: string[], siteUrl: string) {
    super(
      [
        `Steady Spine will not start: SITE_URL=${siteUrl} is not a loopback address (localhost, 127.0.0.1 or [::1]), so this is a real site and:`,
        ...problems.map((p) => `  - ${p}`),
        'The demo (public outbox, demo accounts, Stripe emulator) runs only on a loopback SITE_URL. See "Running in production" in README.md.',
      ].join('\n'),
    );
    this.name = 'UnsafeStartError';
  }
}

/** What stops a server starting with this configuration; empty when it may start. */
export function startupProblems(config: StartupConfig): string[] {
  if (isLoopbackOrigin(config.SITE_URL)) return [];
  const problems: string[] = [];
  if (config.DEV_OUTBOX_PUBLIC) {
    problems.push('DEV_OUTBOX_PUBLIC=true is refused: it would show every email the site sends, sign-in links included, to anyone at /dev/outbox. Remove it (admins still see the outbox).');
  }
  if (config.SEED_DEMO_DATA) {
    problems.push('SEED_DEMO_DATA=true is refused: it would create the demo accounts, an admin among them, whose passwords are published. Remove it.');
  }
  // Only the demo's emulator needs another API host: a real site's keys work only at
  // api.stripe.com, and a key sent anywhere else would leak.
  if (config.STRIPE_API_URL) {
    problems.push(`STRIPE_API_URL=${config.STRIPE_API_URL} is refused: it sends payments to a Stripe emulator instead of Stripe. Remove it and set STRIPE_SECRET_KEY.`);
  }
  if (!config.AUTH_SECRET) {
    problems.push('AUTH_SECRET is not set: it signs session cookies and links. Set a long random value (openssl rand -base64 32), the same on every instance.');
  }
  return problems;
}

/** Throws an UnsafeStartError naming each problem. */
export function assertSafeToStart(config: StartupConfig = currentEnv): void {
  const problems = startupProblems(config);
  if (problems.length > 0) throw new UnsafeStartError(problems, config.SITE_URL);
}
