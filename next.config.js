// @ts-check
import { createRequire } from 'node:module';
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';

const require = createRequire(import.meta.url);

// Several instances share one cache through Redis when REDIS_URL is set: pages (Next's
// `cacheHandler`) and 'use cache' entries (`cacheHandlers`), with tags invalidated on every
// instance at once; while Redis is down, pages are rendered without it (scripts/cache/
// redis-guard.cjs). Unset, Next keeps both in process, which is right for one instance.
// Library choice: README, "Caching".
// Not while building: the build prerenders into its own output, needing no Redis.
const redisCache = (phase) =>
  process.env.REDIS_URL && phase !== PHASE_PRODUCTION_BUILD
    ? {
        cacheHandler: require.resolve('./scripts/cache/redis-pages.cjs'),
        cacheHandlers: { default: require.resolve('./scripts/cache/redis-use-cache.cjs'), remote: require.resolve('./scripts/cache/redis-use-cache.cjs') },
        // No per-instance copy in front of Redis, or an invalidation would miss the others.
        cacheMaxMemorySize: 0,
      }
    : {};

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  reactStrictMode: true,
  // Pages are cached with 'use cache', cacheTag and cacheLife, invalidated by data tags
  // (lib/cache/tags.ts). Partial prefetching stays off: a page's first request renders it
  // whole, so the cached copy is complete HTML, not a shell waiting for a stream.
  cacheComponents: true,
  partialPrefetching: false,
  ...redisCache(phase),
  poweredByHeader: false,
  // scripts/content-security.mjs gives cached pages their ETag from the digest it takes anyway.
  generateEtags: false,
  // scripts/server.mjs compresses, after the Content-Security-Policy step has read the page.
  compress: false,
  // proxy.ts gets the request's URL as the server received it: Next otherwise renames a
  // 127.x host to localhost there, and a rewrite to that URL then looks like another
  // origin and is proxied (failing) whenever HOST is a loopback address other than localhost.
  skipProxyUrlNormalize: true,
  // PGlite (WASM + data files), Prisma's runtime and pg must load from node_modules at
  // run time, not be bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@prisma/client', '@prisma/adapter-pg', 'pg'],
  // Content files and migrations are read from disk at run time (search index, audio, migrator).
  outputFileTracingIncludes: { '/**': ['./content/**/*', './prisma/migrations/**/*'] },
  images: { dangerouslyAllowSVG: false },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
});

export default nextConfig;
