// End-to-end tests in real Chromium against the production build, started on its own
// port with a fresh in-memory database (see scripts/e2e-server.ts).
import { defineConfig, devices } from '@playwright/test';
import { findChromium, NO_CHROMIUM_MESSAGE } from './scripts/lib/chromium';

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The production-mode server of the security specs (scripts/e2e-production-server.ts). */
const PRODUCTION_PORT = Number(process.env.E2E_PRODUCTION_PORT ?? PORT + 2);
const PRODUCTION_URL = `http://127.0.0.2:${PRODUCTION_PORT}`;

/** Playwright's own Chromium if installed (undefined: its default), else the system's. */
function chromiumExecutable(): string | undefined {
  const found = findChromium();
  if (!found) throw new Error(NO_CHROMIUM_MESSAGE);
  return found === 'playwright' ? undefined : found;
}

/** Chromium as every run here starts it (playwright.screenshots.config.ts too). */
export const launchOptions = {
  executablePath: chromiumExecutable(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
};

export default defineConfig({
  testDir: 'e2e',
  // A subfolder: Playwright empties its outputDir, and npm test keeps summaries beside it.
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // CI runs two Chromium workers, two app servers and their databases on 2 cores: steps
  // that take a second on a quiet machine took over 30 s there. More time, not retries.
  timeout: process.env.CI ? 90_000 : 30_000,
  expect: { timeout: process.env.CI ? 20_000 : 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: /(security|cluster)\// },
    // Attack probes against a production-mode server (non-loopback SITE_URL, no demo behaviour).
    { name: 'security', use: { ...devices['Desktop Chrome'], channel: undefined, baseURL: PRODUCTION_URL }, testMatch: /security\/.*\.spec\.ts/ },
    // Two instances of its own on one PostgreSQL and one Redis (e2e/cluster/cluster.ts).
    { name: 'cluster', use: { ...devices['Desktop Chrome'], channel: undefined }, testMatch: /cluster\/.*\.spec\.ts/ },
    // Reading on a phone. Axe on a phone is e2e/visual.spec.ts's: every page type, per role, at 390 px.
    { name: 'phone', use: { ...devices['Pixel 7'], channel: undefined }, testMatch: /reading/ },
  ],
  // In order: the first builds the site if needed, the second reuses that build.
  webServer: [
    {
      command: `npx tsx scripts/e2e-server.ts`,
      url: `http://localhost:${PORT}/robots.txt`,
      reuseExistingServer: false,
      timeout: 600_000,
      stdout: 'pipe',
      env: { E2E_PORT: String(PORT) },
    },
    {
      command: `npx tsx scripts/e2e-production-server.ts`,
      url: `${PRODUCTION_URL}/robots.txt`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      env: { E2E_PRODUCTION_PORT: String(PRODUCTION_PORT) },
    },
  ],
});
