// The Chromium the end-to-end tests drive: Playwright's own build if installed, else a
// system one. `npm test` installs Debian's package when neither is there and it can
// (root with apt-get, as on CI and these development machines), so a fresh clone needs
// nothing by hand; elsewhere it says what to install.
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { aptInstall } from './apt';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found for the end-to-end tests. Install one of:\n' +
  '  npx playwright install chromium        (Playwright’s own build)\n' +
  '  sudo apt-get install -y chromium       (Debian/Ubuntu system package)';

/** 'playwright' for Playwright's own build, a system browser's path, or null when there is none. */
export function findChromium(): 'playwright' | string | null {
  try {
    if (fs.existsSync(chromium.executablePath())) return 'playwright';
  } catch {
    // not installed: look for a system browser
  }
  return SYSTEM_CHROMIUMS.find((p) => fs.existsSync(p)) ?? null;
}

/** Installs Debian's chromium when no browser is there and this process may; false when it cannot. */
export function ensureChromium(): boolean {
  if (findChromium()) return true;
  return aptInstall('chromium', 'for the end-to-end tests') && findChromium() !== null;
}
