// A short-lived Redis client that fails at once instead of reconnecting, and the
// "does Redis answer?" check built on it: shared by the scripts and tests that start
// instances on a Redis (scripts/lib/cache-redis.ts) and by /readyz (lib/health).
// No 'server-only': the scripts import it too.
import { createClient } from 'redis';

/** A URL for messages: no user name or password. */
export function shownUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

export function redisClient(url: string, options: { database?: number; timeoutMs?: number } = {}) {
  const client = createClient({ url, database: options.database, socket: { connectTimeout: options.timeoutMs ?? 3_000, reconnectStrategy: false } });
  client.on('error', () => {});
  return client;
}

/** Why Redis at `url` cannot be used, or null when it answers PING within `timeoutMs`. */
export async function redisProblem(url: string, timeoutMs = 3_000): Promise<string | null> {
  const client = redisClient(url, { timeoutMs });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([client.connect().then(() => client.ping()), timeout]);
    return null;
  } catch (error) {
    return `Redis at ${shownUrl(url)} is not reachable (${error instanceof Error ? error.message || error.name : String(error)})`;
  } finally {
    clearTimeout(timer);
    if (client.isOpen) await client.disconnect().catch(() => {});
  }
}
