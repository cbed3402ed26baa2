// The production layout, started for real (scripts/lib/fleet.ts): nginx in front of two
// app instances on a database of its own on the local PostgreSQL server and keys of its
// own in the local Redis, checked through nginx as a reader's browser and an operator
// would meet it. Uses the production build in .next (npm test makes it first).
import crypto from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClusterDatabase, type ClusterDatabase } from '@/e2e/cluster/cluster';
import { deleteKeysUnder, redisProblem } from '@/scripts/lib/cache-redis';
import { startFleet, type Fleet } from '@/scripts/lib/fleet';
import { findNginx, NO_NGINX_MESSAGE } from '@/scripts/lib/nginx';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** nginx on 127.0.0.2 (SITE_URL: a real site's, not the demo's), the instances on 127.0.0.1. */
const PORT = Number(process.env.FLEET_TEST_PORT ?? 4110);
const ARTICLE = '/articles/best-sleep-positions-for-back-pain';
const AUDIO = '/media/podcast/breathing-and-your-core.mp3';
const KEY_PREFIX = `steady-spine-fleet-test-${crypto.randomBytes(6).toString('hex')}_`;

// Like the cluster specs: skipped, saying why, where a service is missing, except on CI.
// A generous timeout: on a busy 2-core machine a healthy Redis can take seconds to accept.
const missing = (await redisProblem(REDIS_URL, 10_000)) ?? (findNginx() ? null : NO_NGINX_MESSAGE);
if (missing && process.env.CI) throw new Error(missing);
if (missing) console.warn(`Skipping the fleet test: ${missing}`);

let db: ClusterDatabase;
let fleet: Fleet;

beforeAll(async () => {
  if (missing) return;
  db = await createClusterDatabase();
  fleet = await startFleet({
    databaseUrl: db.url,
    redisUrl: REDIS_URL,
    keyPrefix: KEY_PREFIX,
    authSecret: crypto.randomBytes(32).toString('base64url'),
    host: '127.0.0.2',
    port: PORT,
    instancePorts: [PORT + 1, PORT + 2],
    build: false,
    shutdownGraceSeconds: 10,
  });
});

afterAll(async () => {
  if (missing) return;
  await fleet?.stop();
  await db?.drop();
  await deleteKeysUnder(REDIS_URL, KEY_PREFIX, /^steady-spine-fleet-test-[0-9a-f]+_$/);
});

const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`${fleet.url}${pathname}`, { headers, redirect: 'manual' });
const cacheStatus = (response: Response) => response.headers.get('x-cache-status');

describe.skipIf(missing)('the fleet through nginx', () => {
  it('serves an anonymous article and answers the next request from its cache', async () => {
    const first = await get(ARTICLE);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
    expect(await first.text()).toContain('<html');
    const second = await get(ARTICLE);
    expect(second.status).toBe(200);
    expect(cacheStatus(second)).toBe('HIT');
  });

  it('never answers a request with a session cookie from the cache', async () => {
    await get(ARTICLE);
    for (const name of ['authjs.session-token', '__Secure-authjs.session-token']) {
      for (let i = 0; i < 2; i++) {
        const response = await get(ARTICLE, { cookie: `theme=dark; ${name}=not-a-real-session` });
        expect(response.status).toBe(200);
        expect(cacheStatus(response), name).toBe('BYPASS');
      }
    }
  });

  it('does not store a response that sets a cookie', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await get('/api/auth/csrf');
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toContain('authjs.csrf-token');
      expect(cacheStatus(response)).not.toBe('HIT');
    }
  });

  it('serves public audio in byte ranges', async () => {
    const response = await get(AUDIO, { range: 'bytes=100-199' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toMatch(/^bytes 100-199\/\d+$/);
    expect((await response.arrayBuffer()).byteLength).toBe(100);
  });

  it('hands the app the client address from X-Forwarded-For (TRUSTED_PROXIES=loopback)', async () => {
    const client = '203.0.113.7';
    const response = await get(`/api/comments?kind=article&slug=best-sleep-positions-for-back-pain&parent=&offset=0`, { 'x-forwarded-for': client });
    expect(response.status).toBe(200);
    // The per-client limit counted this request under the client's address (lib/rate-limit: a hashed key).
    const key = `thread-part:ip:${crypto.createHash('sha256').update(client).digest('base64url').slice(0, 32)}`;
    expect(await db.query('SELECT "key" FROM "RateLimitBucket" WHERE "key" = $1', [key])).toHaveLength(1);
  });

  it('answers health probes uncached, from the instances', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(cacheStatus(response), path).toBeNull();
    }
    expect(await (await get('/readyz')).json()).toMatchObject({ status: 'ready', checks: { database: 'ok', migrations: 'ok', redis: 'ok' } });
  });

  it('retries a GET on the other instance when one is killed, and restarts it', async () => {
    const [a] = fleet.instances;
    const killed = a.process()!;
    killed.signal('SIGKILL');
    await killed.exited;
    // Uncached, so every one of these reaches an instance; half would go to the dead one.
    for (let i = 0; i < 6; i++) {
      const response = await get(`/search?q=back&n=${i}`);
      expect(response.status, `request ${i}`).toBe(200);
    }
    // And it comes back on its port, ready, when started again.
    await a.start();
    expect(a.process()?.pid).not.toBe(killed.pid);
    expect((await fetch(`${a.origin}/readyz`)).status).toBe(200);
  });
});

/** Sends a request's headers and half its body to `port`, and the rest when asked; resolves the full response. */
function slowPost(port: number, path: string, body: string) {
  const socket = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk) => chunks.push(chunk));
  const ended = new Promise<string>((resolve, reject) => {
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`);
  return { finish: () => socket.write(body.slice(half)), response: ended };
}

const refuses = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => (socket.destroy(), resolve(false)));
    socket.on('error', () => resolve(true));
  });

describe.skipIf(missing)('an instance stopped with SIGTERM', () => {
  it('takes no new connections, finishes the request in flight, then exits 0', async () => {
    const b = fleet.instances[1];
    const server = b.process()!;
    const request = slowPost(b.port, '/api/auth/callback/password', 'email=nobody%40example.com&password=not-the-password&csrfToken=x');
    // The request has reached the server (its headers are in) before the signal.
    await new Promise((resolve) => setTimeout(resolve, 500));
    server.signal('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.running()).toBe(true);
    expect(await refuses(b.port)).toBe(true);
    request.finish();
    const response = await request.response;
    expect(response).toMatch(/^HTTP\/1\.1 [234]\d\d /);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.log()).toContain('SIGTERM: draining');
    // The job scheduler and the database connections were released within their bounds.
    expect(server.log()).not.toContain('Shutdown steps that did not finish');
  });
});
