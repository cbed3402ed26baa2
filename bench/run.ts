// npm run bench – builds and starts the app, then measures side by side in one run
// (these machines are noisy: compare the ratios, not the absolute numbers):
//   baseline        the article's HTML from memory via bare node:http
//   article page    a prerendered public article
//   home page       the prerendered home page
//   podcast feed    /podcast/feed.xml
//   private feed    the demo member's private podcast feed (token, fetch counting, entitlement)
//   premium session a programme session page for the signed-in, subscribed demo member
//                   (session check, entitlement, progress: rendered per request)
// and reports the article page's JavaScript and HTML bytes and the server's memory;
// then Stripe webhook throughput with 30% duplicates and the end-state check (bench/webhooks.ts),
// and comment posting throughput and 1,000-comment thread timing (bench/comments.ts).
// Loopback only; every load run is bounded in time.
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { startLocalStripe } from '../scripts/lib/local-stripe';
import { ensureEmbeddedDatabase, ensureProductionBuild, serverCommand } from '../scripts/lib/prepare-build';
import { RENDER_BUDGET } from '../lib/comments/thread-plan';
import { throwawayServerDatabase } from './harness';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
// BENCH_PORT: where the app listens (the baseline and the Stripe emulator take the next two).
const APP_PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASELINE_PORT = APP_PORT + 1;
const STRIPE_PORT = APP_PORT + 2;
const SESSION_PAGE = '/programme/phase-two/single-leg-balance';
const ARTICLE = '/articles/what-to-do-in-a-back-pain-flare-up';
const app = `http://127.0.0.1:${APP_PORT}`;

const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGTERM')));
process.on('SIGINT', () => process.exit(130));

async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The app runs in a child process: its whole tree's RSS (tsx wrapper + server). */
function treeRssMb(pid: number): number {
  let total = rssMb(pid);
  for (const child of fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
    total += treeRssMb(Number(child));
  }
  return total;
}

interface Row { name: string; rps: number; p50: number; p99: number; errors: number }

