// npm run bench – builds and starts the app, then measures side by side in one run
// (these machines are noisy: compare the ratios, not the absolute numbers):
//   baseline        the article's HTML from memory via bare node:http
//   article page    a public article, anonymous: cached by Next (Cache Components) on the
//                   first request, then served from that cache
//   home page       the home page
//   podcast feed    /podcast/feed.xml
//   search page     rendered per request, for scale
//   private feed    the demo member's private podcast feed (token, fetch counting, entitlement)
//   premium session a programme session page for the signed-in, subscribed demo member
//                   (session check, entitlement, progress: per viewer), on one instance
//   premium, two instances
//                   the same page with two app instances on one PostgreSQL database and one
//                   Redis, 25 connections to each (bench/cluster.ts)
//   production layout (bench/fleet.ts; load by wrk, beside a baseline measured by wrk)
//                   nginx (deploy/nginx.conf.template) in front of two instances on PostgreSQL
//                   and Redis: the article page and the podcast feed from nginx's cache, the
//                   premium session page for a signed-in member, each instance's memory; and
//                   the article through nginx by autocannon, which shows autocannon's limit
// and reports the article page's JavaScript and HTML bytes and the server's memory; then a
// comment's propagation from one instance to the other (p50, max), Stripe webhook
// throughput with 30% duplicates and the end-state check (bench/webhooks.ts), and comment
// posting throughput and 1,000-comment thread timing (bench/comments.ts).
// The one-instance rows run without Redis (Next's in-process cache, as `npm start`).
// Loopback only; every load run is bounded in time.
//
// BENCH_ONLY=pages[,…] runs only some parts (a comma list; unset: everything):
//   pages        baseline, article page, premium session page on one and on two instances
//   routes       home page, podcast feed, search page, private feed, server memory
//   threads      the phase pages with and without a 1,000-comment thread
//   propagation  a comment's propagation between two instances
//   fleet        the production layout's rows (BENCH_FLEET_PORT: nginx's port on 127.0.0.2,
//                4200; the instances take the next two)
//   webhooks, comments   the in-process benchmarks
//   dashboard    the staff dashboard for an admin on PostgreSQL with 10,000 members and
//                200,000 completions, on an instance of its own (bench/dashboard.ts)
// BENCH_PROFILE=1: the one-instance server and instance A run with --cpu-prof; their self
// time during the article and premium rows is summarised (top functions and modules);
// with BENCH_PROFILE_DIR the one-instance server's .cpuprofile file is kept there.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { startLocalStripe } from '../scripts/lib/local-stripe';
import { ensureEmbeddedDatabase, ensureProductionBuild } from '../scripts/lib/prepare-build';
import { RENDER_BUDGET } from '../lib/comments/thread-plan';
import { signInCookie, startAppServer, waitFor } from './app-server';
import { measurePropagation, planCluster, startCluster, type Propagation } from './cluster';
import { benchDashboard, type DashboardResult } from './dashboard';
import { benchFleet, type FleetResult } from './fleet';
import { throwawayServerDatabase } from './harness';
import { CONNECTIONS, DURATION, ensureWrk, load, met, ms, printHeader, printRow, treeRssMb, type Row } from './load';
import { monotonicMicros, summariseProfile, type ProfileWindow } from './profile';

// BENCH_PORT: where the app listens (the baseline and the Stripe emulator take the next
// two; the two-instance rows the three after those).
const APP_PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASELINE_PORT = APP_PORT + 1;
const STRIPE_PORT = APP_PORT + 2;
const CLUSTER_PORTS = { a: APP_PORT + 3, b: APP_PORT + 4, stripe: APP_PORT + 5 };
const PROPAGATION_COMMENTS = Math.min(20, Number(process.env.BENCH_PROPAGATION_COMMENTS ?? 20));
const SESSION_PAGE = '/programme/phase-two/single-leg-balance';
const ARTICLE = '/articles/what-to-do-in-a-back-pain-flare-up';
const app = `http://127.0.0.1:${APP_PORT}`;

const SECTIONS = ['pages', 'routes', 'threads', 'propagation', 'fleet', 'webhooks', 'comments', 'dashboard'] as const;
const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
for (const name of only) if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`BENCH_ONLY: unknown part ${name} (known: ${SECTIONS.join(', ')})`);
const runs = (section: (typeof SECTIONS)[number]) => only.length === 0 || only.includes(section);

