// Next's `cacheHandler` (pages) in Redis, shared by every instance: loaded only when
// REDIS_URL is set (next.config.js). The library's handler, behind redis-guard.cjs: while
// Redis is down, or the library's client has not reconnected yet, a page is a miss
// (rendered here) and its revalidations wait for Redis.
//
// Two library settings, for speed: with the library's defaults, an instance served the
// article page from this cache at about 100 req/s, a third of the same instance without
// Redis; with them, at the same rate as without (`node --cpu-prof`: README, "Benchmarks").
// The library's get() builds debug arguments whether or not debugging is on: JSON.stringify
// of the whole entry, whose Buffers (the RSC payload, the segments) become arrays of
// numbers, and, in its in-memory deduplication, JSON.stringify of the entry's serialized
// string. So:
//   - no deduplication: every get reads Redis (one GET on loopback; it also means no
//     10-second per-instance copy that another instance's invalidation could miss);
//   - the entry read back gets a non-enumerable toJSON that gives only its date and
//     tags, which is all the library's debug line keeps (its first 200 characters).
const { default: LibraryHandler, jsonCacheValueSerializer } = require('@trieb.work/nextjs-turbo-redis-cache');
const { guarded, librarySocketOptions, pendingInvalidations, redisIsUp } = require('./redis-guard.cjs');

let library = null;
const missed = pendingInvalidations((tags) => library.revalidateTag(tags));

/** The library's own format in Redis; an entry read back stringifies as its date and tags only. */
const entrySerializer = {
  serialize: (entry) => jsonCacheValueSerializer.serialize(entry),
  deserialize(stored) {
    const entry = jsonCacheValueSerializer.deserialize(stored);
    if (entry && typeof entry === 'object') {
      Object.defineProperty(entry, 'toJSON', { value: () => ({ lastModified: entry.lastModified, tags: entry.tags }), enumerable: false, configurable: true });
    }
    return entry;
  },
};

module.exports = class GuardedPagesHandler {
  constructor(options) {
    this.options = { ...options, socketOptions: librarySocketOptions, redisGetDeduplication: false, valueSerializer: entrySerializer };
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
