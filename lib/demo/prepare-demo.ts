// The demo's part of a server start (instrumentation.ts, after lib/db/prepare.ts migrated):
// in the demo (loopback SITE_URL only), seed the demo data when asked; on a real site, make
// sure no demo account a past demo left behind works.
import 'server-only';
import { seedDemoBilling } from '@/lib/billing/seed';
import { seedDemoComments } from '@/lib/comments/seed';
import type { PrismaClient } from '@/lib/db/generated/client';
import { env } from '@/lib/env';
import { seedDemoProgramme } from '@/lib/programme/seed';
import { seedDashboardStory } from './dashboard-story';
import { disableDemoAccounts, seedDemoAccounts } from './demo-accounts';
import { demoMode } from './mode';

export async function prepareDemo(db: PrismaClient, log: (line: string) => void): Promise<void> {
  if (!demoMode) {
    const disabled = await disableDemoAccounts(db);
    if (disabled > 0) log(`Demo accounts: ${disabled} found in this database (from an earlier demo) and disabled: SITE_URL is not a loopback address`);
    return;
  }
  if (!env.SEED_DEMO_DATA) return;
  const { users } = await seedDemoAccounts(db);
  log(`Demo data: ${users} demo accounts ready`);
  await seedDemoProgramme(db);
  await seedDemoComments(db);
  // Stripe (the emulator) being down must not stop the site from starting.
  await seedDemoBilling(db).then(
    (result) => result === 'seeded' && log('Demo data: the demo member has an active subscription'),
    (error) => log(`Demo billing not seeded: ${error instanceof Error ? error.message : String(error)}`),
  );
  // After billing: the story's subscriptions use the plans' price ids when Stripe answers.
  if ((await seedDashboardStory(db)) === 'seeded') log('Demo data: a year of members for the staff dashboard');
}
