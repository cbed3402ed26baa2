// Email about comments: a reply to your comment, a member question for the coaches (at
// once, or in a daily digest), and the settings and one-click unsubscribe behind them.
// Everything is queued in the outbox (lib/email/send-email.ts), never sent inline.
//
// Unsubscribe links carry a token; the database keeps only its SHA-256, like the auth
// tokens. Every email must carry a working link while only the hash is stored, so the
// token is not random but an HMAC of the user id under the server secret: the server can
// make it again for each email, a leaked table cannot. A row written under another
// secret (rotated AUTH_SECRET) gets the new hash the next time an email is made.
import 'server-only';
import crypto from 'node:crypto';
import { loadEntitlements } from '@/lib/billing/entitlements';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import type { CoachQuestionMail } from '@/lib/db/generated/enums';
import { handleOneClick } from '@/lib/email/one-click-unsubscribe';
import { queueEmail } from '@/lib/email/send-email';
import { coachDigest, coachQuestion, commentReply, type DigestQuestion, type EmailMessageContent, type NotificationLinks } from '@/lib/email/templates';
import { derivedKey, HMAC_TOKEN_PATTERN, hmacToken, sha256Hex } from '@/lib/auth/server-secret';
import { env } from '@/lib/env';
import { absoluteUrl } from '@/lib/site';
import { inboxHref } from './inbox-query';
import { commentPlainText } from './markdown';
import { findRedFlags } from '@/lib/triage/red-flags';
import { AWAITING_COACH } from './question-state';
import { resolveTarget, targetSchema, type CommentTarget } from './targets';

export const DIGEST_INTERVAL_MS = 24 * 3_600_000;
/** Questions listed in one digest at most; the rest are counted. */
export const DIGEST_MAX_QUESTIONS = 20;
const EXCERPT_LENGTH = 500;
const DIGEST_EXCERPT_LENGTH = 200;
const SETTINGS_PATH = '/account';

export interface NotificationSettingsValue {
  replies: boolean;
  coachQuestions: CoachQuestionMail;
}

/** What an absent row means. */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettingsValue = { replies: true, coachQuestions: 'IMMEDIATE' };

type DbOption = { db?: PrismaClient };

// ---------------------------------------------------------------------------------------
// Unsubscribe tokens

const rawToken = (userId: string) => hmacToken(derivedKey('notification-unsubscribe', env.AUTH_SECRET, 'unsubscribe links'), userId);
const hashToken = sha256Hex;
const TOKEN_PATTERN = HMAC_TOKEN_PATTERN;

/** A user's token and the hash their settings row must hold, without the database: for bulk mail (lib/newsletters). */
export function unsubscribeTokenPair(userId: string): { token: string; tokenHash: string } {
  const token = rawToken(userId);
  return { token, tokenHash: hashToken(token) };
}

/**
 * A token hash nobody holds, for a settings row created before any email needs its link:
 * unsubscribeToken() puts the real hash in when the first one is made.
 */
export function placeholderTokenHash(): string {
  return hashToken(crypto.randomBytes(32).toString('base64url'));
}

/** Creates the row with the defaults if there is none; concurrent callers are fine. */
async function ensureSettingsRow(db: Pick<PrismaClient, 'notificationSettings'>, userId: string, tokenHash: string): Promise<void> {
  await db.notificationSettings.createMany({ data: [{ userId, unsubscribeToken: tokenHash }], skipDuplicates: true });
}

/**
 * The token for the user's unsubscribe links (raw: it goes in the URL). Creates their
 * settings row, with the defaults, if they have none.
 */
export async function unsubscribeToken(userId: string, options: { db?: Pick<PrismaClient, 'notificationSettings'> } = {}): Promise<string> {
  const db = options.db ?? getDb();
  const token = rawToken(userId);
  const tokenHash = hashToken(token);
  await ensureSettingsRow(db, userId, tokenHash);
  const row = await db.notificationSettings.findUniqueOrThrow({ where: { userId }, select: { unsubscribeToken: true } });
  if (row.unsubscribeToken !== tokenHash) {
    // Made under another secret (or by an older scheme): from now on, this token.
    await db.notificationSettings.update({ where: { userId }, data: { unsubscribeToken: tokenHash } });
  }
  return token;
}

export function unsubscribeUrl(token: string): string {
  return absoluteUrl(`/notifications/unsubscribe?token=${encodeURIComponent(token)}`);
}

/** For mail apps' own Unsubscribe button (POST, no page): app/api/notifications/unsubscribe. */
export function oneClickUnsubscribeUrl(token: string): string {
  return absoluteUrl(`/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`);
}

/** The unsubscribe and settings links an email to `userId` carries. */
export async function notificationLinks(db: PrismaClient, userId: string): Promise<NotificationLinks> {
  const token = await unsubscribeToken(userId, { db });
  return { unsubscribeUrl: unsubscribeUrl(token), oneClickUnsubscribeUrl: oneClickUnsubscribeUrl(token), settingsUrl: absoluteUrl(SETTINGS_PATH) };
}

