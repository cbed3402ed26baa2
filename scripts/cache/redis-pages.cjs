// Next's `cacheHandler` (pages) in Redis, shared by every instance: loaded only when
// REDIS_URL is set (next.config.js). The library's handler, behind redis-guard.cjs: while
// Redis is down a page is a miss (rendered here) and its revalidations wait for Redis.
const { default: LibraryHandler } = require('@trieb.work/nextjs-turbo-redis-cache');
const { librarySocketOptions, redisIsUp, whenRedisIsBack } = require('./redis-guard.cjs');

let library = null;
const missedTags = new Set();

whenRedisIsBack(async () => {
  if (!library || missedTags.size === 0) return;
  const tags = [...missedTags];
  missedTags.clear();
  await library.revalidateTag(tags);
});

module.exports = class GuardedPagesHandler {
  constructor(options) {
    this.options = { ...options, socketOptions: librarySocketOptions };
  }

  /** Created on first use with Redis up: the library connects as it is made. */
  library() {
    library ??= new LibraryHandler(this.options);
    return library;
  }

  async get(...args) {
    return redisIsUp() ? this.library().get(...args) : null;
  }

  async set(...args) {
    if (redisIsUp()) await this.library().set(...args);
  }

  async revalidateTag(tags, ...rest) {
    if (redisIsUp()) return this.library().revalidateTag(tags, ...rest);
    for (const tag of [tags].flat()) missedTags.add(tag);
  }

  resetRequestCache(...args) {
    library?.resetRequestCache(...args);
  }
};
