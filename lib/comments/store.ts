// Comment threads in the database: posting (with the coach-answer bookkeeping), editing,
// soft deletion, and loading a whole thread in a constant number of queries.
import 'server-only';
import crypto from 'node:crypto';
import { cleanDisplayName } from '@/lib/auth/display-name';
import { coachAvatarFor } from '@/lib/content/authors';
import { getDb } from '@/lib/db';
import { utcFromJson } from '@/lib/db/json-rows';
import type { PrismaClient } from '@/lib/db/generated/client';
import { findRedFlags } from '@/lib/triage/red-flags';
import { EDIT_WINDOW_MS } from './limits';
import type { CommentTarget, TargetRef } from './targets';

export { EDIT_WINDOW_MS };

export type PostProblem = 'banned' | 'locked' | 'duplicate' | 'parent-missing';
/** `redFlag`: a member's comment that mentions a red-flag symptom (lib/triage/red-flags.ts). */
export type PostResult = { ok: true; id: string; redFlag: boolean } | { ok: false; problem: PostProblem };

export const postProblemMessage: Record<PostProblem, string> = {
  banned: 'You can no longer comment on this site. If you think this is a mistake, email us.',
  locked: 'This thread is locked: it takes no new comments.',
  duplicate: 'You have already posted exactly this here.',
  'parent-missing': 'The comment you are replying to has been removed.',
};

export function bodyHash(authorId: string, parentId: string | null, target: TargetRef, body: string): string {
  const normalised = body.trim().replace(/\s+/g, ' ').toLowerCase();
  return crypto.createHash('sha256').update(`${authorId}|${target.kind}:${target.slug}|${parentId ?? ''}|${normalised}`).digest('hex');
}

interface PostInput {
  target: CommentTarget;
  authorId: string;
  authorIsStaff: boolean;
  parentId: string | null;
  body: string;
}

/**
 * A member's top-level comment is a question for the coaches; so is a member's reply in a
 * thread a coach has already answered (a follow-up), and any member's comment with a red flag. A staff reply answers every waiting
 * question on its path to the top.
 */
export async function postComment(input: PostInput, options: { db?: PrismaClient; now?: Date } = {}): Promise<PostResult> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const { target, authorId, parentId } = input;
  const [ban, lock] = await Promise.all([
    db.commentBan.findUnique({ where: { userId: authorId }, select: { userId: true } }),
    db.threadLock.findUnique({ where: { targetKind_targetSlug: { targetKind: target.kind, targetSlug: target.slug } }, select: { lockedAt: true } }),
  ]);
  if (ban) return { ok: false, problem: 'banned' };
  if (lock && !input.authorIsStaff) return { ok: false, problem: 'locked' };

  const hash = bodyHash(authorId, parentId, target, input.body);
  if (await db.comment.findFirst({ where: { authorId, bodyHash: hash, status: { not: 'DELETED' } }, select: { id: true } })) return { ok: false, problem: 'duplicate' };

  let rootId: string | null = null;
  let depth = 0;
  let path: { id: string; byStaff: boolean; awaitingCoach: boolean; answeredAt: Date | null }[] = [];
  if (parentId) {
    const parent = await db.comment.findFirst({
      where: { id: parentId, targetKind: target.kind, targetSlug: target.slug, status: { not: 'DELETED' } },
      select: { id: true, rootId: true, depth: true },
    });
    if (!parent) return { ok: false, problem: 'parent-missing' };
    rootId = parent.rootId ?? parent.id;
    depth = parent.depth + 1;
    path = await ancestors(db, parent.id);
  }
  // Coaches write about symptoms too ("if you notice numbness around your groin, call 111"): only members' words are triaged.
  const redFlag = !input.authorIsStaff && findRedFlags(input.body).length > 0;
  // A red flag reaches a coach wherever it is written, a reply to another member included.
  const awaitingCoach = !input.authorIsStaff && (parentId === null || redFlag || path.some((c) => c.byStaff));
  const id = crypto.randomUUID();
  await db.$transaction([
    db.comment.create({
      data: { id, targetKind: target.kind, targetSlug: target.slug, parentId, rootId: rootId ?? id, depth, authorId, body: input.body, bodyHash: hash, byStaff: input.authorIsStaff, awaitingCoach, redFlag, createdAt: now },
    }),
    ...(input.authorIsStaff
      ? [db.comment.updateMany({ where: { id: { in: path.filter((c) => c.awaitingCoach && !c.answeredAt).map((c) => c.id) } }, data: { answeredAt: now } })]
      : []),
  ]);
  return { ok: true, id, redFlag };
}

/** The chain from a comment up to its thread's top: one recursive query, whatever the thread's size. */
async function ancestors(db: PrismaClient, fromId: string) {
  return db.$queryRaw<{ id: string; byStaff: boolean; awaitingCoach: boolean; answeredAt: Date | null }[]>`
    WITH RECURSIVE path AS (
      SELECT "id", "parentId", "byStaff", "awaitingCoach", "answeredAt" FROM "Comment" WHERE "id" = ${fromId}
      UNION ALL
      SELECT c."id", c."parentId", c."byStaff", c."awaitingCoach", c."answeredAt" FROM "Comment" c JOIN path p ON c."id" = p."parentId"
    )
    SELECT "id", "byStaff", "awaitingCoach", "answeredAt" FROM path`;
}

