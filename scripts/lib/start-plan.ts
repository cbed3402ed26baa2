// What `npm start` runs, decided from the environment before anything is built: on a
// loopback SITE_URL the demo (generated AUTH_SECRET, demo data, public outbox, the Stripe
// emulator when no keys are set, listening on loopback); on any other SITE_URL exactly
// what the operator configured, after the start-up check (lib/demo/startup-check.ts).
import { parseEnv, type Env } from '../../lib/env';
import { isLoopbackOrigin, loopbackListenHost } from '../../lib/demo/mode';
import { assertSafeToStart } from '../../lib/demo/startup-check';

export interface StartPlan {
  /** The local demo (SITE_URL is a loopback origin). */
  demo: boolean;
  /** The configuration the server will run with. */
  config: Env;
  /** The interface the server listens on; undefined: all of them. */
  host: string | undefined;
  /** Run the local Stripe emulator (the demo without Stripe keys). */
  localStripe: boolean;
  /** The app server's environment (the emulator's variables are added when it runs). */
  env: NodeJS.ProcessEnv;
}

/**
 * Throws UnsafeStartError for a real site that asks for a demo behaviour or lacks
 * AUTH_SECRET. `demoAuthSecret` is called only for the demo without AUTH_SECRET.
 */
export function planStart(source: Record<string, string | undefined>, options: { dev: boolean; demoAuthSecret: () => string }): StartPlan {
  const given = parseEnv(source);
  const demo = isLoopbackOrigin(given.SITE_URL);
  const env: NodeJS.ProcessEnv = { ...source, SITE_URL: given.SITE_URL, PORT: String(given.PORT), NODE_ENV: options.dev ? 'development' : 'production' };
  if (demo) {
    env.HOST = source.HOST || loopbackListenHost(given.SITE_URL);
    env.AUTH_SECRET = given.AUTH_SECRET ?? options.demoAuthSecret();
    env.SEED_DEMO_DATA = source.SEED_DEMO_DATA ?? 'true';
    env.DEV_OUTBOX_PUBLIC = source.DEV_OUTBOX_PUBLIC ?? 'true';
  }
  // The server runs the same check at start; here it stops `npm start` before the build.
  const config = parseEnv(env);
  assertSafeToStart(config);
  return { demo, config, host: env.HOST || undefined, localStripe: demo && !config.STRIPE_SECRET_KEY, env };
}
