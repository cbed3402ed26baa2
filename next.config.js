// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
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
};

export default nextConfig;
