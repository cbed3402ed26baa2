// Runs once when a server instance starts (instrumentation.ts): apply migrations, seed
// the demo or disable its accounts on a real site (lib/demo), and build the search index.
// Several instances starting at once on one PostgreSQL are safe: migrations take an
// advisory lock, seeding upserts.
import 'server-only';
import { startCoachDigestSchedule } from '@/lib/comments/digest-schedule';
import { prepareDemo } from '@/lib/demo/prepare-demo';
import { startEmailWorker } from '@/lib/email/send-email';
import { ensureSearchIndex } from '@/lib/search/search-content';
import { getConnection } from './index';
import { migrate } from './migrate';
import { describeTarget } from './target';

export async function prepareDatabase(log: (line: string) => void = console.log): Promise<void> {
  const connection = getConnection();
  const started = Date.now();
  const { applied } = await migrate(connection);
  log(`Database: ${describeTarget(connection.target)}; ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`);
  await prepareDemo(connection.prisma, log);
  await ensureSearchIndex(connection.prisma);
  // Delivers queued mail when SMTP_URL is set (a no-op otherwise: the outbox is the mailbox).
  startEmailWorker();
  startCoachDigestSchedule();
  log(`Database ready in ${Date.now() - started} ms`);
}