async function load(name: string, url: string, headers: Record<string, string> = {}): Promise<Row> {
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 }); // warm-up, not reported
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/** Signs in through Auth.js's own credentials endpoint and returns the session cookie. */
async function signInCookie(email: string, password: string): Promise<string> {
  const csrf = await fetch(`${app}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${app}/api/auth/callback/password`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${app}/account` }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('authjs.session-token='));
  if (!session) throw new Error(`Signing in ${email} for the benchmark failed (HTTP ${response.status})`);
  return session.split(';')[0];
}

function gzipSize(buffer: Buffer): number {
  return zlib.gzipSync(buffer, { level: 9 }).length;
}

async function main() {
  ensureProductionBuild();
  // BENCH_DATABASE_URL: a PostgreSQL server (production's setup), on which the run makes
  // and afterwards drops its own database. Otherwise a fresh embedded database, created
  // the way `npm start` creates one.
  let databaseUrl = '';
  let settleDatabase = async () => {};
  if (process.env.BENCH_DATABASE_URL) {
    const database = await throwawayServerDatabase(process.env.BENCH_DATABASE_URL, 'bench_app');
    databaseUrl = database.url;
    dropServerDatabase = database.drop;
    settleDatabase = database.settle;
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-db-'));
    fs.rmSync(dataDir, { recursive: true });
    databaseUrl = `pglite:${dataDir}`;
    process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
    ensureEmbeddedDatabase(databaseUrl);
  }
  const databaseLabel = databaseUrl.startsWith('pglite:') ? 'embedded PGlite' : 'PostgreSQL server';
  const seeded = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join('bench', 'seed-thread.ts'), databaseUrl], { stdio: 'inherit' });
  if (seeded.status !== 0) throw new Error('Seeding the 1,000-comment thread failed');

  // The Stripe emulator, so the demo member is seeded with a live subscription.
  const localStripe = await startLocalStripe({ appPort: APP_PORT, emulatorPort: STRIPE_PORT });
  process.on('exit', () => void localStripe.emulator.close());
  const server = spawn(process.execPath, serverCommand(false), {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...localStripe.env, NODE_ENV: 'production', PORT: String(APP_PORT), SITE_URL: app, DATABASE_URL: databaseUrl, SEED_DEMO_DATA: 'true', AUTH_SECRET: crypto.randomBytes(32).toString('base64url') },
  });
  children.push(server);
  // /search is rendered by Next, so it answers only once instrumentation prepared the database.
  await waitFor(`${app}/search`);
  await settleDatabase();

  const articleResponse = await fetch(`${app}${ARTICLE}`);
  const html = Buffer.from(await articleResponse.arrayBuffer());
  const prerendered = articleResponse.headers.get('x-nextjs-prerender') === '1' || articleResponse.headers.get('x-nextjs-cache') !== null;
  const manifest = JSON.parse(fs.readFileSync(path.join('.next', 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> };
  const staticRoutes = Object.keys(manifest.routes);
  const articlesStatic = staticRoutes.filter((r) => r.startsWith('/articles/') && !r.includes('/page/')).length;
  const episodesStatic = staticRoutes.filter((r) => r.startsWith('/podcast/') && !r.endsWith('.xml')).length;

  const scripts = [...html.toString().matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  let jsGzip = 0;
  for (const src of new Set(scripts)) jsGzip += gzipSize(Buffer.from(await (await fetch(new URL(src, app))).arrayBuffer()));

  const baseline = spawn(process.execPath, ['--import', 'tsx', path.join('bench', 'baseline-server.ts'), String(BASELINE_PORT)], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(baseline);
  baseline.stdin!.end(html);
  await waitFor(`http://127.0.0.1:${BASELINE_PORT}/`);

  console.log(`\nLoad: autocannon, ${CONNECTIONS} connections, ${DURATION} s per route after a 2 s warm-up, all on this machine. Database: ${databaseLabel}.\n`);
  const rows: Row[] = [];
  rows.push(await load('baseline: same HTML from node:http', `http://127.0.0.1:${BASELINE_PORT}/`));
  const rssBefore = treeRssMb(server.pid!);
  rows.push(await load(`article page (${ARTICLE})`, `${app}${ARTICLE}`));
  rows.push(await load('home page (/)', `${app}/`));
  rows.push(await load('podcast feed (/podcast/feed.xml)', `${app}/podcast/feed.xml`));
  const rssAfter = treeRssMb(server.pid!);
  // Not one of the prerendered routes: a page Next renders per request, for scale.
  rows.push(await load('search page (dynamic, rendered per request)', `${app}/search?q=stiff+back`));
  const rssAfterDynamic = treeRssMb(server.pid!);
  const member = await signInCookie('member@steadyspine.example', 'demo-member-pass');
  // The member's private podcast feed, as a podcast app polls it (token only, no cookie):
  // token lookup, fetch counting and the entitlement on every request, the XML from the per-member cache.
  const feedPath = /\/podcast\/private\/[A-Za-z0-9_-]{43}\/feed\.xml/.exec(await (await fetch(`${app}/account`, { headers: { Cookie: member } })).text())?.[0];
  if (!feedPath) throw new Error('The account page shows the benchmark member no private feed');
  rows.push(await load('private podcast feed (member, per request)', `${app}${feedPath}`));
  const sessionPage = await fetch(`${app}${SESSION_PAGE}`, { headers: { Cookie: member } });
  if (!(await sessionPage.text()).includes('Mark complete')) throw new Error('The benchmark member does not see the premium session page');
  rows.push(await load(`premium session page (member, ${SESSION_PAGE.split('/').pop()})`, `${app}${SESSION_PAGE}`, { Cookie: member }));
  const rssAfterPremium = treeRssMb(server.pid!);
  // Thread rendering, per request and unqueued (4 connections): a phase page with a
  // handful of comments beside the same page with a 1,000-comment thread.
  const threadRows: Row[] = [];
  const withThread = await (await fetch(`${app}/programme/phase-three`, { headers: { Cookie: member } })).text();
  // The page shows its first RENDER_BUDGET comments; its "Show N more" buttons account for the rest.
  const rendered = (withThread.match(/id="comment-bench-\d+"/g) ?? []).length;
  const promised = [...withThread.matchAll(/>Show (\d+) (?:more )?(?:comments?|repl(?:y|ies))/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  if (rendered !== RENDER_BUDGET || rendered + promised !== 1000) throw new Error(`The phase page shows ${rendered} of the 1,000 seeded comments and offers ${promised} more`);
  for (const [name, pagePath] of [['phase page, no comments (phase-one)', '/programme/phase-one'], ['phase page, 1,000-comment thread (phase-three)', '/programme/phase-three']]) {
    await autocannon({ url: `${app}${pagePath}`, headers: { Cookie: member }, connections: 4, duration: 2 });
    const r = await autocannon({ url: `${app}${pagePath}`, headers: { Cookie: member }, connections: 4, duration: DURATION });
    threadRows.push({ name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });
  }

  const base = rows[0].rps;
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (n: number, d = 0) => n.toFixed(d).padStart(9);
  console.log(`${pad('route', 62)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'vs base'.padStart(9)}${'errors'.padStart(8)}`);
  for (const r of rows) {
    console.log(`${pad(r.name, 62)}${num(r.rps)}${num(r.p50, 1)}${num(r.p99, 1)}${(r.rps / base).toFixed(2).padStart(8)}x${String(r.errors).padStart(8)}`);
  }
  const article = rows[1];
  const premium = rows[rows.length - 1];
  console.log(`
article page: ${prerendered ? 'served from a cache (prerendered or ISR)' : 'NOT cached'} (${articlesStatic} article and ${episodesStatic} episode routes in the prerender manifest)
article page HTML: ${(html.length / 1024).toFixed(1)} KB raw, ${(gzipSize(html) / 1024).toFixed(1)} KB gzipped
article page JavaScript: ${(jsGzip / 1024).toFixed(1)} KB gzipped in ${new Set(scripts).size} files (target <= 200 KB)
server memory (RSS): ${rssBefore.toFixed(0)} MB idle after start, ${rssAfter.toFixed(0)} MB after the article/home/feed runs (target <= 250 MB), ${rssAfterDynamic.toFixed(0)} MB after the dynamic search run
  ${databaseLabel === 'embedded PGlite' ? '(the embedded database runs inside the app process: its WASM heap is about 130 MB of this; BENCH_DATABASE_URL=postgres://… measures the production setup)' : '(the database runs in its own server process)'}

Targets from DESIGN.md (measured on 2 cores with the load generator on the same cores):
  article page >= 3,500 req/s and p99 <= 50 ms: ${article.rps >= 3500 ? 'met' : 'NOT met'} (${article.rps.toFixed(0)} req/s, p99 ${article.p99} ms)
  the baseline is the ceiling this machine sets for serving these bytes from Node.js: the article runs at ${((article.rps / base) * 100).toFixed(0)}% of it.
  premium session page >= 260 req/s and p99 <= 250 ms: ${premium.rps >= 260 && premium.p99 <= 250 ? 'met' : 'NOT met'} (${premium.rps.toFixed(0)} req/s, p99 ${premium.p99} ms; RSS ${rssAfterPremium.toFixed(0)} MB after it)`);
  console.log(`\nComment thread rendering (whole page, rendered per request, 4 connections; the page shows ${RENDER_BUDGET} comments, "Show more" loads the rest):`);
  for (const r of threadRows) console.log(`${pad(r.name, 62)}${num(r.rps)}${num(r.p50, 1)}${num(r.p99, 1)}${(r.rps / threadRows[0].rps).toFixed(2).padStart(8)}x${String(r.errors).padStart(8)}`);
  const big = threadRows[1];
  console.log(`  1,000-comment thread page p99 <= 150 ms: ${big.p99 <= 150 ? 'met' : 'NOT met'} (p50 ${big.p50} ms, p99 ${big.p99} ms)`);

  // The page server is done; the webhook run gets the cores to itself.
  server.kill('SIGTERM');
  await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
  const webhooks = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join('bench', 'webhooks.ts')], { stdio: 'inherit', env: process.env });
  if (webhooks.status !== 0) throw new Error('The webhook benchmark failed');
  const comments = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join('bench', 'comments.ts')], { stdio: 'inherit', env: process.env });
  if (comments.status !== 0) throw new Error('The comments benchmark failed');
}

/** Set when the run made its own database on a PostgreSQL server: dropped however the run ends. */
let dropServerDatabase: (() => Promise<void>) | null = null;

async function stopAndDrop(): Promise<void> {
  if (!dropServerDatabase) return;
  children.forEach((c) => c.kill('SIGTERM'));
  await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((resolve) => c.once('exit', resolve)))));
  await dropServerDatabase().catch((error) => console.error('Dropping the benchmark database failed:', error));
}

main()
  .then(async () => {
    await stopAndDrop();
    process.exit(0);
  })
  .catch(async (error) => {
    console.error(error);
    await stopAndDrop();
    process.exit(1);
  });
