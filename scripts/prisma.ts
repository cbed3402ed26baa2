// Runs the Prisma CLI against the database DATABASE_URL selects (embedded PGlite by default).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { env } from '../lib/env';
import { cliDatabaseUrl, resolveDatabaseTarget } from '../lib/db/target';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: cliDatabaseUrl(resolveDatabaseTarget(env.DATABASE_URL)), PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
process.exit(result.status ?? 1);
