// Whether Redis answers, watched on a connection of our own, so the cache handlers can
// step aside while it does not: the cache library waits for Redis (a page request hung
// when it was down at start) and logs every reconnect attempt. While Redis is down,
// pages are rendered here, uncached; invalidations meant for Redis are kept and sent
// when it is back, so no instance serves a copy from before the outage. Logs each change once.
const { createClient } = require('redis');

const RETRY_MS = 2000;
const LIBRARY_RETRY_MAX_MS = 5000;
/** How the cache library and Next report a Redis it cannot reach, once per client and attempt. */
const LIBRARY_OUTAGE_LINE = /^(Subscriber client error|Redis client error|RedisCacheComponentsHandler client error|Failed to reconnect|RedisStringsHandler\.(get|set)\(\) Error|Failed to update prerender cache)/;
/** @type {'unknown' | 'up' | 'down'} */
let state = 'unknown';
let client = null;
const onRecovery = new Set();

function report(next) {
  if (next === state) return;
  const was = state;
  state = next;
  if (next === 'down') console.error('Redis is unreachable: pages are rendered here without the shared cache until it is back.');
  if (next === 'up' && was === 'down') {
    // The library's own clients reconnect on their next attempt, within LIBRARY_RETRY_MAX_MS.
    quietUntil = Date.now() + LIBRARY_RETRY_MAX_MS;
    console.log('Redis is back: the shared cache is on again.');
    for (const replay of onRecovery) Promise.resolve().then(replay).catch((error) => console.error('Replaying invalidations to Redis failed:', error));
  }
}

/**
 * While Redis is down (or coming back), the library's clients print a line for every
 * reconnect attempt of each of them: dozens a minute. The outage is reported once above;
 * those lines are dropped until Redis is back and the library has reconnected.
 */
function quietLibraryDuringOutage() {
  const print = console.error.bind(console);
  console.error = (...args) => {
    if (state !== 'up' || Date.now() < quietUntil) {
      if (typeof args[0] === 'string' && LIBRARY_OUTAGE_LINE.test(args[0])) return;
    }
    print(...args);
  };
}
let quietUntil = 0;

function watch() {
  if (client) return;
  quietLibraryDuringOutage();
  client = createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true, socket: { connectTimeout: 1000, reconnectStrategy: () => RETRY_MS } });
  client.on('ready', () => report('up'));
  client.on('error', () => report('down'));
  client.connect().catch(() => report('down'));
}

/** True while Redis answers. The first call starts watching (and answers false until then). */
exports.redisIsUp = () => {
  watch();
  return state === 'up';
};


/**
 * Runs one of the library's calls. Redis can be back for our watcher while the library's
 * own client is still reconnecting (up to LIBRARY_RETRY_MAX_MS): its calls then throw, and
 * a page or action must not fail for it. Such a failure counts as a miss: `fallback` is
 * returned and the error logged once per outage.
 */
exports.guarded = async (call, fallback) => {
  try {
    return await call();
  } catch (error) {
    if (!reportedLibraryFailure) console.error(`The shared cache in Redis failed a call (${error instanceof Error ? error.message : error}); carrying on without it until it answers.`);
    reportedLibraryFailure = true;
    return fallback;
  }
};
let reportedLibraryFailure = false;

/**
 * Keeps invalidations Redis has not taken yet and sends them with `send` when it answers:
 * at once if it is up, else when it is back, retried every RETRY_MS until one goes through,
 * so no instance keeps serving a copy from before them.
 */
exports.pendingInvalidations = (send) => {
  const tags = new Set();
  let timer = null;
  const flush = async () => {
    timer = null;
    if (tags.size === 0 || state !== 'up') return;
    const batch = [...tags];
    tags.clear();
    try {
      await send(batch);
      reportedLibraryFailure = false;
    } catch {
      for (const tag of batch) tags.add(tag);
      timer ??= setTimeout(flush, RETRY_MS);
    }
  };
  onRecovery.add(flush);
  return {
    add(more) {
      for (const tag of more) tags.add(tag);
      timer ??= setTimeout(flush, RETRY_MS);
    },
  };
};

/** Socket options for the library's own clients: back off instead of retrying every 50 ms. */
exports.librarySocketOptions = { connectTimeout: 1000, reconnectStrategy: (retries) => Math.min(250 * 2 ** retries, LIBRARY_RETRY_MAX_MS) };
