// The demo and a real site never mix: every demo-only behaviour (public outbox, demo
// accounts with published passwords, the local Stripe emulator, a generated AUTH_SECRET)
// is allowed only when SITE_URL is a loopback origin, i.e. the site is only reachable
// from the machine it runs on. Imported by scripts/start.ts too, so no 'server-only'.
import { env } from '../env';

/** The host names that mean "this machine only". Anything else (127.0.0.2 included) is a real site. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True only for an http(s) URL whose host is exactly localhost, 127.0.0.1 or [::1]. */
export function isLoopbackOrigin(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // WHATWG URL lowercases the host and normalises 127.1 or [0::1] to 127.0.0.1 or [::1].
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK_HOSTS.has(parsed.hostname);
}

/**
 * The interface a demo server listens on when HOST is not set: the loopback address of
 * SITE_URL's host (localhost listens on 127.0.0.1, which every browser falls back to).
 */
export function loopbackListenHost(siteUrl: string): string {
  return new URL(siteUrl).hostname === '[::1]' ? '::1' : '127.0.0.1';
}

/** This server is the local demo (SITE_URL is a loopback origin). */
export const demoMode = isLoopbackOrigin(env.SITE_URL);
