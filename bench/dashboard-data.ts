// A business at scale for the staff dashboard's query-count tests and its bench row:
// `members` members (a year of joins; most paying, some past due, trialing, cancelling,
// lapsed) and `completions` completed sessions spread over them and the last 120 days,
// plus a question per 20 members, half answered. INSERT … SELECT generate_series: seconds
// for 10,000 members and 200,000 completions on PostgreSQL.
import type { PrismaClient } from '../lib/db/generated/client';

/** The size the issue names for the dashboard's bench row and its PostgreSQL test. */
export const DASHBOARD_SCALE = { members: 10_000, completions: 200_000 };

export interface ScalePhase {
  slug: string;
  sessionSlugs: string[];
}

export async function seedDashboardScale(db: PrismaClient, options: { members: number; completions: number; now: Date; phases: ScalePhase[] }): Promise<void> {
  const { members, completions } = options;
  const now = options.now.toISOString();
  const phases = JSON.stringify(options.phases.map((p, i) => ({ position: i, slug: p.slug, sessions: p.sessionSlugs })));
  await db.$executeRaw`
    INSERT INTO "User" ("id", "email", "name", "role", "createdAt", "updatedAt")
    SELECT 'scale-' || i, 'scale-' || i || '@example.com', 'Scale member ' || i, 'MEMBER', ${now}::timestamp(3) - (i % 365) * interval '1 day', ${now}::timestamp(3)
    FROM generate_series(1, ${members}::int) AS i`;
  await db.$executeRaw`
    INSERT INTO "User" ("id", "email", "name", "role", "createdAt", "updatedAt")
    VALUES ('scale-coach', 'scale-coach@example.com', 'Scale coach', 'COACH', ${now}::timestamp(3) - interval '400 days', ${now}::timestamp(3))`;
  // i % 20: 0 lapsed, 1 past due, 2 trialing, 3 cancelling, the rest active; every 5th annual.
  await db.$executeRaw`
    INSERT INTO "Subscription" ("id", "userId", "customerId", "status", "priceId", "interval", "currentPeriodEnd", "cancelAtPeriodEnd", "endedAt", "trialEnd", "createdAt", "syncedAt")
    SELECT 'sub_scale_' || i, 'scale-' || i, 'cus_scale_' || i,
      CASE i % 20 WHEN 0 THEN 'canceled' WHEN 1 THEN 'past_due' WHEN 2 THEN 'trialing' ELSE 'active' END,
      CASE WHEN i % 5 = 4 THEN 'price_membership_annual' ELSE 'price_membership_monthly' END,
      CASE WHEN i % 5 = 4 THEN 'year' ELSE 'month' END,
      ${now}::timestamp(3) + ((i % 28) + 1) * interval '1 day' - CASE WHEN i % 20 = 0 THEN interval '60 days' ELSE interval '0 days' END,
      i % 20 = 3,
      CASE WHEN i % 20 = 0 THEN ${now}::timestamp(3) - (i % 28 + 31) * interval '1 day' END,
      CASE WHEN i % 20 = 2 THEN ${now}::timestamp(3) + interval '7 days' END,
      ${now}::timestamp(3) - (i % 365) * interval '1 day', ${now}::timestamp(3)
    FROM generate_series(1, ${members}::int) AS i`;
  await db.$executeRaw`
    INSERT INTO "ProgrammeState" ("userId", "currentPhaseSlug", "updatedAt")
    SELECT 'scale-' || i, (SELECT p->>'slug' FROM jsonb_array_elements(${phases}::jsonb) p WHERE (p->>'position')::int = i % jsonb_array_length(${phases}::jsonb)), ${now}::timestamp(3)
    FROM generate_series(1, ${members}::int) AS i`;
  // Completion j belongs to member (j % members) + 1, in that member's phase, one of its sessions.
  await db.$executeRaw`
    WITH phase AS (
      SELECT (p->>'position')::int AS "position", p->>'slug' AS "slug", ARRAY(SELECT jsonb_array_elements_text(p->'sessions')) AS "sessions"
      FROM jsonb_array_elements(${phases}::jsonb) p
    )
    INSERT INTO "SessionCompletion" ("id", "userId", "phaseSlug", "sessionSlug", "completedAt", "requestKey", "pain", "effort")
    SELECT 'scale-c-' || j, 'scale-' || (j % ${members}::int + 1), ph."slug", ph."sessions"[1 + (j / ${members}::int) % array_length(ph."sessions", 1)],
      ${now}::timestamp(3) - ((j * 7) % 120) * interval '1 day' - (j % 600) * interval '1 minute', 'scale-' || j, j % 11, (j * 3) % 11
    FROM generate_series(1, ${completions}::int) AS j
    JOIN phase ph ON ph."position" = (j % ${members}::int + 1) % (SELECT count(*) FROM phase)`;
  await db.$executeRaw`
    INSERT INTO "Comment" ("id", "targetKind", "targetSlug", "rootId", "authorId", "body", "bodyHash", "awaitingCoach", "answeredAt", "createdAt")
    SELECT 'scale-q-' || i, 'phase', 'phase-one', 'scale-q-' || i, 'scale-' || i, 'A question', 'scale-q-' || i, true,
      CASE WHEN i % 40 = 0 THEN ${now}::timestamp(3) - (i % 20) * interval '1 day' + (i % 7 + 1) * interval '1 hour' END,
      ${now}::timestamp(3) - (i % 20) * interval '1 day'
    FROM generate_series(20, ${members}::int, 20) AS i`;
  await db.$executeRaw`
    INSERT INTO "Comment" ("id", "targetKind", "targetSlug", "parentId", "rootId", "depth", "authorId", "body", "bodyHash", "byStaff", "createdAt")
    SELECT q."id" || '-a', 'phase', 'phase-one', q."id", q."id", 1, 'scale-coach', 'An answer', q."id" || '-a', true, q."answeredAt"
    FROM "Comment" q WHERE q."id" LIKE 'scale-q-%' AND q."answeredAt" IS NOT NULL`;
}