const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGTERM')));
process.on('SIGINT', () => process.exit(130));

function gzipSize(buffer: Buffer): number {
  return zlib.gzipSync(buffer, { level: 9 }).length;
}

function propagationSummary(p: Propagation): string {
  const sorted = [...p.delays].sort((x, y) => x - y);
  if (sorted.length === 0) return `none of ${p.missed} comments showed on B within ${p.timeoutMs} ms`;
  const p50 = sorted[Math.floor((sorted.length - 1) / 2)];
  const max = sorted[sorted.length - 1];
  const missed = p.missed ? `, ${p.missed} NOT shown within ${p.timeoutMs} ms` : '';
  return `p50 ${p50.toFixed(0)} ms, max ${max.toFixed(0)} ms over ${sorted.length} comments${missed}; <= 1 s: ${met(p.missed === 0 && max <= 1000)}`;
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
    cleanups.push(database.drop);
    settleDatabase = database.settle;
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-db-'));
    fs.rmSync(dataDir, { recursive: true });
    databaseUrl = `pglite:${dataDir}`;
    process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
    ensureEmbeddedDatabase(databaseUrl);
  }
  const databaseLabel = databaseUrl.startsWith('pglite:') ? 'embedded PGlite' : 'PostgreSQL server';
  if (runs('threads')) {
    const seeded = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join('bench', 'seed-thread.ts'), databaseUrl], { stdio: 'inherit' });
    if (seeded.status !== 0) throw new Error('Seeding the 1,000-comment thread failed');
  }

  // BENCH_PROFILE=1: a CPU profile of the one-instance server, written when it stops (kept
  // in BENCH_PROFILE_DIR when that is set, e.g. to open it in Chrome's DevTools).
  const keptProfileDir = process.env.BENCH_PROFILE_DIR ? path.resolve(process.env.BENCH_PROFILE_DIR) : null;
  if (keptProfileDir) fs.mkdirSync(keptProfileDir, { recursive: true });
  const profileDir = process.env.BENCH_PROFILE === '1' ? (keptProfileDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'))) : null;
  // The Stripe emulator, so the demo member is seeded with a live subscription.
  const localStripe = await startLocalStripe({ appPort: APP_PORT, emulatorPort: STRIPE_PORT });
  process.on('exit', () => void localStripe.emulator.close());
  const server = startAppServer({
    port: APP_PORT,
    databaseUrl,
    authSecret: crypto.randomBytes(32).toString('base64url'),
    stripeEnv: localStripe.env,
    nodeFlags: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    stderr: 'inherit',
  });
  children.push(server.child);
  // /search is rendered by Next, so it answers only once instrumentation prepared the database.
  await waitFor(`${app}/search`, 120_000, server.child);
  await settleDatabase();

  // The first request renders the article and fills Next's cache; the second is served from it.
  await (await fetch(`${app}${ARTICLE}`)).arrayBuffer();
  const articleResponse = await fetch(`${app}${ARTICLE}`);
  const html = Buffer.from(await articleResponse.arrayBuffer());
  const cacheState = articleResponse.headers.get('x-nextjs-cache') ?? (articleResponse.headers.get('x-nextjs-prerender') === '1' ? 'prerendered' : null);

  const scripts = [...html.toString().matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  let jsGzip = 0;
  for (const src of new Set(scripts)) jsGzip += gzipSize(Buffer.from(await (await fetch(new URL(src, app))).arrayBuffer()));

  const baseline = spawn(process.execPath, ['--import', 'tsx', path.join('bench', 'baseline-server.ts'), String(BASELINE_PORT)], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(baseline);
  baseline.stdin!.end(html);
  await waitFor(`http://127.0.0.1:${BASELINE_PORT}/`);

  console.log(`\nLoad: autocannon, ${CONNECTIONS} connections, ${DURATION} s per route after a 2 s warm-up, all on this machine. Database: ${databaseLabel}.${only.length ? ` Only: ${only.join(', ')}.` : ''}\n`);
  const rows: Row[] = [];
  const baselineRow = await load('baseline: same HTML from node:http', `http://127.0.0.1:${BASELINE_PORT}/`);
  rows.push(baselineRow);
  const rssBefore = treeRssMb(server.child.pid!);
  const profileWindows: ProfileWindow[] = [];
  /** A load run, its span kept for the CPU profile (BENCH_PROFILE=1). */
  const profiled = async (label: string, run: () => Promise<Row>) => {
    const from = monotonicMicros();
    const row = await run();
    profileWindows.push({ label, from, to: monotonicMicros() });
    return row;
  };
  const article = runs('pages') ? await profiled('article page row', () => load(`article page (${ARTICLE})`, `${app}${ARTICLE}`)) : null;
  if (article) rows.push(article);
  const memory: string[] = [`${rssBefore.toFixed(0)} MB idle after start`];
  if (runs('routes')) {
    rows.push(await load('home page (/)', `${app}/`));
    rows.push(await load('podcast feed (/podcast/feed.xml)', `${app}/podcast/feed.xml`));
    memory.push(`${treeRssMb(server.child.pid!).toFixed(0)} MB after the article/home/feed runs`);
    rows.push(await load('search page (dynamic, rendered per request)', `${app}/search?q=stiff+back`));
    memory.push(`${treeRssMb(server.child.pid!).toFixed(0)} MB after the dynamic search run`);
  }
  const member = await signInCookie(app, 'member@steadyspine.example', 'demo-member-pass');
  if (runs('routes')) {
    // The member's private podcast feed, as a podcast app polls it (token only, no cookie):
    // token lookup, fetch counting and the entitlement on every request, the XML from the per-member cache.
    const feedPath = /\/podcast\/private\/[A-Za-z0-9_-]{43}\/feed\.xml/.exec(await (await fetch(`${app}/account`, { headers: { Cookie: member } })).text())?.[0];
    if (!feedPath) throw new Error('The account page shows the benchmark member no private feed');
    rows.push(await load('private podcast feed (member, per request)', `${app}${feedPath}`));
  }
  let premium: Row | null = null;
  if (runs('pages')) {
    const sessionPage = await fetch(`${app}${SESSION_PAGE}`, { headers: { Cookie: member } });
    if (!(await sessionPage.text()).includes('Mark complete')) throw new Error('The benchmark member does not see the premium session page');
    premium = await profiled('premium session row', () => load(`premium session page (member, ${SESSION_PAGE.split('/').pop()}, one instance)`, `${app}${SESSION_PAGE}`, { Cookie: member }));
    rows.push(premium);
    memory.push(`${treeRssMb(server.child.pid!).toFixed(0)} MB after the premium session run`);
  }
  // Thread rendering, per request and unqueued (4 connections): a phase page with a
  // handful of comments beside the same page with a 1,000-comment thread.
  const threadRows: Row[] = [];
  if (runs('threads')) {
    // React separates adjacent text in server HTML with empty comments ("Show <!-- -->950…").
    const withThread = (await (await fetch(`${app}/programme/phase-three`, { headers: { Cookie: member } })).text()).replaceAll('<!-- -->', '');
    // The page shows its first RENDER_BUDGET comments; its "Show N more" buttons account for the rest.
    const rendered = (withThread.match(/id="comment-bench-\d+"/g) ?? []).length;
    const promised = [...withThread.matchAll(/>Show (\d+) (?:more )?(?:comments?|repl(?:y|ies))/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    if (rendered !== RENDER_BUDGET || rendered + promised !== 1000) {
      const buttons = [...withThread.matchAll(/<button[^>]*>[^<]{0,80}/g)].map((m) => m[0].replace(/<button[^>]*>/, '')).filter((label) => /show/i.test(label));
      throw new Error(`The phase page shows ${rendered} of the 1,000 seeded comments and offers ${promised} more (its "Show" buttons: ${JSON.stringify(buttons.slice(0, 5))})`);
    }
    for (const [name, pagePath] of [['phase page, no comments (phase-one)', '/programme/phase-one'], ['phase page, 1,000-comment thread (phase-three)', '/programme/phase-three']]) {
      threadRows.push(await load(name, `${app}${pagePath}`, { Cookie: member }, 4));
    }
  }

  // The one-instance server is done (its profile, if any, is written as it exits): the two
  // instances get the cores.
  await server.stop();
  const profile = profileDir ? summariseProfile(profileDir, profileWindows, { keep: keptProfileDir !== null }) : null;

  // The dashboard row, on an instance of its own (the two-instance rows' first ports, free until then).
  const dashboard: DashboardResult | null = runs('dashboard') ? await benchDashboard({ app: CLUSTER_PORTS.a, stripe: CLUSTER_PORTS.stripe }, (child) => children.push(child), cleanups) : null;

  let twoInstances: Row | null = null;
  let propagation: Propagation | null = null;
  let clusterNote = '';
  const clusterProfileWindows: ProfileWindow[] = [];
  let clusterProfile: string | null = null;
  if (runs('pages') || runs('propagation')) {
    const plan = await planCluster();
    if ('skipped' in plan) {
      clusterNote = `two-instance rows skipped: ${plan.skipped}`;
    } else {
      console.log('Starting two instances (A, B) on one PostgreSQL database and one Redis…');
      const profileDirA = profileDir ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-profile-a-')) : undefined;
      const cluster = await startCluster(plan, CLUSTER_PORTS, (child) => children.push(child), { profileDirA });
      cleanups.push(cluster.stop);
      try {
        if (runs('pages')) {
          const cookie = await signInCookie(cluster.a.origin, 'member@steadyspine.example', 'demo-member-pass');
          for (const instance of [cluster.a, cluster.b]) {
            const page = await fetch(`${instance.origin}${SESSION_PAGE}`, { headers: { Cookie: cookie } });
            if (!(await page.text()).includes('Mark complete')) throw new Error(`The benchmark member does not see the premium session page on ${instance.origin}`);
          }
          const from = monotonicMicros();
          twoInstances = await load(`premium session page, two instances (${CONNECTIONS / 2} connections each)`, [`${cluster.a.origin}${SESSION_PAGE}`, `${cluster.b.origin}${SESSION_PAGE}`], { Cookie: cookie });
          clusterProfileWindows.push({ label: 'two-instance premium row, instance A (Redis)', from, to: monotonicMicros() });
          rows.push(twoInstances);
        }
        if (runs('propagation')) propagation = await measurePropagation(cluster, ARTICLE, { count: PROPAGATION_COMMENTS, pollMs: 20, timeoutMs: 5_000 });
      } finally {
        await cluster.stop();
        if (profileDirA) clusterProfile = summariseProfile(profileDirA, clusterProfileWindows, { keep: false });
      }
    }
  }

  // The production layout (bench/fleet.ts), once the two instances above are gone.
  let fleet: FleetResult | null = null;
  let fleetNote = '';
  if (runs('fleet')) {
    const plan = await planCluster();
    const wrk = ensureWrk();
    if ('skipped' in plan) fleetNote = `rows through nginx skipped: ${plan.skipped.replace('two instances', 'the fleet')}`;
    else if (!wrk) fleetNote = 'rows through nginx skipped: they need wrk (a C load generator; Debian: apt-get install wrk), since autocannon cannot load nginx past its own limit';
    else fleet = await benchFleet(plan, wrk, { article: ARTICLE, session: SESSION_PAGE, feed: '/podcast/feed.xml' }, `http://127.0.0.1:${BASELINE_PORT}/`, baselineRow, cleanups);
  }

  const base = baselineRow.rps;
  printHeader();
  for (const r of rows) printRow(r, base);
  for (const r of rows) if (r.statuses) console.log(`  ${r.name}: ${r.statuses}`);
  if (twoInstances) console.log(`  (two instances: autocannon's connections take the two URLs in turn, ${CONNECTIONS / 2} to each; one member's cookie, valid on both)`);
  if (clusterNote) console.log(`  ${clusterNote}`);
  console.log(`
article page: ${cacheState ? `served from Next's cache (${cacheState})` : 'NOT served from a cache'} on the second request
article page HTML: ${(html.length / 1024).toFixed(1)} KB raw, ${(gzipSize(html) / 1024).toFixed(1)} KB gzipped
article page JavaScript: ${(jsGzip / 1024).toFixed(1)} KB gzipped in ${new Set(scripts).size} files (target <= 200 KB)
server memory (RSS): ${memory.join(', ')} (target <= 300 MB after mixed load)
  ${databaseLabel === 'embedded PGlite' ? '(the embedded database runs inside the app process: its WASM heap is about 130 MB of this; BENCH_DATABASE_URL=postgres://… measures the production setup)' : '(the database runs in its own server process)'}

${article || premium || twoInstances || propagation ? 'Targets from DESIGN.md (measured on 2 cores with the load generator on the same cores):' : ''}`);
  if (article) console.log(`  article page >= 0.4x baseline, p99 <= 50 ms: ${met(article.rps / base >= 0.4 && article.p99 <= 50)} (${(article.rps / base).toFixed(2)}x, p99 ${ms(article.p99)})`);
  if (premium) console.log(`  premium session page, one instance >= 0.05x baseline, p99 <= 400 ms: ${met(premium.rps / base >= 0.05 && premium.p99 <= 400)} (${(premium.rps / base).toFixed(3)}x, ${premium.rps.toFixed(0)} req/s, p99 ${ms(premium.p99)})`);
  if (twoInstances) {
    console.log(`  premium session page, two instances >= 0.05x baseline: ${met(twoInstances.rps / base >= 0.05)} (${(twoInstances.rps / base).toFixed(3)}x, ${twoInstances.rps.toFixed(0)} req/s, p99 ${ms(twoInstances.p99)};`);
    console.log(`    DESIGN.md asks >= 260 req/s and p99 <= 250 ms behind the production proxy: ${runs('fleet') ? 'the production layout below' : 'BENCH_ONLY=fleet'} measures that)`);
  }
  if (propagation) console.log(`  a comment visible on the other instance <= 1 s after it is posted: ${propagationSummary(propagation)}
    (posted through A's comment server action over HTTP; B's anonymous article HTML polled every 20 ms; measured from A's response to B's first response that shows it)`);
  if (fleet) fleet.print();
  if (fleetNote) console.log(`\n${fleetNote}`);
  if (threadRows.length) {
    console.log(`\nComment thread rendering (whole page, rendered per request, 4 connections; the page shows ${RENDER_BUDGET} comments, "Show more" loads the rest):`);
    for (const r of threadRows) printRow(r, threadRows[0].rps);
    const big = threadRows[1];
    console.log(`  1,000-comment thread page p99 <= 150 ms: ${met(big.p99 <= 150)} (p50 ${ms(big.p50)}, p99 ${ms(big.p99)})`);
  }
  if (dashboard?.row) {
    const r = dashboard.row;
    console.log(`\nStaff dashboard (rendered per request for an admin, PostgreSQL, beside the node:http baseline above):`);
    printRow(r, base);
    if (r.statuses) console.log(`  ${r.statuses}`);
    console.log(`  staff dashboard, 10,000 members and 200,000 completions, p99 <= 1 s: ${met(r.errors === 0 && r.p99 <= 1000)} (p50 ${ms(r.p50)}, p99 ${ms(r.p99)})`);
  }
  if (dashboard?.note) console.log(`\nstaff dashboard row skipped: ${dashboard.note}`);
  if (profile) console.log(`\n${profile}`);
  if (clusterProfile) console.log(`\n${clusterProfile.replace('of the one-instance server', 'of instance A')}`);

  for (const part of ['webhooks', 'comments'] as const) {
    if (!runs(part)) continue;
    const result = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join('bench', `${part}.ts`)], { stdio: 'inherit', env: process.env });
    if (result.status !== 0) throw new Error(`The ${part} benchmark failed`);
  }
}

/** What the run made outside this process (databases, Redis keys): undone however the run ends, last first. */
const cleanups: (() => Promise<unknown>)[] = [];

async function stopAndClean(): Promise<void> {
  children.forEach((c) => c.kill('SIGTERM'));
  await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((resolve) => c.once('exit', resolve)))));
  for (const step of cleanups.splice(0).reverse()) await step().catch((error) => console.error('Cleaning up after the benchmark failed:', error));
}

main()
  .then(async () => {
    await stopAndClean();
    process.exit(0);
  })
  .catch(async (error) => {
    console.error(error);
    await stopAndClean();
    process.exit(1);
  });
