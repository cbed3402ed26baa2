// Next's `cacheHandlers` ('use cache' entries) in Redis, shared by every instance: loaded
// only when REDIS_URL is set (next.config.js). The library's handler, behind
// redis-guard.cjs: while Redis is down, or the library's client has not reconnected yet,
// an entry is a miss (rendered here) and tag updates wait for Redis. CommonJS, the form
// the library documents for this handler.
const { getRedisCacheComponentsHandler } = require('@trieb.work/nextjs-turbo-redis-cache');
const { guarded, librarySocketOptions, pendingInvalidations, redisIsUp } = require('./redis-guard.cjs');

const library = () => getRedisCacheComponentsHandler({ socketOptions: librarySocketOptions });
const missed = pendingInvalidations((tags) => library().updateTags(tags));

module.exports = {
  async get(cacheKey, softTags) {
    return redisIsUp() ? guarded(() => library().get(cacheKey, softTags), undefined) : undefined;
  },
  async set(cacheKey, pendingEntry) {
    if (redisIsUp()) return guarded(() => library().set(cacheKey, pendingEntry), undefined);
  },
  async refreshTags() {
    if (redisIsUp()) return guarded(() => library().refreshTags(), undefined);
  },
  async getExpiration(tags) {
    return redisIsUp() ? guarded(() => library().getExpiration(tags), 0) : 0;
  },
  async updateTags(tags, durations) {
    if (redisIsUp()) {
      const sent = await guarded(async () => (await library().updateTags(tags, durations), true), false);
      if (sent) return;
    }
    missed.add(tags);
  },
};
