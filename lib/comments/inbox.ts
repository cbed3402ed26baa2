// The coach inbox: member questions (awaiting a coach, or all of them), open reports and
// hidden comments, each filtered by the inbox's query (lib/comments/inbox-query.ts),
// ordered and paged; plus the counts the staff navigation shows.
import 'server-only';
import { cache } from 'react';
import { getDb } from '@/lib/db';
import type { Prisma, PrismaClient } from '@/lib/db/generated/client';
import { INBOX_PAGE_SIZE, type InboxQuery } from './inbox-query';
import { AWAITING_COACH } from './question-state';

type Options = { db?: PrismaClient };

/** The comments the query's type, phase and search narrow to (search: words, member name or email). */
function commentFilter(query: InboxQuery): Prisma.CommentWhereInput {
  const where: Prisma.CommentWhereInput = {};
  if (query.phase) Object.assign(where, { targetKind: 'phase', targetSlug: query.phase });
  else if (query.kind) where.targetKind = query.kind;
  if (query.q) {
    const contains = { contains: query.q, mode: 'insensitive' as const };
    where.OR = [{ body: contains }, { author: { name: contains } }, { author: { email: contains } }];
  }
  return where;
}

const questionSelect = {
  id: true, targetKind: true, targetSlug: true, body: true, createdAt: true, parentId: true, rootId: true,
  answeredAt: true, closedAt: true, redFlag: true,
  author: { select: { id: true, name: true, email: true } },
  closedBy: { select: { name: true } },
} satisfies Prisma.CommentSelect;

/** What each question follows, from the top of its conversation down to its parent. */
const conversationSelect = { id: true, parentId: true, rootId: true, body: true, byStaff: true, createdAt: true, author: { select: { name: true } } } satisfies Prisma.CommentSelect;
export type ConversationComment = Prisma.CommentGetPayload<{ select: typeof conversationSelect }>;

function pageOf(query: InboxQuery) {
  const direction: Prisma.SortOrder = query.order === 'newest' ? 'desc' : 'asc';
  return { skip: (query.page - 1) * INBOX_PAGE_SIZE, take: INBOX_PAGE_SIZE, orderBy: [{ createdAt: direction }, { id: direction }] };
}

/** Questions with a red flag come first, whatever the order asked for. */
function questionPageOf(query: InboxQuery) {
  const page = pageOf(query);
  return { ...page, orderBy: [{ redFlag: 'desc' as const }, ...page.orderBy] };
}

export async function loadQuestions(query: InboxQuery, { db = getDb() }: Options = {}) {
  const where: Prisma.CommentWhereInput = query.question
    ? { id: query.question, awaitingCoach: true }
    : { ...commentFilter(query), ...(query.view === 'awaiting' ? AWAITING_COACH : { awaitingCoach: true, status: 'PUBLISHED' }) };
  const [rows, total] = await Promise.all([
    db.comment.findMany({ where, ...questionPageOf(query), select: questionSelect }),
    db.comment.count({ where }),
  ]);
  // Everything above each question in its conversation, in one query for the page.
  const rootIds = [...new Set(rows.map((r) => r.rootId).filter((id): id is string => id !== null))];
  const related = rootIds.length
    ? await db.comment.findMany({ where: { rootId: { in: rootIds }, status: 'PUBLISHED' }, orderBy: { createdAt: 'asc' }, take: 1_000, select: conversationSelect })
    : [];
  const byId = new Map(related.map((c) => [c.id, c]));
  const questions = rows.map((row) => {
    const above: ConversationComment[] = [];
    for (let id = row.parentId; id && above.length < 20; id = byId.get(id)?.parentId ?? null) {
      const comment = byId.get(id);
      if (!comment) break;
      above.unshift(comment);
    }
    return { ...row, above };
  });
  return { questions, total };
}
export type InboxQuestion = Awaited<ReturnType<typeof loadQuestions>>['questions'][number];

export async function loadReports(query: InboxQuery, { db = getDb() }: Options = {}) {
  const where: Prisma.CommentReportWhereInput = { resolvedAt: null, comment: commentFilter(query) };
  const [reports, total] = await Promise.all([
    db.commentReport.findMany({
      where,
      ...pageOf(query),
      select: {
        id: true, reason: true, createdAt: true,
        reporter: { select: { name: true, email: true } },
        comment: { select: { id: true, targetKind: true, targetSlug: true, body: true, status: true, author: { select: { id: true, name: true } } } },
      },
    }),
    db.commentReport.count({ where }),
  ]);
  return { reports, total };
}

/** Hidden comments are out of every thread; this is where staff can bring one back. */
export async function loadHidden(query: InboxQuery, { db = getDb() }: Options = {}) {
  const where: Prisma.CommentWhereInput = { ...commentFilter(query), status: 'HIDDEN' };
  const [hidden, total] = await Promise.all([
    db.comment.findMany({ where, ...pageOf(query), select: { id: true, targetKind: true, targetSlug: true, body: true, createdAt: true, author: { select: { name: true } } } }),
    db.comment.count({ where }),
  ]);
  return { hidden, total };
}

/** The staff navigation's and the inbox tabs' counts: one round of counts per request. */
export const loadInboxCounts = cache(async ({ db = getDb() }: Options = {}) => {
  const [awaiting, all, reports, hidden] = await Promise.all([
    db.comment.count({ where: AWAITING_COACH }),
    db.comment.count({ where: { awaitingCoach: true, status: 'PUBLISHED' } }),
    db.commentReport.count({ where: { resolvedAt: null } }),
    db.comment.count({ where: { status: 'HIDDEN' } }),
  ]);
  return { awaiting, all, reports, hidden };
});
export type InboxCounts = Awaited<ReturnType<typeof loadInboxCounts>>;
