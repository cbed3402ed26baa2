// Decides which PostgreSQL DATABASE_URL points at: embedded PGlite or a server.
import path from 'node:path';

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | undefined } // undefined: in memory
  | { kind: 'postgres'; url: string };

export const DEFAULT_PGLITE_DIR = path.join('.data', 'pglite');

export function resolveDatabaseTarget(databaseUrl: string | undefined, cwd = process.cwd()): DatabaseTarget {
  if (!databaseUrl) return { kind: 'pglite', dataDir: path.resolve(/*turbopackIgnore: true*/ cwd, DEFAULT_PGLITE_DIR) };
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return { kind: 'postgres', url: databaseUrl };
  const pglite = /^(?:pglite|file):(.*)$/i.exec(databaseUrl);
  if (pglite) {
    const location = pglite[1].replace(/^\/\//, '');
    if (location === 'memory' || location === '') return { kind: 'pglite', dataDir: undefined };
    return { kind: 'pglite', dataDir: path.resolve(/*turbopackIgnore: true*/ cwd, location) };
  }
  throw new Error(
    `DATABASE_URL must be empty (embedded database), "pglite:<directory>", "pglite:memory" or "postgres://…"; got "${databaseUrl.split(':')[0]}:…"`,
  );
}

/** A description safe to print: no password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return target.dataDir ? `embedded PGlite (${path.relative(process.cwd(), target.dataDir) || '.'})` : 'embedded PGlite (in memory)';
  const url = new URL(target.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/**
 * The Prisma CLI insists on a postgresql:// DATABASE_URL. For the embedded database we
 * hand it this marker host with the data directory as the path; prisma.config.ts
 * turns it back into a PGlite adapter.
 */
export const EMBEDDED_CLI_HOST = 'embedded-pglite.invalid';

export function cliDatabaseUrl(target: DatabaseTarget): string {
  if (target.kind === 'postgres') return target.url;
  return `postgresql://${EMBEDDED_CLI_HOST}/${encodeURIComponent(target.dataDir ?? '')}`;
}