/**
 * POST from a mail app's Unsubscribe button (RFC 8058: body "List-Unsubscribe=One-Click").
 * Only POST changes anything, so a scanner fetching the URL cannot unsubscribe anyone.
 */
export async function handleOneClickUnsubscribe(request: Request, options: DbOption = {}): Promise<Response> {
  return handleOneClick(request, (token) => unsubscribeAll(token, options), 'Unsubscribed from comment emails.', options);
}

/**
 * Turns off every comment email for the token's owner (replies off, coach questions
 * OFF). Using a token again is fine; false for a token that matches nobody.
 */
export async function unsubscribeAll(token: string, options: DbOption = {}): Promise<boolean> {
  if (!TOKEN_PATTERN.test(token)) return false;
  const db = options.db ?? getDb();
  const { count } = await db.notificationSettings.updateMany({
    where: { unsubscribeToken: hashToken(token) },
    data: { replies: false, coachQuestions: 'OFF' },
  });
  return count === 1;
}

// ---------------------------------------------------------------------------------------
// Settings

export async function getNotificationSettings(userId: string, options: DbOption = {}): Promise<NotificationSettingsValue> {
  const db = options.db ?? getDb();
  const row = await db.notificationSettings.findUnique({ where: { userId }, select: { replies: true, coachQuestions: true } });
  return row ?? { ...DEFAULT_NOTIFICATION_SETTINGS };
}

export async function updateNotificationSettings(userId: string, settings: NotificationSettingsValue, options: DbOption = {}): Promise<NotificationSettingsValue> {
  const db = options.db ?? getDb();
  await ensureSettingsRow(db, userId, placeholderTokenHash());
  return db.notificationSettings.update({
    where: { userId },
    data: { replies: settings.replies, coachQuestions: settings.coachQuestions },
    select: { replies: true, coachQuestions: true },
  });
}

// ---------------------------------------------------------------------------------------
// A new comment

function targetOf(comment: { targetKind: string; targetSlug: string }): CommentTarget | null {
  const ref = targetSchema.safeParse({ kind: comment.targetKind, slug: comment.targetSlug });
  return ref.success ? resolveTarget(ref.data) : null;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Queues the emails a newly posted comment calls for: to the author of the comment it
 * replies to (when that is someone else who wants replies and can still read the
 * thread), and, for a member's question or follow-up, to every coach and admin who
 * wants each question at once. One email per person per comment. Deleted or hidden
 * comments, and comments whose page no longer exists, send nothing. Call it once per
 * comment, after posting. Returns the addresses emailed.
 */
export async function notifyAboutNewComment(commentId: string, options: DbOption = {}): Promise<{ emailed: string[] }> {
  const db = options.db ?? getDb();
  const emailed: string[] = [];
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true, targetKind: true, targetSlug: true, authorId: true, body: true, status: true, byStaff: true, awaitingCoach: true, answeredAt: true, parentId: true, redFlag: true,
      author: { select: { name: true } },
      parent: {
        select: {
          status: true,
          author: { select: { id: true, email: true, role: true, notificationSettings: { select: { replies: true } } } },
        },
      },
    },
  });
  if (!comment || comment.status !== 'PUBLISHED') return { emailed };
  const target = targetOf(comment);
  if (!target) return { emailed };
  const url = absoluteUrl(`${target.url}#comment-${comment.id}`);
  const excerpt = commentPlainText(comment.body, EXCERPT_LENGTH);
  const notified = new Set<string>();

  const send = async (userId: string, email: string, make: (links: NotificationLinks) => EmailMessageContent) => {
    notified.add(userId);
    try {
      await queueEmail({ to: email, ...make(await notificationLinks(db, userId)) }, db);
      emailed.push(email);
    } catch (error) {
      // One bad address must not keep the others from their email.
      console.error(`[notifications] could not queue an email about comment ${comment.id} for user ${userId}: ${describe(error)}`);
    }
  };

  // (1) A reply: its parent's author hears about it.
  const recipient = comment.parent?.status === 'PUBLISHED' ? comment.parent.author : null;
  if (recipient && recipient.id !== comment.authorId && (recipient.notificationSettings?.replies ?? DEFAULT_NOTIFICATION_SETTINGS.replies)) {
    // A members-only thread is not emailed to someone whose membership has ended.
    const canRead = !target.membersOnly || (await loadEntitlements(recipient.id, { db })).premium;
    if (canRead) {
      await send(recipient.id, recipient.email, (links) =>
        commentReply({ replierName: comment.author?.name ?? null, byStaff: comment.byStaff, targetTitle: target.title, excerpt, url, links }),
      );
    }
  }

  // (2) A member's question or follow-up: coaches who want each one at once; with a red
  // flag, every coach, whatever their setting.
  if (comment.awaitingCoach && comment.answeredAt === null && !comment.byStaff) {
    const redFlags = comment.redFlag ? findRedFlags(comment.body).map((flag) => flag.label) : undefined;
    const coaches = await db.user.findMany({
      where: {
        role: { in: ['COACH', 'ADMIN'] },
        ...(comment.authorId ? { id: { not: comment.authorId } } : {}),
        ...(!redFlags && { OR: [{ notificationSettings: { is: null } }, { notificationSettings: { is: { coachQuestions: 'IMMEDIATE' } } }] }),
      },
      orderBy: { createdAt: 'asc' },
      select: { id: true, email: true },
    });
    const inboxUrl = absoluteUrl(`${inboxHref({ question: comment.id })}#comment-${comment.id}`);
    for (const coach of coaches) {
      if (notified.has(coach.id)) continue; // already told, by the reply email
      await send(coach.id, coach.email, (links) =>
        coachQuestion({ askerName: comment.author?.name ?? null, followUp: comment.parentId !== null, targetTitle: target.title, excerpt, url: inboxUrl, links, redFlags }),
      );
    }
  }
  return { emailed };
}

