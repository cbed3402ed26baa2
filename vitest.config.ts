import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // lib/ modules are server-only; tests are the server.
      'server-only': path.resolve(import.meta.dirname, 'tests/helpers/server-only-stub.ts'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // *.postgres.test.ts need a PostgreSQL server (several connections); they run in
    // the pass npm test makes with TEST_DATABASE_URL set.
    // tests/fleet starts nginx and app servers on a production build: `npm test` runs it
    // after the build (vitest.fleet.config.ts).
    exclude: ['tests/fleet/**', ...(process.env.TEST_DATABASE_URL ? [] : ['tests/**/*.postgres.test.ts'])],
    environment: 'node',
    // Integration tests drive auth.ts's Auth.js handlers; next-auth imports 'next/server'
    // without an extension, which only Vite's resolver (not Node's ESM loader) finds.
    server: { deps: { inline: ['next-auth'] } },
    // Each integration test file opens its own database; keep two files at a time on 2 cores.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
