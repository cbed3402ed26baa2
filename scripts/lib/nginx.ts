// The fleet's nginx: Debian's package, found where it installs (/usr/sbin, not always on a
// user's PATH) or on PATH, or installed the way `npm test` installs Chromium (scripts/lib/
// apt.ts). It runs in the foreground as our child with a prefix, configuration, cache and
// scratch folders of its own under a temporary folder: the system's nginx configuration and
// service are never read or touched (`-e stderr` even keeps it off the default error log).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { aptInstall } from './apt';
import { NGINX_GLOBAL_DIRECTIVES, NGINX_TEMPLATE, renderNginxConfig, type NginxSettings } from './fleet-plan';
import { startManagedProcess, type ManagedProcess } from './managed-process';

export const NO_NGINX_MESSAGE = 'No nginx found for the fleet. Install it: sudo apt-get install -y nginx (Debian/Ubuntu)';

export function findNginx(): string | null {
  const candidates = ['/usr/sbin/nginx', ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'nginx'))];
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

/** nginx's path, installing Debian's package when it is missing and this process may; null when it cannot. */
export function ensureNginx(): string | null {
  const found = findNginx();
  if (found) return found;
  return aptInstall('nginx', 'for the fleet') ? findNginx() : null;
}

export interface NginxFiles {
  /** The prefix: holds the rendered configuration, the cache and the scratch folders. */
  dir: string;
  config: string;
}

/**
 * Renders the template into `dir` for the given listen address and upstream servers. As
 * root, nginx's workers run as nobody: the folders must be theirs to enter.
 */
export function writeNginxConfig(dir: string, settings: Pick<NginxSettings, 'NGINX_LISTEN' | 'NGINX_UPSTREAM_SERVERS'>): NginxFiles {
  const template = fs.readFileSync(path.resolve(NGINX_TEMPLATE), 'utf8');
  for (const sub of ['cache', 'temp']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  fs.chmodSync(dir, 0o755);
  const config = path.join(dir, 'nginx.conf');
  fs.writeFileSync(config, renderNginxConfig(template, { ...settings, NGINX_CACHE_DIR: path.join(dir, 'cache'), NGINX_TEMP_DIR: path.join(dir, 'temp') }));
  return { dir, config };
}

/** The arguments that run nginx on these files: prefix, configuration, log to stderr, in the foreground. */
export function nginxArgs(files: NginxFiles): string[] {
  return ['-p', files.dir, '-c', files.config, '-e', 'stderr', '-g', NGINX_GLOBAL_DIRECTIVES];
}

/** `nginx -t` on the files: null when valid, else nginx's message. */
export function testNginxConfig(binary: string, files: NginxFiles): string | null {
  const result = spawnSync(binary, ['-t', ...nginxArgs(files)], { encoding: 'utf8' });
  return result.status === 0 ? null : `${result.stderr}${result.stdout}`.trim();
}

export function startNginx(binary: string, files: NginxFiles, options: { echo?: boolean } = {}): ManagedProcess {
  const problem = testNginxConfig(binary, files);
  if (problem) throw new Error(`nginx refused ${files.config}:\n${problem}`);
  return startManagedProcess('nginx', binary, nginxArgs(files), { env: { PATH: process.env.PATH, NODE_ENV: 'production' }, detached: true, echo: options.echo });
}
