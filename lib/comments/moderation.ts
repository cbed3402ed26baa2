// Staff moderation and member reports. Callers check the staff role (lib/auth/guards).
import 'server-only';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { AWAITING_COACH } from './question-state';
import type { TargetRef } from './targets';

type Options = { db?: PrismaClient };

export async function setHidden(commentId: string, hidden: boolean, { db = getDb() }: Options = {}): Promise<boolean> {
  const { count } = await db.comment.updateMany({ where: { id: commentId, status: hidden ? 'PUBLISHED' : 'HIDDEN' }, data: { status: hidden ? 'HIDDEN' : 'PUBLISHED' } });
  // Hiding deals with a comment's reports.
  if (count && hidden) await db.commentReport.updateMany({ where: { commentId, resolvedAt: null }, data: { resolvedAt: new Date() } });
  return count === 1;
}

/** One pinned answer per thread: pinning another unpins the first. */
export async function setPinned(commentId: string, pinned: boolean, { db = getDb() }: Options = {}): Promise<boolean> {
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { rootId: true, status: true } });
  if (!comment || comment.status !== 'PUBLISHED') return false;
  await db.$transaction([
    ...(pinned ? [db.comment.updateMany({ where: { rootId: comment.rootId, pinned: true }, data: { pinned: false } })] : []),
    db.comment.update({ where: { id: commentId }, data: { pinned } }),
  ]);
  return true;
}

export async function setLocked(target: TargetRef, locked: boolean, byUserId: string, { db = getDb() }: Options = {}): Promise<void> {
  if (locked) {
    await db.threadLock.createMany({ data: [{ targetKind: target.kind, targetSlug: target.slug, lockedById: byUserId }], skipDuplicates: true });
  } else {
    await db.threadLock.deleteMany({ where: { targetKind: target.kind, targetSlug: target.slug } });
  }
}

export async function setBanned(userId: string, banned: boolean, byUserId: string, reason: string | null, { db = getDb() }: Options = {}): Promise<void> {
  if (banned) await db.commentBan.createMany({ data: [{ userId, bannedById: byUserId, reason }], skipDuplicates: true });
  else await db.commentBan.deleteMany({ where: { userId } });
}

/**
 * "No reply needed": staff close a member's question (a thank-you, say) without answering,
 * so it leaves the inbox; reopening puts it back. False when nothing changed.
 */
export async function setQuestionClosed(commentId: string, closed: boolean, byUserId: string, { db = getDb() }: Options = {}): Promise<boolean> {
  const { count } = closed
    ? await db.comment.updateMany({ where: { id: commentId, ...AWAITING_COACH }, data: { closedAt: new Date(), closedById: byUserId } })
    : await db.comment.updateMany({ where: { id: commentId, awaitingCoach: true, answeredAt: null, closedAt: { not: null }, status: 'PUBLISHED' }, data: { closedAt: null, closedById: null } });
  return count === 1;
}

/** A member's report; reporting the same comment twice counts once. */
export async function reportComment(commentId: string, reporterId: string, reason: string | null, { db = getDb() }: Options = {}): Promise<boolean> {
  const exists = await db.comment.findFirst({ where: { id: commentId, status: 'PUBLISHED' }, select: { id: true } });
  if (!exists) return false;
  await db.commentReport.createMany({ data: [{ commentId, reporterId, reason }], skipDuplicates: true });
  return true;
}

export async function resolveReports(commentId: string, { db = getDb() }: Options = {}): Promise<number> {
  const { count } = await db.commentReport.updateMany({ where: { commentId, resolvedAt: null }, data: { resolvedAt: new Date() } });
  return count;
}
