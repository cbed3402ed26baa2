// @ts-check
// While the PostgreSQL server cannot be reached (a restart, a failover), requests that need
// it are answered here at once with a 503 page that says so and when to try again, instead
// of each waiting on a connection and ending in Next's 500. A connection of its own asks
// the server `SELECT 1` every second; a refused or dropped connection closes the gate (three
// timeouts in a row do too), the first answer after opens it. Anonymous reads still go to Next (public pages come from the cache, and
// a proxy in front serves its stale copy on a 503), as do built files and the probes.
// The embedded database lives in this process: nothing to watch.
import pg from 'pg';

/** @typedef {import('./request-guard.mjs').Refusal} Refusal */

/** @type {Refusal} */
export const DATABASE_UNREACHABLE = {
  status: 503,
  title: 'Back in a moment',
  message: 'The site cannot reach its database just now, so your account, your programme and comments are paused. Nothing you saved is lost. Please try again in a minute.',
  retryAfterSeconds: 10,
};

const SESSION_COOKIE = /(^|;)\s*(__Secure-)?authjs\.session-token/;

/**
 * Whether Next would need the database for this request: anything that is not an
 * anonymous GET or HEAD, built files and the health probes aside.
 * @param {{ method?: string, url?: string, headers: import('node:http').IncomingHttpHeaders }} req
 */
export function needsDatabase(req) {
  const pathname = (req.url ?? '/').split('?')[0];
  if (pathname.startsWith('/_next/static/') || pathname === '/healthz' || pathname === '/readyz') return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') return true;
  return SESSION_COOKIE.test(String(req.headers.cookie ?? ''));
}

/** Probes in a row that time out before the gate closes (a refused connection closes it at once). */
const TIMEOUTS_TO_CLOSE = 3;

/**
 * Watches the database at `databaseUrl` (postgres:// only; null otherwise).
 * @param {string | undefined} databaseUrl
 * @param {{ intervalMs?: number, log?: (line: string) => void }} [options]
 */
export function watchDatabase(databaseUrl, { intervalMs = 1000, log = console.error } = {}) {
  if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)) return null;
  let reachable = true;
  let closed = false;
  let timeouts = 0;
  let probing = false;
  /** @type {pg.Client | null} */
  let client = null;
  const drop = () => {
    client?.end().catch(() => {});
    client = null;
  };
  const probe = async () => {
    if (probing || closed) return;
    probing = true;
    try {
      if (!client) {
        const fresh = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: intervalMs, query_timeout: intervalMs, application_name: 'steady-spine database gate' });
        fresh.on('error', () => {});
        client = fresh;
        await fresh.connect();
      }
      await client.query('SELECT 1');
      if (!reachable) log('The database answers again: requests go through.');
      reachable = true;
      timeouts = 0;
    } catch (error) {
      drop();
      const message = error instanceof Error ? error.message : String(error);
      // A refused or dropped connection is the database gone: close at once. A timeout may
      // be this process too busy to read the answer in time (a fleet test saw one close the
      // gate on a healthy database while the other instance restarted): close on the third.
      timeouts = /timeout/i.test(message) ? timeouts + 1 : TIMEOUTS_TO_CLOSE;
      if (timeouts < TIMEOUTS_TO_CLOSE) return;
      if (reachable && !closed) log(`The database is unreachable (${message}): answering 503 until it is back.`);
      reachable = false;
    } finally {
      probing = false;
    }
  };
  const timer = setInterval(probe, intervalMs);
  timer.unref();
  return {
    /** @param {{ method?: string, url?: string, headers: import('node:http').IncomingHttpHeaders }} req */
    refusalFor: (req) => (!reachable && needsDatabase(req) ? DATABASE_UNREACHABLE : null),
    async close() {
      closed = true;
      clearInterval(timer);
      drop();
    },
  };
}
