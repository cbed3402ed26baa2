// @ts-check
// The HTTP server behind `npm start`, the e2e suite and the benchmarks: Next.js's own
// request handler (what `next start` runs, caches included) with these additions, none
// of which caches anything:
//   - media responses get their Content-Length back (see lib/media/content-length.ts);
//   - requests Next would answer with a 500 get a 4xx page (scripts/request-guard.mjs);
//   - every HTML page gets a Content-Security-Policy (scripts/content-security.mjs), and
//     an https site HSTS. Compression happens here, after the policy has read the page
//     (next.config.js turns Next's own off), with the `compression` package Next uses.
// Plain JavaScript so production runs on bare node, without a TypeScript loader.
//   node scripts/server.mjs [--dev]    listens on PORT (default 3000)
import http from 'node:http';
import compression from 'compression';
import next from 'next';
import { clientAddressStep } from './client-address.mjs';
import { guardRequest } from './request-guard.mjs';
import { createContentSecurity, strictTransportSecurity } from './content-security.mjs';

/** Must equal MEDIA_LENGTH_HEADER in lib/media/content-length.ts (a unit test checks). */
export const MEDIA_LENGTH_HEADER = 'x-media-content-length';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
/** Interface to listen on; unset: every interface. */
const host = process.env.HOST || undefined;

/**
 * Names the client to the app (scripts/client-address.mjs); a bad TRUSTED_PROXIES stops here.
 * @type {(req: http.IncomingMessage) => void}
 */
let setClientAddress;
try {
  setClientAddress = clientAddressStep(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error(`✗ Invalid TRUSTED_PROXIES: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

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
const noop = () => {};

const app = next({ dev, port, hostname: host ?? 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  setClientAddress(req);
  // Requests Next would answer with a 500 get a 4xx page instead (scripts/request-guard.mjs).
  if (hsts) res.setHeader('strict-transport-security', hsts);
  compress(/** @type {any} */ (req), /** @type {any} */ (res), noop);
  if (guardRequest(req, res, dev ? undefined : contentSecurity.forScriptlessPage)) return;
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

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
