// npm run screenshots: the README's screenshots (docs/screenshots/), taken from the demo
// started as the e2e suite starts it (scripts/e2e-server.ts) on a port of its own. Its
// own config and folder, so `npm test` never runs it. SITE_URL follows the port, so the
// first run after the e2e suite rebuilds the site (and the next e2e run rebuilds again).
import { defineConfig } from '@playwright/test';
import { launchOptions } from './playwright.config';

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 3150);

export default defineConfig({
  testDir: 'scripts/screenshots',
  testMatch: /\.shots\.ts$/,
  outputDir: 'test-results/readme-screenshots',
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
  use: { baseURL: `http://localhost:${PORT}`, launchOptions },
  webServer: {
    command: 'npx tsx scripts/e2e-server.ts',
    url: `http://localhost:${PORT}/robots.txt`,
    reuseExistingServer: false,
    timeout: 900_000,
    stdout: 'pipe',
    env: { E2E_PORT: String(PORT) },
  },
});
