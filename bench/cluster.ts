// Two instances of the app for `npm run bench` (bench/run.ts): A and B on one PostgreSQL
// database and one Redis, as a site that runs more than one instance does. The database
// is the run's own (created, then dropped), the Redis keys live under a KEY_PREFIX of the
// run's own (deleted afterwards), and only the processes started here are stopped.
//   - the premium session page across both (bench/run.ts measures it);
//   - a comment's propagation: posted through A's comment server action over HTTP, then
//     B's anonymous article HTML polled until it shows the comment.
// Loopback only; everything is bounded in time and count.
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import pg from 'pg';
import { callFormAction, findActionId } from '../scripts/lib/action-client';
import { deleteKeysUnder, ensureKeyspaceEvents, redisProblem, shownUrl as shown } from '../scripts/lib/cache-redis';
import { startLocalStripe } from '../scripts/lib/local-stripe';
import { signInCookie, sleep, startAppServer, waitFor, type AppServer } from './app-server';
import { throwawayServerDatabase } from './harness';

/** Used when BENCH_DATABASE_URL is not set, if it answers (the e2e cluster spec's server). */
const LOCAL_POSTGRES = 'postgresql://postgres@127.0.0.1:5432';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

async function postgresProblem(server: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${shown(server)} is not reachable (${error instanceof Error ? error.message || error.name : String(error)})`;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface ClusterPlan {
  postgres: string;
  redis: string;
}

/** The PostgreSQL server for rows that need one (BENCH_DATABASE_URL, else the local one), or why not. */
export async function planPostgres(what: string): Promise<{ postgres: string } | { skipped: string }> {
  const postgres = process.env.BENCH_DATABASE_URL || LOCAL_POSTGRES;
  const pgProblem = await postgresProblem(postgres);
  return pgProblem ? { skipped: `${what} need a PostgreSQL server (BENCH_DATABASE_URL, or ${shown(LOCAL_POSTGRES)} when it is unset): ${pgProblem}` } : { postgres };
}

/** Where the two instances' PostgreSQL and Redis are, or why the cluster rows are skipped. */
export async function planCluster(): Promise<ClusterPlan | { skipped: string }> {
  const pgPlan = await planPostgres('two instances');
  if ('skipped' in pgPlan) return pgPlan;
  const { postgres } = pgPlan;
  const redis = process.env.REDIS_URL || LOCAL_REDIS;
  const problem = await redisProblem(redis);
  if (problem) return { skipped: `two instances share their cache through Redis (REDIS_URL, or ${shown(LOCAL_REDIS)} when it is unset): ${problem}` };
  return { postgres, redis };
}

export interface BenchCluster {
  a: AppServer;
  b: AppServer;
  /** Stops both instances, deletes the Redis keys, drops the database. */
  stop(): Promise<void>;
}

/**
 * Starts A on `ports.a` (it migrates and seeds the fresh database; with `profileDirA`,
 * under `node --cpu-prof` writing there), then B on `ports.b`,
 * both with REDIS_URL, the run's KEY_PREFIX and one AUTH_SECRET (a session cookie from A
 * is valid on B); one Stripe emulator on `ports.stripe` sends its webhooks to A.
 * `track` gets each child process, so the caller can end it if the run is interrupted.
 */
export async function startCluster(
  plan: ClusterPlan,
  ports: { a: number; b: number; stripe: number },
  track: (child: ChildProcess) => void,
  options: { profileDirA?: string } = {},
): Promise<BenchCluster> {
  const keyPrefix = `bench-${crypto.randomBytes(6).toString('hex')}_`;
  const authSecret = crypto.randomBytes(32).toString('base64url');
  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of cleanups.splice(0).reverse()) {
      await step().catch((error: unknown) => console.error(`Cluster clean-up step failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
  try {
    // The cache library needs Redis's keyspace events (E, x, e): switched on if they are off
    // (scripts/lib/cache-redis.ts says why).
    await ensureKeyspaceEvents(plan.redis);
    cleanups.push(() => deleteKeysUnder(plan.redis, keyPrefix, /^bench-[0-9a-f]+_$/));
    const database = await throwawayServerDatabase(plan.postgres, 'bench_cluster');
    cleanups.push(database.drop);
    const stripe = await startLocalStripe({ appPort: ports.a, emulatorPort: ports.stripe });
    cleanups.push(() => stripe.emulator.close());
    const start = async (port: number, nodeFlags: string[] = []) => {
      const server = startAppServer({ port, databaseUrl: database.url, authSecret, stripeEnv: stripe.env, env: { REDIS_URL: plan.redis, KEY_PREFIX: keyPrefix }, nodeFlags, stderr: 'keep' });
      track(server.child);
      cleanups.push(server.stop);
      try {
        await waitFor(`${server.origin}/search`, 180_000, server.child);
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n${server.log()}`);
      }
      return server;
    };
    const a = await start(ports.a, options.profileDirA ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDirA}`] : []);
    const b = await start(ports.b);
    await database.settle();
    return { a, b, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface Propagation {
  /** ms from the post's response on A to B's first anonymous HTML that shows the comment. */
  delays: number[];
  /** Comments B did not show within the time allowed. */
  missed: number;
  timeoutMs: number;
}

/**
 * Posts `count` comments through A, as the page's comment form does: the comment server
 * action (postCommentAction) called over HTTP with the action id header, the session
 * cookie and the encoded form. After each post's response, polls B's anonymous HTML of the
 * page every `pollMs` until the comment is in it (at most `timeoutMs`). The demo member
 * and the demo reader take turns (the comment rate limit allows 10 each per 10 minutes).
 */
export async function measurePropagation(cluster: BenchCluster, pagePath: string, options: { count: number; pollMs: number; timeoutMs: number }): Promise<Propagation> {
  const { a, b } = cluster;
  const authors = [await signInCookie(a.origin, 'member@steadyspine.example', 'demo-member-pass'), await signInCookie(a.origin, 'reader@steadyspine.example', 'demo-reader-pass')];
  const id = await findActionId(a.origin, pagePath, authors[0], 'postCommentAction');
  const [kind, slug] = pagePath.split('/').slice(1) as [string, string];
  const targetKind = kind === 'articles' ? 'article' : kind === 'podcast' ? 'episode' : kind;
  // B has rendered and cached the page (and its thread) before the first comment.
  for (let i = 0; i < 2; i++) await fetch(`${b.origin}${pagePath}`).then((r) => r.text());

  const run = crypto.randomBytes(4).toString('hex');
  const result: Propagation = { delays: [], missed: 0, timeoutMs: options.timeoutMs };
  for (let i = 0; i < Math.min(options.count, 10 * authors.length); i++) {
    const text = `Propagation check ${run} number ${i + 1}`;
    const posted = await callFormAction({ origin: a.origin, pagePath, actionId: id, cookie: authors[i % authors.length], fields: { targetKind, targetSlug: slug, body: text } });
    if (posted.status !== 200 || !posted.body.includes('Your comment is posted.')) throw new Error(`Posting comment ${i + 1} through A failed (HTTP ${posted.status}): ${posted.body.slice(0, 300)}`);
    const postedAt = performance.now();
    let seen = false;
    while (!seen && performance.now() - postedAt < options.timeoutMs) {
      const html = await fetch(`${b.origin}${pagePath}`, { signal: AbortSignal.timeout(options.timeoutMs) }).then(
        (r) => r.text(),
        () => '',
      );
      if (html.includes(text)) {
        result.delays.push(performance.now() - postedAt);
        seen = true;
      } else {
        await sleep(options.pollMs);
      }
    }
    if (!seen) result.missed++;
  }
  return result;
}
