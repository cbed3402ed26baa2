// The fleet test (tests/fleet): the production layout started for real (nginx, two app
// instances, PostgreSQL, Redis) on the production build `npm test` has just made. Apart
// from the main Vitest run, which has no build and runs many files at once.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/fleet/**/*.test.ts'],
    exclude: [],
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
