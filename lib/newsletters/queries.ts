// Reads for the staff pages: the list, one newsletter, and its sending progress (counted
// from its outbox copies by the (newsletterId, status) index, one statement).
import 'server-only';
import { getDb, type PrismaClient } from '@/lib/db';
import type { NewsletterStatus } from '@/lib/db/generated/enums';
import { findItem, type NewsletterItem } from './items';

export type { NewsletterStatus };

export interface NewsletterProgress {
  sent: number;
  failed: number;
  /** Still to deliver (retries included). */
  left: number;
  total: number;
}

export interface NewsletterSummary {
  id: string;
  subject: string;
  status: NewsletterStatus;
  scheduledFor: Date | null;
  queuedAt: Date | null;
  createdAt: Date;
  /** Undefined when the item has left content/ since the draft was made. */
  item: NewsletterItem | undefined;
}

const summarySelect = { id: true, subject: true, status: true, scheduledFor: true, queuedAt: true, createdAt: true, contentKind: true, contentSlug: true } as const;

type Row = { contentKind: string; contentSlug: string } & Omit<NewsletterSummary, 'item'>;
const withItem = ({ contentKind, contentSlug, ...row }: Row): NewsletterSummary => ({ ...row, item: findItem(contentKind, contentSlug) });

/** Newest first. */
export async function listNewsletters({ db = getDb(), limit = 100 }: { db?: PrismaClient; limit?: number } = {}): Promise<NewsletterSummary[]> {
  const rows = await db.newsletter.findMany({ select: summarySelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
  return rows.map(withItem);
}

export async function getNewsletter(id: string, { db = getDb() }: { db?: PrismaClient } = {}): Promise<NewsletterSummary | null> {
  if (id.length === 0 || id.length > 64) return null;
  const row = await db.newsletter.findUnique({ where: { id }, select: summarySelect });
  return row && withItem(row);
}

export async function newsletterProgress(id: string, { db = getDb() }: { db?: PrismaClient } = {}): Promise<NewsletterProgress> {
  const rows = await db.outboxEmail.groupBy({ by: ['status'], where: { newsletterId: id }, _count: { _all: true } });
  const count = (status: string) => rows.find((r) => r.status === status)?._count._all ?? 0;
  const progress = { sent: count('SENT'), failed: count('FAILED'), left: count('PENDING') };
  return { ...progress, total: progress.sent + progress.failed + progress.left };
}

/** How many people would get a newsletter sent now: everyone who opted in. */
export async function optedInCount({ db = getDb() }: { db?: PrismaClient } = {}): Promise<number> {
  return db.notificationSettings.count({ where: { newsletter: true } });
}
