// Redis going away and coming back under a running instance (issue 15, item 2): the site
// keeps serving pages, rendered here without the shared cache, says so once in its log,
// and uses the shared cache again by itself when Redis is back. The Redis here is one
// this spec starts on its own port and stops and restarts by its own process; the test
// service's Redis is never touched.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createClient } from 'redis';
import { startLocalStripe, type LocalStripe } from '../../scripts/lib/local-stripe';
import { isMembers, rawArticles } from '../../tests/helpers/content-text';
import { createClusterDatabase, startClusterMailSink, startInstance, type ClusterDatabase, type Instance, type MailSink } from './cluster';

const base = Number(process.env.E2E_PORT ?? 3100) + 30;
const redisPort = base + 3;
const redisUrl = `redis://127.0.0.1:${redisPort}`;
const keyPrefix = `steady-spine-outage-${crypto.randomBytes(6).toString('hex')}_`;
const article = rawArticles().find((a) => !isMembers(a))!.slug;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const redisServer = spawnSync('redis-server', ['--version']).status === 0;

let redis: ChildProcess | null = null;
let dataDir = '';
let db: ClusterDatabase | undefined;
let mail: MailSink | undefined;
let stripe: LocalStripe | undefined;
let app: Instance | undefined;

/** Our own Redis on its own port, with the keyspace events the cache library needs. */
async function startRedis() {
  redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dataDir, '--notify-keyspace-events', 'Exe'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if ((await redisKeys().catch(() => null)) !== null) return;
    await sleep(100);
  }
  throw new Error('the outage spec’s own Redis did not start');
}

async function stopRedis() {
  const child = redis;
  redis = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(5_000)]);
}

/** The app's cache keys in our Redis (the library's database 1). */
async function redisKeys(): Promise<string[]> {
  const client = createClient({ url: redisUrl, database: 1, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on('error', () => {});
  await client.connect();
  try {
    return await client.keys(`${keyPrefix}*`);
  } finally {
    await client.disconnect();
  }
}

async function articlePage() {
  const response = await fetch(`${app!.origin}/articles/${article}`, { signal: AbortSignal.timeout(15_000) });
  return { status: response.status, html: await response.text() };
}

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  test.skip(!redisServer, 'redis-server is not installed here: the outage spec needs a Redis of its own to stop and restart');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outage-redis-'));
  await startRedis();
  db = await createClusterDatabase();
  mail = await startClusterMailSink(base + 1);
  stripe = await startLocalStripe({ appPort: base, emulatorPort: base + 2 });
  app = await startInstance({ name: 'outage', port: base, databaseUrl: db.url, authSecret: crypto.randomBytes(32).toString('base64url'), keyPrefix, smtpPort: base + 1, stripe, redisUrl });
});

test.afterAll(async () => {
  await app?.stop();
  await stopRedis();
  await stripe?.emulator.close();
  await mail?.close();
  await db?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('pages keep coming while Redis is down, the outage is logged once, and the shared cache returns by itself', async () => {
  const title = String(rawArticles().find((a) => a.slug === article)!.data.title);
  // Up: the page is cached in Redis.
  for (let i = 0; i < 2; i++) expect((await articlePage()).status).toBe(200);
  await expect.poll(async () => (await redisKeys()).some((k) => k.includes(`/articles/${article}`)), { timeout: 20_000 }).toBe(true);

  // Down: still served, from the origin.
  await stopRedis();
  for (let i = 0; i < 5; i++) {
    const page = await articlePage();
    expect(page.status, app!.log()).toBe(200);
    expect(page.html).toContain(title);
    await sleep(500);
  }
  const outageLines = () => app!.log().split('\n').filter((line) => line.includes('Redis is unreachable'));
  expect(outageLines(), app!.log()).toHaveLength(1);

  // Back: the cache library reconnects on its own and pages go to Redis again.
  await startRedis();
  expect(await redisKeys()).toEqual([]); // a fresh Redis: nothing cached yet
  await expect
    .poll(
      async () => {
        await articlePage();
        return (await redisKeys()).some((k) => k.includes(`/articles/${article}`));
      },
      { timeout: 90_000, intervals: [1_000] },
    )
    .toBe(true);
  expect(app!.log().split('\n').filter((line) => line.includes('Redis is back'))).toHaveLength(1);
  expect(outageLines()).toHaveLength(1);
});
