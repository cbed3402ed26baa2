// Authors the next migration from the change to prisma/schema.prisma:
//   npm run db:migration:new -- add_comments
// It diffs the schema snapshot stored with the latest migration against the current
// schema (schema-to-schema: `migrate dev` needs a shadow database, which PGlite lacks),
// writes prisma/migrations/<timestamp>_<name>/migration.sql plus a new snapshot, and
// regenerates the client. Review the SQL before committing; hand edits are fine
// (e.g. generated columns Prisma cannot express) as long as the snapshot stays as written.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';

const name = z
  .string({ message: 'Give the migration a name: npm run db:migration:new -- add_comments' })
  .regex(/^[a-z0-9_]{1,60}$/, 'Use lowercase letters, digits and underscores only')
  .safeParse(process.argv[2]);
if (!name.success) {
  console.error(name.error.issues[0].message);
  process.exit(2);
}

const migrationsDir = path.resolve('prisma/migrations');
const schemaPath = path.resolve('prisma/schema.prisma');
const previous = fs.existsSync(migrationsDir)
  ? fs
      .readdirSync(migrationsDir)
      .filter((d) => fs.existsSync(path.join(migrationsDir, d, 'schema.prisma')))
      .sort()
      .at(-1)
  : undefined;

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const from = previous ? ['--from-schema-datamodel', path.join(migrationsDir, previous, 'schema.prisma')] : ['--from-empty'];
const sql = execFileSync(process.execPath, [cli, 'migrate', 'diff', ...from, '--to-schema-datamodel', schemaPath, '--script'], {
  encoding: 'utf8',
  env: { ...process.env, DATABASE_URL: 'postgresql://embedded-pglite.invalid/', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});

if (!/^\s*(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)/im.test(sql)) {
  console.log(`No schema changes since ${previous ?? 'the start'}: nothing to write.`);
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name.data}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
fs.copyFileSync(schemaPath, path.join(dir, 'schema.prisma'));
execFileSync(process.execPath, [cli, 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: 'postgresql://embedded-pglite.invalid/', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql: review it, then it applies on the next start.`);
