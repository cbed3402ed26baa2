// The staff member list: a page of people matching a search, each with their membership
// decided on the same entitlement rows as everywhere else (entitlementRowsSql).
import 'server-only';
import { z } from 'zod';
import { decideEntitlementsFromRows, entitlementRowsSql, type EntitlementRows, type Entitlements } from '@/lib/billing/entitlements';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/db/generated/client';
import type { RoleName } from './roles';

export const memberSearchSchema = z.object({
  q: z.string().trim().max(200).catch(''),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});

export const MEMBERS_PER_PAGE = 25;

type Row = Pick<EntitlementRows, 'subscriptions' | 'comps'> & { id: string; email: string; name: string | null; role: RoleName; createdAt: Date; emailVerified: Date | null };

export interface MemberListing {
  id: string;
  email: string;
  name: string | null;
  role: RoleName;
  createdAt: Date;
  emailVerified: Date | null;
  /** Decided as for a member: staff access is not a membership worth showing here. */
  membership: Entitlements;
}

/** The search as an ILIKE pattern: its own % and _ are literal characters. */
const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

export async function searchMembers({ q, page }: z.infer<typeof memberSearchSchema>) {
  const db = getDb();
  const matches = q ? Prisma.sql`WHERE u."email" ILIKE ${containsPattern(q)} OR u."name" ILIKE ${containsPattern(q)}` : Prisma.empty;
  const [[{ total }], rows] = await Promise.all([
    db.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS "total" FROM "User" u ${matches}`),
    db.$queryRaw<Row[]>(Prisma.sql`
      SELECT u."id", u."email", u."name", u."role"::text AS "role", u."createdAt", u."emailVerified", ${entitlementRowsSql('u."id"')}
      FROM "User" u ${matches}
      ORDER BY u."createdAt" DESC, u."id"
      LIMIT ${MEMBERS_PER_PAGE} OFFSET ${(page - 1) * MEMBERS_PER_PAGE}`),
  ]);
  const members: MemberListing[] = rows.map(({ subscriptions, comps, ...member }) => ({
    ...member,
    membership: decideEntitlementsFromRows({ role: 'MEMBER', subscriptions, comps }),
  }));
  return { total, members, page, pageCount: Math.max(1, Math.ceil(total / MEMBERS_PER_PAGE)) };
}
