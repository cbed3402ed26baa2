// `npm run db:migration:new` diffs against the schema snapshot kept with the latest
// migration. If that snapshot is not the schema the migrations produce (two branches
// each adding a migration, merged), the next migration would repeat or undo changes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const migrationsDir = path.resolve('prisma/migrations');

describe('migration snapshots', () => {
  it('the latest migration carries a snapshot equal to prisma/schema.prisma', () => {
    const withSnapshot = fs
      .readdirSync(migrationsDir)
      .filter((dir) => fs.existsSync(path.join(migrationsDir, dir, 'schema.prisma')))
      .sort();
    const latest = withSnapshot.at(-1);
    expect(latest, 'no migration has a schema snapshot').toBeDefined();
    const snapshot = fs.readFileSync(path.join(migrationsDir, latest!, 'schema.prisma'), 'utf8');
    expect(snapshot, `prisma/migrations/${latest}/schema.prisma differs from prisma/schema.prisma: copy the schema there if the migrations already produce it`).toBe(fs.readFileSync('prisma/schema.prisma', 'utf8'));
  });

  it('every migration directory is newer than the one before it and has its SQL', () => {
    const dirs = fs.readdirSync(migrationsDir).filter((d) => fs.statSync(path.join(migrationsDir, d)).isDirectory()).sort();
    for (const dir of dirs) {
      expect(dir).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(fs.existsSync(path.join(migrationsDir, dir, 'migration.sql')), `${dir} has no migration.sql`).toBe(true);
    }
  });
});