// ---------------------------------------------------------------------------------------
// The daily digest

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

interface ClaimedCoach {
  userId: string;
  email: string;
  /** lastDigestAt before the claim, in ms since the epoch, or null. */
  previousMs: number | null;
}

/**
 * Takes the coaches whose digest is due by setting their lastDigestAt to now, in one
 * statement: a row another run holds is skipped, and one it has already moved is no
 * longer due, so each digest goes to one run. Timestamps go in and out as UTC
 * wall-clock values, as Prisma stores them in the `timestamp(3)` columns.
 */
async function claimDueCoaches(db: PrismaClient, now: Date): Promise<ClaimedCoach[]> {
  const cutoff = new Date(now.getTime() - DIGEST_INTERVAL_MS);
  return db.$queryRaw<ClaimedCoach[]>`
    WITH due AS (
      SELECT s."userId", s."lastDigestAt" AS previous
      FROM "NotificationSettings" s
      JOIN "User" u ON u.id = s."userId"
      WHERE s."coachQuestions" = 'DAILY_DIGEST'
        AND u.role IN ('COACH', 'ADMIN')
        AND (s."lastDigestAt" IS NULL OR s."lastDigestAt" <= ${cutoff.toISOString()}::timestamp(3))
      FOR UPDATE OF s SKIP LOCKED
    )
    UPDATE "NotificationSettings" s
    SET "lastDigestAt" = ${now.toISOString()}::timestamp(3)
    FROM due, "User" u
    WHERE s."userId" = due."userId" AND u.id = s."userId"
    RETURNING s."userId" AS "userId", u.email AS email,
      (EXTRACT(EPOCH FROM due.previous) * 1000)::float8 AS "previousMs"`;
}

/**
 * Sends each coach or admin who chose DAILY_DIGEST, and whose last digest is at least
 * 24 hours old, one email listing the member questions still waiting for a coach that
 * came in since (the last 24 hours for a first digest), oldest first. Their
 * lastDigestAt moves to now even when nothing waits, so the next one is a day later.
 * Safe to run from several instances at once. Returns the number of emails queued.
 */
export async function sendCoachDigests(options: DbOption & { now?: Date } = {}): Promise<number> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const claimed = await claimDueCoaches(db, now);
  let queued = 0;
  for (const coach of claimed) {
    const since = new Date(coach.previousMs ?? now.getTime() - DIGEST_INTERVAL_MS);
    try {
      if (await sendDigest(db, coach, since, now)) queued++;
    } catch (error) {
      console.error(`[notifications] digest for user ${coach.userId} failed, will retry: ${describe(error)}`);
      // Give the claim back, so the next run tries again (unless a newer claim exists).
      await db.notificationSettings
        .updateMany({ where: { userId: coach.userId, lastDigestAt: now }, data: { lastDigestAt: coach.previousMs === null ? null : since } })
        .catch((undo) => console.error(`[notifications] could not release the digest claim for user ${coach.userId}: ${describe(undo)}`));
    }
  }
  return queued;
}

async function sendDigest(db: PrismaClient, coach: ClaimedCoach, since: Date, now: Date): Promise<boolean> {
  const where = { ...AWAITING_COACH, createdAt: { gt: since, lte: now } };
  const rows = await db.comment.findMany({
    where,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    // Questions on pages that no longer exist are left out, so read a few extra.
    take: DIGEST_MAX_QUESTIONS * 2,
    select: { id: true, body: true, createdAt: true, targetKind: true, targetSlug: true, author: { select: { name: true } } },
  });
  const questions: DigestQuestion[] = [];
  let gone = 0;
  for (const row of rows) {
    if (questions.length === DIGEST_MAX_QUESTIONS) break;
    const target = targetOf(row);
    if (!target) {
      gone++;
      continue;
    }
    questions.push({
      askerName: row.author?.name ?? null,
      targetTitle: target.title,
      age: formatAge(now.getTime() - row.createdAt.getTime()),
      excerpt: commentPlainText(row.body, DIGEST_EXCERPT_LENGTH),
    });
  }
  if (questions.length === 0) return false;
  const waiting = rows.length < DIGEST_MAX_QUESTIONS * 2 ? rows.length : await db.comment.count({ where });
  const more = Math.max(0, waiting - questions.length - gone);
  const content = coachDigest({ questions, more, url: absoluteUrl(inboxHref({})), links: await notificationLinks(db, coach.userId) });
  await queueEmail({ to: coach.email, ...content }, db);
  return true;
}
