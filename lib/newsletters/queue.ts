// Putting a newsletter's copies into the outbox, for 10,000 recipients in a few
// statements: one read of the recipients with their entitlement rows (decided by the one
// rule in lib/billing/entitlements.ts), one UPDATE that brings their unsubscribe hashes
// up to date, and one INSERT … SELECT that writes every copy, the member's or the
// non-member's rendering chosen per row and each recipient's token put into the links by
// replace(). Delivery is then the outbox workers' (lib/email/send-email.ts).
//
// Exactly once: the DRAFT/SCHEDULED → SENDING transition is a conditional UPDATE in the
// same transaction as the INSERT, so of two instances one queues and the other finds
// nothing to do, and a crash halfway rolls both back (the next run queues it whole).
// The unique (newsletterId, to) with ON CONFLICT DO NOTHING makes a repeat harmless too.
import 'server-only';
import { unsubscribeTokenPair } from '@/lib/comments/notifications';
import { decideEntitlementsFromRows, entitlementRowsSql, type EntitlementRows } from '@/lib/billing/entitlements';
import { getDb, type PrismaClient } from '@/lib/db';
import { Prisma } from '@/lib/db/generated/client';
import { NEWSLETTER_TEMPLATE, renderNewsletter, TOKEN_PLACEHOLDER } from './email';
import { findItem } from './items';

export type QueueOutcome = { status: 'queued'; recipients: number } | { status: 'not-due' | 'missing' };

interface Recipient {
  id: string;
  token: string;
  tokenHash: string;
  entitled: boolean;
}

/** Everyone who opted in, with whether they may read members-only content now. */
export async function newsletterRecipients(db: PrismaClient, now: Date): Promise<Recipient[]> {
  const rows = await db.$queryRaw<(EntitlementRows & { id: string })[]>(Prisma.sql`
    SELECT u."id", u."role"::text AS "role", ${entitlementRowsSql('u."id"')}
    FROM "User" u JOIN "NotificationSettings" n ON n."userId" = u."id"
    WHERE n."newsletter" = true`);
  return rows.map((row) => ({ id: row.id, ...unsubscribeTokenPair(row.id), entitled: decideEntitlementsFromRows({ ...row, now }).premium }));
}

/**
 * Queues the newsletter if it is a draft (send now) or a schedule that has come due;
 * otherwise (already queued, cancelled, not yet due) does nothing and says so.
 */
export async function queueNewsletter(
  id: string,
  { db = getDb(), now = new Date(), sentById }: { db?: PrismaClient; now?: Date; sentById?: string } = {},
): Promise<QueueOutcome> {
  const newsletter = await db.newsletter.findUnique({ where: { id }, select: { contentKind: true, contentSlug: true, subject: true } });
  const item = newsletter && findItem(newsletter.contentKind, newsletter.contentSlug);
  if (!newsletter || !item) return { status: 'missing' };
  const recipients = await newsletterRecipients(db, now);
  const member = renderNewsletter(item, newsletter.subject, 'member');
  const other = renderNewsletter(item, newsletter.subject, 'non-member');
  const stamp = now.toISOString();

  return db.$transaction(
    async (tx) => {
      const claimed = await tx.$executeRaw`
        UPDATE "Newsletter" SET status = 'SENDING', "queuedAt" = ${stamp}::timestamp(3), "updatedAt" = ${stamp}::timestamp(3),
          "sentById" = COALESCE(${sentById ?? null}, "sentById")
        WHERE id = ${id} AND (status = 'DRAFT' OR (status = 'SCHEDULED' AND "scheduledFor" <= ${stamp}::timestamp(3)))`;
      if (claimed === 0) return { status: 'not-due' } as const;
      if (recipients.length === 0) return { status: 'queued', recipients: 0 } as const;
      await tx.$executeRaw`
        UPDATE "NotificationSettings" n SET "unsubscribeToken" = r.hash
        FROM unnest(${recipients.map((r) => r.id)}::text[], ${recipients.map((r) => r.tokenHash)}::text[]) AS r(id, hash)
        WHERE n."userId" = r.id AND n."unsubscribeToken" <> r.hash`;
      const inserted = await tx.$executeRaw`
        INSERT INTO "OutboxEmail" (id, "to", subject, text, html, template, "listUnsubscribeUrl", "newsletterId", "nextAttemptAt", "createdAt")
        SELECT gen_random_uuid()::text, u.email, ${newsletter.subject},
          replace(CASE WHEN r.entitled THEN ${member.text} ELSE ${other.text} END, ${TOKEN_PLACEHOLDER}, r.token),
          replace(CASE WHEN r.entitled THEN ${member.html} ELSE ${other.html} END, ${TOKEN_PLACEHOLDER}, r.token),
          ${NEWSLETTER_TEMPLATE}, replace(${member.listUnsubscribeUrl}, ${TOKEN_PLACEHOLDER}, r.token), ${id},
          ${stamp}::timestamp(3), ${stamp}::timestamp(3)
        FROM unnest(${recipients.map((r) => r.id)}::text[], ${recipients.map((r) => r.token)}::text[], ${recipients.map((r) => r.entitled)}::boolean[])
          AS r(id, token, entitled)
        JOIN "User" u ON u."id" = r.id
        ON CONFLICT ("newsletterId", "to") DO NOTHING`;
      return { status: 'queued', recipients: inserted } as const;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Queues every scheduled newsletter that has come due; run by the scheduler under its lock. */
export async function queueDueNewsletters({ db = getDb(), now = new Date() }: { db?: PrismaClient; now?: Date } = {}): Promise<number> {
  const due = await db.newsletter.findMany({ where: { status: 'SCHEDULED', scheduledFor: { lte: now } }, select: { id: true }, orderBy: { scheduledFor: 'asc' } });
  let queued = 0;
  for (const { id } of due) if ((await queueNewsletter(id, { db, now })).status === 'queued') queued++;
  await markFinishedNewsletters(db);
  return queued;
}

/** SENDING → SENT once none of its copies waits for delivery. */
export async function markFinishedNewsletters(db: PrismaClient = getDb()): Promise<number> {
  return db.$executeRaw`
    UPDATE "Newsletter" nl SET status = 'SENT', "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE nl.status = 'SENDING'
      AND NOT EXISTS (SELECT 1 FROM "OutboxEmail" o WHERE o."newsletterId" = nl.id AND o.status = 'PENDING')`;
}
