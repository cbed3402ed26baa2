// The Redis that several app instances share their cache through (next.config.js, with
// REDIS_URL), as the scripts and tests that start such instances need it: is it there,
// are the keyspace events the cache library needs on, and deleting a run's own keys.
// Every client fails at once instead of reconnecting; every loop is bounded.
import { redisClient as createRedisClient } from '../../lib/cache/redis';

export { redisProblem, shownUrl } from '../../lib/cache/redis';

/** The Redis databases @trieb.work/nextjs-turbo-redis-cache writes to: 1 by default, 0 on Vercel production. */
export const CACHE_REDIS_DATABASES = [1, 0] as const;

const redisClient = (url: string, database?: number) => createRedisClient(url, { database });

/**
 * The cache library keeps each instance's map of tags in step with keys Redis expires or
 * evicts by listening to keyspace events, and refuses to start unless `notify-keyspace-events`
 * has E (keyevent channel) plus x (expired) and e (evicted), or A. A Redis run for
 * development or tests usually has them off: they are switched on, keeping the flags
 * already set (a server-wide setting, harmless to other clients). Returns the setting.
 */
export async function ensureKeyspaceEvents(url: string): Promise<string> {
  const client = redisClient(url);
  await client.connect();
  try {
    const current = (await client.configGet('notify-keyspace-events'))['notify-keyspace-events'] ?? '';
    if (current.includes('E') && (current.includes('A') || (current.includes('x') && current.includes('e')))) return current;
    const wanted = [...new Set([...current, 'E', 'x', 'e'])].join('');
    await client.configSet('notify-keyspace-events', wanted);
    return wanted;
  } finally {
    await client.disconnect();
  }
}

/**
 * Deletes the keys under `prefix` (a run's own KEY_PREFIX, which must match `shape`) in
 * the cache library's databases, by SCAN, at most 10,000 pages each; returns how many.
 */
export async function deleteKeysUnder(url: string, prefix: string, shape: RegExp): Promise<number> {
  if (!shape.test(prefix)) throw new Error(`Refusing to delete Redis keys under ${prefix}`);
  let deleted = 0;
  for (const database of CACHE_REDIS_DATABASES) {
    const client = redisClient(url, database);
    await client.connect();
    try {
      let cursor = 0;
      for (let page = 0; page < 10_000; page++) {
        const reply = await client.scan(cursor, { MATCH: `${prefix}*`, COUNT: 500 });
        if (reply.keys.length > 0) deleted += await client.del(reply.keys);
        cursor = reply.cursor;
        if (cursor === 0) break;
      }
    } finally {
      await client.disconnect();
    }
  }
  return deleted;
}
