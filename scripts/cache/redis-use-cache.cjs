// Next's `cacheHandlers` ('use cache' entries) in Redis, shared by every instance: loaded
// only when REDIS_URL is set (next.config.js). The library's handler, behind
// redis-guard.cjs: while Redis is down an entry is a miss (rendered here) and tag updates
// wait for Redis. CommonJS, the form the library documents for this handler.
const { getRedisCacheComponentsHandler } = require('@trieb.work/nextjs-turbo-redis-cache');
const { librarySocketOptions, redisIsUp, whenRedisIsBack } = require('./redis-guard.cjs');

const missedTags = new Set();
const library = () => getRedisCacheComponentsHandler({ socketOptions: librarySocketOptions });

whenRedisIsBack(async () => {
  if (missedTags.size === 0) return;
  const tags = [...missedTags];
  missedTags.clear();
  await library().updateTags(tags);
});

module.exports = {
  async get(cacheKey, softTags) {
    return redisIsUp() ? library().get(cacheKey, softTags) : undefined;
  },
  async set(cacheKey, pendingEntry) {
    if (redisIsUp()) return library().set(cacheKey, pendingEntry);
  },
  async refreshTags() {
    if (redisIsUp()) return library().refreshTags();
  },
  async getExpiration(tags) {
    return redisIsUp() ? library().getExpiration(tags) : 0;
  },
  async updateTags(tags, durations) {
    if (redisIsUp()) return library().updateTags(tags, durations);
    for (const tag of tags) missedTags.add(tag);
  },
};
