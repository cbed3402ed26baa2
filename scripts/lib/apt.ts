// Installing a Debian package a script needs (Chromium for the browser tests, nginx for
// the fleet) when this process may: root with apt-get, as on CI and these development
// machines. Elsewhere the caller says what to install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Installs `pkg` with apt-get; false when this process cannot or the install failed. */
export function aptInstall(pkg: string, why: string): boolean {
  const apt = fs.existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
  if (!apt) return false;
  console.log(`Installing Debian’s ${pkg} package ${why}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', pkg]]) {
    if (spawnSync('apt-get', args, { stdio: 'inherit', env }).status !== 0) return false;
  }
  return true;
}
