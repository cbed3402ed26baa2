// Shared by `npm start`, `npm test` and `npm run bench`: make sure the generated Prisma
// client matches the schema and the production build matches the sources.
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { resolveDatabaseTarget } from '../../lib/db/target';
import { parseEnv } from '../../lib/env';

const require = createRequire(import.meta.url);
const root = process.cwd();

function hashFiles(entries: string[], extra = ''): string {
  const hash = crypto.createHash('sha256').update(extra);
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      if (p.endsWith(path.join('lib', 'db', 'generated'))) return;
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    } else {
      hash.update(path.relative(root, p)).update(fs.readFileSync(p));
    }
  };
  for (const entry of entries) visit(path.join(root, entry));
  return hash.digest('hex');
}

export function run(command: string, args: string[], env: Record<string, string | undefined> = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n${path.basename(command)} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

export function ensurePrismaClient(): void {
  const generated = path.join(root, 'lib/db/generated');
  const stampFile = path.join(generated, '.schema-hash');
  const hash = hashFiles(['prisma/schema.prisma', 'node_modules/prisma/package.json']);
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash) return;
  console.log('Generating the Prisma client…');
  run(process.execPath, [require.resolve('prisma/build/index.js'), 'generate'], {
    DATABASE_URL: 'postgresql://embedded-pglite.invalid/',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  });
  fs.writeFileSync(stampFile, hash);
}

const BUILD_INPUTS = [
  'app', 'components', 'lib', 'content', 'public', 'prisma/schema.prisma', 'mdx-components.tsx', 'instrumentation.ts',
  'next.config.js', 'proxy.ts', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json',
];

/**
 * Runs `next build` unless .next already holds a build of exactly these sources and this
 * SITE_URL (baked into prerendered pages; unset, it follows PORT, as in lib/env.ts).
 */
export function ensureProductionBuild(given: Record<string, string | undefined> = {}): void {
  ensurePrismaClient();
  const env = { ...given, SITE_URL: parseEnv({ ...process.env, ...given }).SITE_URL };
  const stampFile = path.join(root, '.next', 'source-hash');
  const hash = hashFiles(BUILD_INPUTS, `SITE_URL=${env.SITE_URL}`);
  if (fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash) {
    console.log('Production build is up to date.');
    return;
  }
  console.log('Building the site (first run, or the sources changed)…');
  run(process.execPath, [nextBin(), 'build'], { ...env, NODE_ENV: 'production' });
  fs.writeFileSync(stampFile, hash);
}

export function nextBin(): string {
  return require.resolve('next/dist/bin/next');
}

/**
 * Node arguments that run the app server (scripts/server.mjs: Next's handler plus
 * fix-ups). A smaller young generation (8 MB semi-spaces instead of 16) keeps the
 * server's RSS about 45 MB lower under load, at no measurable cost in throughput
 * (npm run bench). The old generation is capped at 192 MB: without a cap V8 sized it to
 * the machine and let it grow, and under the fault run's mixed load an instance went
 * from 250 MB to 840 MB RSS in four minutes with nothing leaking (with the cap: 275-290 MB,
 * and more requests served, npm run fleet:chaos). A site with far more content may need more.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=192'] as const;

export function serverCommand(dev: boolean): string[] {
  return [...SERVER_NODE_FLAGS, path.join(root, 'scripts', 'server.mjs'), ...(dev ? ['--dev'] : [])];
}

/** Creates the embedded database directory in a separate process if it does not exist yet. */
export function ensureEmbeddedDatabase(databaseUrl: string | undefined): void {
  const target = resolveDatabaseTarget(databaseUrl);
  if (target.kind !== 'pglite' || !target.dataDir || fs.existsSync(path.join(target.dataDir, 'PG_VERSION'))) return;
  run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'init-database.ts')], { DATABASE_URL: databaseUrl ?? '' });
}

/**
 * AUTH_SECRET signs session cookies. When it is not configured, `npm start` keeps a
 * generated one in .data/auth-secret (git-ignored) so sessions survive restarts.
 */
export function ensureAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(root, '.data', 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}
