// Every member's status at `now` as one SQL fragment, so the counts, the lists, the filters
// and the CSV all sort people the same way. The live-subscription rule is the one in
// lib/billing/entitlements.ts (subscriptionGrantsAccess) written in SQL: keep them in step.
import 'server-only';
import { z } from 'zod';
import { Prisma } from '@/lib/db/generated/client';

/**
 * Exclusive, in this order: a live subscription decides first (past due, cancelling at
 * period end, trialing, active), then complimentary access, then "lapsed" (had a
 * subscription, none live), else "free" (an account that never paid).
 */
export const MEMBER_STATUSES = ['active', 'trialing', 'past_due', 'cancelling', 'complimentary', 'lapsed', 'free'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const memberStatusSchema = z.enum(MEMBER_STATUSES);

export const STATUS_LABELS: Record<MemberStatus, string> = {
  active: 'Active',
  trialing: 'Trialing',
  past_due: 'Past due',
  cancelling: 'Cancelling',
  complimentary: 'Complimentary',
  lapsed: 'Lapsed',
  free: 'No membership',
};

/** A moment as the timestamp(3) (UTC, no zone) that Prisma's DateTime columns hold. */
export function sqlTime(date: Date): Prisma.Sql {
  return Prisma.sql`${date.toISOString()}::timestamp(3)`;
}

/** `s` is a "Subscription" row: does it grant access at `now`? */
export function liveSubscriptionSql(now: Date): Prisma.Sql {
  return Prisma.sql`(
    (s."status" IN ('active', 'trialing') AND (NOT s."cancelAtPeriodEnd" OR ${sqlTime(now)} < s."currentPeriodEnd"))
    OR (s."status" = 'past_due' AND ${sqlTime(now)} < s."currentPeriodEnd"))`;
}

/**
 * A WITH clause defining "members" (userId, name, email, joinedAt, status, entitled,
 * phaseSlug, restartedAt) for every user with the MEMBER role. Set-based (each table read
 * once, hash-joined) and MATERIALIZED: a query that joins it to completions must not
 * re-decide a member's status for each of their completions.
 */
export function membersCte(now: Date): Prisma.Sql {
  return Prisma.sql`
    members AS MATERIALIZED (
      SELECT u."id" AS "userId", u."name", u."email", u."createdAt" AS "joinedAt",
        CASE
          WHEN live."status" = 'past_due' THEN 'past_due'
          WHEN live."cancelAtPeriodEnd" THEN 'cancelling'
          WHEN live."status" = 'trialing' THEN 'trialing'
          WHEN live."status" IS NOT NULL THEN 'active'
          WHEN comp."userId" IS NOT NULL THEN 'complimentary'
          WHEN paid."userId" IS NOT NULL THEN 'lapsed'
          ELSE 'free'
        END AS "status",
        (live."status" IS NOT NULL OR comp."userId" IS NOT NULL) AS "entitled",
        ps."currentPhaseSlug" AS "phaseSlug", ps."restartedAt"
      FROM "User" u
      LEFT JOIN (
        SELECT DISTINCT ON (s."userId") s."userId", s."status", s."cancelAtPeriodEnd" FROM "Subscription" s
        WHERE ${liveSubscriptionSql(now)}
        ORDER BY s."userId", s."currentPeriodEnd" DESC
      ) live ON live."userId" = u."id"
      LEFT JOIN (
        SELECT DISTINCT c."userId" FROM "CompGrant" c
        WHERE c."revokedAt" IS NULL AND (c."endsAt" IS NULL OR ${sqlTime(now)} < c."endsAt")
      ) comp ON comp."userId" = u."id"
      LEFT JOIN (SELECT DISTINCT s."userId" FROM "Subscription" s) paid ON paid."userId" = u."id"
      LEFT JOIN "ProgrammeState" ps ON ps."userId" = u."id"
      WHERE u."role" = 'MEMBER'
    )`;
}

/** The programme's phases as an SQL relation "phases" (slug, position, sessions, runs), from content. */
export function phasesCte(phases: { slug: string; sessionSlugs: string[]; recommendedRuns: number }[]): Prisma.Sql {
  const json = JSON.stringify(phases.map((p, i) => ({ slug: p.slug, position: i, sessions: p.sessionSlugs.length, runs: p.recommendedRuns })));
  return Prisma.sql`
    phases AS (
      SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS p("slug" text, "position" int, "sessions" int, "runs" int)
    )`;
}

/** Rows of a LIMITed list that carry `count(*) OVER ()` as "total": the total and the rows without it. */
export function splitTotal<T extends object>(rows: (T & { total: number })[]): { total: number; rows: T[] } {
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((row) => {
      const copy: Partial<T & { total: number }> = { ...row };
      delete copy.total;
      return copy as T;
    }),
  };
}
