// @ts-check
// The HTTP server behind `npm start`, the e2e suite and the benchmarks: Next.js's own
// request handler (what `next start` runs, caches included) with these additions, none
// of which caches anything:
//   - media responses get their Content-Length back (see lib/media/content-length.ts);
//   - requests Next would answer with a 500 get a 4xx page (scripts/request-guard.mjs);
//   - while the PostgreSQL server is unreachable, requests that need it get a 503 page at
//     once (scripts/database-gate.mjs);
//   - every HTML page gets a Content-Security-Policy (scripts/content-security.mjs), and
//     an https site HSTS. Compression happens here, after the policy has read the page
//     (next.config.js turns Next's own off), with the `compression` package Next uses.
// Plain JavaScript so production runs on bare node, without a TypeScript loader.
//   - SIGTERM (or Ctrl-C) drains: no new connections, /readyz answers 503, requests in
//     flight get up to SHUTDOWN_GRACE_SECONDS (10) to finish, then the app's release steps
//     run (job scheduler, database connections: scripts/lifecycle.mjs) and it exits 0.
//   node scripts/server.mjs [--dev]    listens on PORT (default 3000)
import http from 'node:http';
import compression from 'compression';
import next from 'next';
import { clientAddressStep } from './client-address.mjs';
import { watchDatabase } from './database-gate.mjs';
import { guardRequest } from './request-guard.mjs';
import { createContentSecurity, strictTransportSecurity } from './content-security.mjs';
import { isDraining, parseShutdownGrace, runShutdownHooks, startDraining } from './lifecycle.mjs';

/** Must equal MEDIA_LENGTH_HEADER in lib/media/content-length.ts (a unit test checks). */
export const MEDIA_LENGTH_HEADER = 'x-media-content-length';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
/** Interface to listen on; unset: every interface. */
const host = process.env.HOST || undefined;

/**
 * A setting parsed by `parse` (the same function lib/env.ts checks it with); a bad value stops here.
 * @template T
 * @param {string} name
 * @param {(value: string | undefined) => T} parse
 * @returns {T}
 */
function setting(name, parse) {
  try {
    return parse(process.env[name]);
  } catch (error) {
    console.error(`✗ Invalid ${name}: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}

/** Names the client to the app (scripts/client-address.mjs). */
const setClientAddress = setting('TRUSTED_PROXIES', clientAddressStep);
const graceSeconds = setting('SHUTDOWN_GRACE_SECONDS', parseShutdownGrace);

/** @param {http.ServerResponse} res */
function restoreMediaContentLength(res) {
  const setHeader = res.setHeader.bind(res);
  const appendHeader = res.appendHeader.bind(res);
  /** @param {string} name */
  const isMediaLength = (name) => name.toLowerCase() === MEDIA_LENGTH_HEADER;
  res.setHeader = (name, value) => setHeader(isMediaLength(name) ? 'Content-Length' : name, value);
  res.appendHeader = (name, value) => (isMediaLength(name) ? setHeader('Content-Length', value) : appendHeader(name, value));
}

// Next fetches its own redirect targets (server actions) at this address.
const siteUrl = (process.env.SITE_URL || `http://localhost:${port}`).replace(/\/+$/, '');
const hsts = strictTransportSecurity(siteUrl);
// The demo's Stripe emulator hosts its checkout and portal pages (refused in production).
const stripeEmulator = process.env.STRIPE_API_URL ? new URL(process.env.STRIPE_API_URL) : null;
const contentSecurity = createContentSecurity({
  siteUrl,
  formTargets: stripeEmulator ? [stripeEmulator.origin, `${stripeEmulator.protocol}//localhost:${stripeEmulator.port}`] : [],
});
const compress = compression();
const databaseGate = watchDatabase(process.env.DATABASE_URL);
const noop = () => {};

const app = next({ dev, port, hostname: host ?? 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  // While draining, no connection is kept for another request: the proxy opens its next
  // one to another instance.
  if (isDraining()) res.setHeader('Connection', 'close');
  setClientAddress(req);
  // Requests Next would answer with a 500 get a 4xx page instead (scripts/request-guard.mjs).
  if (hsts) res.setHeader('strict-transport-security', hsts);
  compress(/** @type {any} */ (req), /** @type {any} */ (res), noop);
  if (guardRequest(req, res, dev ? undefined : contentSecurity.forScriptlessPage, databaseGate?.refusalFor)) return;
  // Each step wraps the response: Next's bytes pass the policy, then zlib.
  if (!dev) contentSecurity.apply(req, res);
  restoreMediaContentLength(res);
  void handle(req, res);
});
// Longer than common load-balancer idle timeouts, as `next start` does.
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => {
  const mode = dev ? 'development' : 'production';
  console.log(`✓ Listening on http://localhost:${port} (${mode})`);
});

/** Stops taking connections, lets requests in flight finish (up to the grace), releases, exits. */
async function shutDown(/** @type {string} */ signal) {
  startDraining();
  console.log(`${signal}: draining (requests in flight have up to ${graceSeconds} s)`);
  const closed = new Promise((resolve) => server.close(() => resolve(true)));
  // Keep-alive connections between requests would hold close() open: end them as they idle.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const drained = await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(() => resolve(false), graceSeconds * 1000)))]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (!drained) {
    console.error(`Requests still in flight after ${graceSeconds} s: closing their connections.`);
    server.closeAllConnections();
  }
  await databaseGate?.close();
  const failed = await runShutdownHooks(5_000);
  if (failed.length > 0) console.error(`Shutdown steps that did not finish: ${failed.join(', ')}`);
  process.exit(0);
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    // A second signal means now.
    if (isDraining()) process.exit(1);
    void shutDown(signal);
  });
}
