// Next's `cacheHandler` (pages) in Redis, shared by every instance: loaded only when
// REDIS_URL is set (next.config.js). The library's handler, behind redis-guard.cjs: while
// Redis is down, or the library's client has not reconnected yet, a page is a miss
// (rendered here) and its revalidations wait for Redis.
const { default: LibraryHandler } = require('@trieb.work/nextjs-turbo-redis-cache');
const { guarded, librarySocketOptions, pendingInvalidations, redisIsUp } = require('./redis-guard.cjs');

let library = null;
const missed = pendingInvalidations((tags) => library.revalidateTag(tags));

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
    return redisIsUp() ? guarded(() => this.library().get(...args), null) : null;
  }

  async set(...args) {
    if (redisIsUp()) await guarded(() => this.library().set(...args), undefined);
  }

  async revalidateTag(tags, ...rest) {
    const all = [tags].flat();
    if (redisIsUp()) {
      const sent = await guarded(async () => (await this.library().revalidateTag(tags, ...rest), true), false);
      if (sent) return;
    }
    missed.add(all);
  }

  resetRequestCache(...args) {
    library?.resetRequestCache(...args);
  }
};