export type EditProblem = 'not-found' | 'not-author' | 'too-late';

export async function editComment(input: { id: string; authorId: string; body: string }, options: { db?: PrismaClient; now?: Date } = {}): Promise<{ ok: true } | { ok: false; problem: EditProblem }> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const comment = await db.comment.findUnique({ where: { id: input.id }, select: { authorId: true, createdAt: true, status: true, parentId: true, targetKind: true, targetSlug: true, byStaff: true, redFlag: true } });
  if (!comment || comment.status === 'DELETED') return { ok: false, problem: 'not-found' };
  if (comment.authorId !== input.authorId) return { ok: false, problem: 'not-author' };
  if (now.getTime() - comment.createdAt.getTime() > EDIT_WINDOW_MS) return { ok: false, problem: 'too-late' };
  const hash = bodyHash(input.authorId, comment.parentId, { kind: comment.targetKind as TargetRef['kind'], slug: comment.targetSlug }, input.body);
  // An edit can add a red flag, never take one away: a coach may already be on it.
  const redFlag = comment.redFlag || (!comment.byStaff && findRedFlags(input.body).length > 0);
  await db.comment.update({ where: { id: input.id }, data: { body: input.body, bodyHash: hash, editedAt: now, redFlag } });
  return { ok: true };
}

/** Soft delete: the text goes, the place stays, so replies keep their context. */
export async function deleteComment(id: string, byUserId: string, options: { db?: PrismaClient; asModerator?: boolean } = {}): Promise<boolean> {
  const db = options.db ?? getDb();
  const where = options.asModerator ? { id } : { id, authorId: byUserId };
  const { count } = await db.comment.updateMany({ where: { ...where, status: { not: 'DELETED' } }, data: { status: 'DELETED', body: '', awaitingCoach: false, pinned: false } });
  return count === 1;
}

export interface ThreadComment {
  id: string;
  parentId: string | null;
  depth: number;
  authorId: string | null;
  authorName: string;
  /**
   * A coach's portrait from content/authors.json, matched by the staff account's email (read
   * for staff comments only, never returned); null for members, who are shown by initials.
   */
  authorImage: string | null;
  byStaff: boolean;
  status: 'PUBLISHED' | 'HIDDEN' | 'DELETED';
  body: string;
  awaitingCoach: boolean;
  answered: boolean;
  pinned: boolean;
  createdAt: Date;
  editedAt: Date | null;
}

/**
 * Every comment under a target with its author, and whether the thread is locked, in one
 * statement whatever the size of the thread (the 1,000-comment integration test counts
 * the queries): the rows come back as one JSON array, which is several times faster than
 * Prisma's per-row mapping for a long thread. Hidden comments are included only when
 * asked (staff); deleted ones keep their place without text.
 */
export async function loadThread(target: TargetRef, options: { db?: PrismaClient; includeHidden?: boolean } = {}): Promise<{ comments: ThreadComment[]; locked: boolean }> {
  const db = options.db ?? getDb();
  const [row] = await db.$queryRaw<{ comments: ThreadRow[] | null; locked: boolean }[]>`
    SELECT
      (SELECT json_agg(json_build_array(c."id", c."parentId", c."depth", c."authorId", c."byStaff", c."status", c."body", c."awaitingCoach",
                                        c."answeredAt", c."closedAt", c."pinned", c."createdAt", c."editedAt", u."name",
                                        CASE WHEN c."byStaff" THEN u."email" END) ORDER BY c."createdAt", c."id")
       FROM "Comment" c LEFT JOIN "User" u ON u."id" = c."authorId"
       WHERE c."targetKind" = ${target.kind} AND c."targetSlug" = ${target.slug} AND (${options.includeHidden === true} OR c."status" <> 'HIDDEN')) AS "comments",
      EXISTS (SELECT 1 FROM "ThreadLock" l WHERE l."targetKind" = ${target.kind} AND l."targetSlug" = ${target.slug}) AS "locked"`;
  return {
    locked: row.locked,
    comments: (row.comments ?? []).map(([id, parentId, depth, authorId, byStaff, status, body, awaitingCoach, answeredAt, closedAt, pinned, createdAt, editedAt, name, staffEmail]) => {
      const deleted = status === 'DELETED';
      return {
        id, parentId, depth, authorId, byStaff, status, pinned,
        // Closed by staff as "No reply needed" and never answered: no answer state to show.
        awaitingCoach: awaitingCoach && (answeredAt !== null || closedAt === null),
        body: deleted ? '' : body,
        authorName: deleted ? '[deleted]' : cleanDisplayName(name) || 'Former member',
        authorImage: deleted ? null : (coachAvatarFor(staffEmail)?.src ?? null),
        answered: answeredAt !== null,
        createdAt: utcFromJson(createdAt)!,
        editedAt: utcFromJson(editedAt),
      };
    }),
  };
}

/** One comment as loadThread's statement returns it. */
type ThreadRow = [
  id: string, parentId: string | null, depth: number, authorId: string | null, byStaff: boolean, status: ThreadComment['status'], body: string,
  awaitingCoach: boolean, answeredAt: string | null, closedAt: string | null, pinned: boolean, createdAt: string, editedAt: string | null, name: string | null, staffEmail: string | null,
];
