// Drafts appear by themselves: a job (lib/jobs/site-jobs.ts) looks for published items
// without a Newsletter row and makes one. Not for the back catalogue: the first run
// records a watermark, and only items dated from NEWSLETTER_LOOKBACK_DAYS before it get
// a draft (a few days, so a date-only `published` or a slightly late deploy still counts;
// anything a later deploy adds with a date after that does too).
import 'server-only';
import { getDb, type PrismaClient } from '@/lib/db';
import { env } from '@/lib/env';
import { publishedItems } from './items';

export const WATERMARK_KEY = 'newsletters:since';
const DAY_MS = 86_400_000;

/** When the feature first ran (recorded now if this is the first run). */
export async function newsletterWatermark(db: PrismaClient, now: Date): Promise<Date> {
  await db.$executeRaw`
    INSERT INTO "SystemState" (key, value, "updatedAt") VALUES (${WATERMARK_KEY}, ${now.toISOString()}, ${now.toISOString()}::timestamp(3))
    ON CONFLICT (key) DO NOTHING`;
  const row = await db.systemState.findUniqueOrThrow({ where: { key: WATERMARK_KEY }, select: { value: true } });
  const since = new Date(row.value);
  return Number.isNaN(since.getTime()) ? now : since;
}

/** Makes the missing drafts; returns how many were made. Concurrent runs are fine (unique per item). */
export async function createNewsletterDrafts({
  db = getDb(),
  now = new Date(),
  lookbackDays = env.NEWSLETTER_LOOKBACK_DAYS,
}: { db?: PrismaClient; now?: Date; lookbackDays?: number } = {}): Promise<number> {
  const since = (await newsletterWatermark(db, now)).getTime() - lookbackDays * DAY_MS;
  const fresh = publishedItems(now).filter((item) => item.published.getTime() >= since);
  if (fresh.length === 0) return 0;
  const { count } = await db.newsletter.createMany({
    data: fresh.map((item) => ({ contentKind: item.kind, contentSlug: item.slug, subject: item.title })),
    skipDuplicates: true,
  });
  return count;
}
