// npm test: everything CI checks, in order, stopping at the first failing stage.
//   1 type check   2 lint   3 Vitest on embedded PGlite
//   4 Vitest integration tests again on PostgreSQL (when TEST_DATABASE_URL is set)
//   5 production build   6 Playwright end-to-end tests in Chromium   7 the same, for the
//   specs that start several app instances (e2e/cluster)   8 the production layout:
//   nginx in front of two instances (tests/fleet)
// Ends with one line of totals across all test runners.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureChromium, NO_CHROMIUM_MESSAGE } from './lib/chromium';
import { ensurePrismaClient, ensureProductionBuild } from './lib/prepare-build';

const require = createRequire(import.meta.url);
const resultsDir = path.resolve('test-results', 'summary');
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };

function stage(name: string, command: string, args: string[], env: Record<string, string | undefined> = {}): void {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`━━ ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${Math.round((Date.now() - started) / 1000)} s)`);
  if (result.status !== 0) finish(result.status ?? 1);
}

function bin(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

function countVitest(file: string) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests;
}

function countPlaywright(file: string) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
}

function finish(code: number): never {
  for (const f of fs.readdirSync(resultsDir)) {
    const file = path.join(resultsDir, f);
    if (f.startsWith('vitest')) countVitest(file);
    if (f.startsWith('playwright')) countPlaywright(file);
  }
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(code);
}

ensurePrismaClient();
stage('Type check', process.execPath, [bin('typescript', 'bin/tsc'), '--noEmit']);
stage('Lint', process.execPath, [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings=0']);

const vitest = bin('vitest', 'vitest.mjs');
const serverUrl = process.env.TEST_DATABASE_URL;
stage('Unit and integration tests (embedded PGlite)', process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsDir}/vitest-pglite.json`], { TEST_DATABASE_URL: '' });
if (serverUrl) {
  stage('Integration tests (PostgreSQL server)', process.execPath, [vitest, 'run', 'tests/integration', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsDir}/vitest-postgres.json`], { TEST_DATABASE_URL: serverUrl });
} else {
  console.log('\n(TEST_DATABASE_URL is not set: the integration tests ran on PGlite only. CI runs them on PostgreSQL too.)');
}

if (!ensureChromium()) {
  console.error(`\n${NO_CHROMIUM_MESSAGE}`);
  finish(1);
}
console.log('\n━━ Production build ━━');
ensureProductionBuild();
stage('End-to-end tests (Chromium)', process.execPath, [bin('@playwright/test', 'cli.js'), 'test', '--project=desktop', '--project=security', '--project=phone', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${resultsDir}/playwright.json`,
});
// Apart and one at a time, on a machine otherwise at rest: they start app instances of
// their own and check that a change reaches the other instance within a second.
stage('End-to-end tests, several instances (Chromium)', process.execPath, [bin('@playwright/test', 'cli.js'), 'test', '--project=cluster', '--workers=1', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${resultsDir}/playwright-cluster.json`,
});
// The production layout (nginx, two instances, PostgreSQL, Redis) on the same build.
stage('Fleet test: nginx in front of two instances', process.execPath, [vitest, 'run', '--config', 'vitest.fleet.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsDir}/vitest-fleet.json`]);
finish(0);
