// The HTTP server behind `npm start`, the e2e suite and the benchmarks: Next.js's own
// request handler (exactly what `next start` runs), plus one fix-up: media responses
// get their Content-Length back (see lib/media/content-length.ts).
//   tsx scripts/server.ts [--dev]    listens on PORT (default 3000)
import http from 'node:http';
import next from 'next';
import { MEDIA_LENGTH_HEADER } from '../lib/media/content-length';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);

function restoreMediaContentLength(res: http.ServerResponse) {
  const setHeader = res.setHeader.bind(res);
  const appendHeader = res.appendHeader.bind(res);
  const rename = (name: string) => (name.toLowerCase() === MEDIA_LENGTH_HEADER ? 'Content-Length' : name);
  res.setHeader = (name, value) => setHeader(rename(name), value);
  res.appendHeader = (name, value) => (rename(name) === 'Content-Length' ? setHeader('Content-Length', value) : appendHeader(name, value));
}

const app = next({ dev, port, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  restoreMediaContentLength(res);
  void handle(req, res);
});
// Longer than typical load balancer idle timeouts, as `next start` does.
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`✓ Listening on http://localhost:${port} (${dev ? 'development' : 'production'})`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
