// Runs once when a server instance starts (instrumentation.ts): apply migrations,
// seed demo data when asked, and build the search index. Several instances starting
// at once on one PostgreSQL are safe: migrations take an advisory lock, seeding upserts.
import 'server-only';
import { seedDemoBilling } from '@/lib/billing/seed';
import { seedDemoProgramme } from '@/lib/programme/seed';
import { startCoachDigestSchedule } from '@/lib/comments/digest-schedule';
import { seedDemoComments } from '@/lib/comments/seed';
import { env } from '@/lib/env';
import { startEmailWorker } from '@/lib/email/send-email';
import { ensureSearchIndex } from '@/lib/search/search-content';
import { getConnection } from './index';
import { migrate } from './migrate';
import { seedDemoData } from './seed-demo';
import { describeTarget } from './target';

export async function prepareDatabase(log: (line: string) => void = console.log): Promise<void> {
  const connection = getConnection();
  const started = Date.now();
  const { applied } = await migrate(connection);
  log(`Database: ${describeTarget(connection.target)}; ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`);
  if (env.SEED_DEMO_DATA) {
    const { users } = await seedDemoData(connection.prisma);
    log(`Demo data: ${users} demo accounts ready`);
    await seedDemoProgramme(connection.prisma);
    await seedDemoComments(connection.prisma);
    // Stripe (the emulator) being down must not stop the site from starting.
    await seedDemoBilling(connection.prisma).then(
      (result) => result === 'seeded' && log('Demo data: the demo member has an active subscription'),
      (error) => log(`Demo billing not seeded: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  await ensureSearchIndex(connection.prisma);
  // Delivers queued mail when SMTP_URL is set (a no-op otherwise: the outbox is the mailbox).
  startEmailWorker();
  startCoachDigestSchedule();
  log(`Database ready in ${Date.now() - started} ms`);
}
