// The coach inbox: member questions awaiting a coach, oldest first, open reports, and
// recently hidden comments.
import 'server-only';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';

export async function loadInbox({ db = getDb(), limit = 100 }: { db?: PrismaClient; limit?: number } = {}) {
  const [questions, reports, hidden] = await Promise.all([
    db.comment.findMany({
      where: { awaitingCoach: true, answeredAt: null, status: 'PUBLISHED' },
      orderBy: { createdAt: 'asc' },
      take: limit,
      select: {
        id: true, targetKind: true, targetSlug: true, body: true, createdAt: true, parentId: true, depth: true,
        author: { select: { id: true, name: true, email: true } },
        parent: { select: { body: true, status: true, byStaff: true, author: { select: { name: true } } } },
      },
    }),
    db.commentReport.findMany({
      where: { resolvedAt: null },
      orderBy: { createdAt: 'asc' },
      take: limit,
      select: {
        id: true, reason: true, createdAt: true,
        reporter: { select: { name: true, email: true } },
        comment: { select: { id: true, targetKind: true, targetSlug: true, body: true, status: true, author: { select: { id: true, name: true } } } },
      },
    }),
    // Hidden comments are out of every thread; this is where staff can bring one back.
    db.comment.findMany({
      where: { status: 'HIDDEN' },
      orderBy: { createdAt: 'desc' },
      take: 50,
      select: { id: true, targetKind: true, targetSlug: true, body: true, createdAt: true, author: { select: { name: true } } },
    }),
  ]);
  return { questions, reports, hidden };
}
