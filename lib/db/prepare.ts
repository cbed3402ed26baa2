// Runs first when a server instance starts (instrumentation.ts): apply migrations. The demo
// (lib/demo) and the search index are prepared after it, by their own modules.
// Several instances starting at once on one PostgreSQL are safe: migrations take an
// advisory lock.
import 'server-only';
import type { PrismaClient } from './generated/client';
import { getConnection } from './index';
import { migrate } from './migrate';
import { describeTarget } from './target';

export async function prepareDatabase(log: (line: string) => void = console.log): Promise<PrismaClient> {
  const connection = getConnection();
  const started = Date.now();
  const { applied } = await migrate(connection);
  log(`Database: ${describeTarget(connection.target)}; ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'} (${Date.now() - started} ms)`);
  return connection.prisma;
}
