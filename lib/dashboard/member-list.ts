// The dashboard's member list, filtered by phase and status (query parameters, validated
// here), for the page (a page of rows) and the admins' CSV export (every row, up to a cap).
import 'server-only';
import { z } from 'zod';
import { Prisma, type PrismaClient } from '@/lib/db/generated/client';
import { MEMBER_STATUSES, membersCte, splitTotal, sqlTime, type MemberStatus } from './member-status';

/** "none": members who have not started the programme. */
export const NO_PHASE = 'none';

export const memberFilterSchema = z.object({
  phase: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(80)
    .optional()
    .catch(undefined),
  status: z.enum(MEMBER_STATUSES).optional().catch(undefined),
});
export type MemberFilter = z.infer<typeof memberFilterSchema>;

/** Reads the filter from a page's or request's query; anything invalid is ignored. */
export function parseMemberFilter(query: Record<string, string | string[] | undefined> | URLSearchParams): MemberFilter {
  const get = (key: string) => {
    const value = query instanceof URLSearchParams ? query.get(key) : query[key];
    return (Array.isArray(value) ? value[0] : value) || undefined;
  };
  return memberFilterSchema.parse({ phase: get('phase'), status: get('status') });
}

export const PAGE_LIMIT = 100;
/** The CSV stops here: far above this business's size, and it keeps one response bounded. */
export const EXPORT_LIMIT = 50_000;

export interface MemberRow {
  userId: string;
  name: string | null;
  email: string;
  status: MemberStatus;
  phaseSlug: string | null;
  joinedAt: Date;
  lastCompletedAt: Date | null;
  /** Sessions completed in the last 30 days. */
  recentSessions: number;
}

export async function loadMemberList(db: PrismaClient, now: Date, filter: MemberFilter, limit: number): Promise<{ total: number; rows: MemberRow[] }> {
  const conditions: Prisma.Sql[] = [];
  if (filter.status) conditions.push(Prisma.sql`m."status" = ${filter.status}`);
  if (filter.phase === NO_PHASE) conditions.push(Prisma.sql`m."phaseSlug" IS NULL`);
  else if (filter.phase) conditions.push(Prisma.sql`m."phaseSlug" = ${filter.phase}`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const since = new Date(now.getTime() - 30 * 86_400_000);
  // Activity is looked up for the page's rows only; the total counts the filtered members.
  const rows = await db.$queryRaw<(MemberRow & { total: number })[]>`
    WITH ${membersCte(now)},
    filtered AS (SELECT * FROM members m ${where}),
    page AS (SELECT * FROM filtered ORDER BY "joinedAt" DESC, "userId" LIMIT ${limit})
    SELECT p."userId", p."name", p."email", p."status", p."phaseSlug", p."joinedAt", act."last" AS "lastCompletedAt",
      coalesce(act."recent", 0)::int AS "recentSessions", (SELECT count(*)::int FROM filtered) AS "total"
    FROM page p
    LEFT JOIN LATERAL (
      SELECT max(c."completedAt") AS "last", count(*) FILTER (WHERE c."completedAt" >= ${sqlTime(since)}) AS "recent"
      FROM "SessionCompletion" c WHERE c."userId" = p."userId"
    ) act ON true
    ORDER BY p."joinedAt" DESC, p."userId"`;
  return splitTotal(rows);
}
