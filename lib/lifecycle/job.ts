// The scheduled lifecycle emails (ending soon, lapsed, gone quiet, next phase), run hourly
// by lib/jobs/site-jobs.ts. Each kind finds its due members in keyset-paged batches of one
// statement each (with their entitlement rows, decided by the one entitlement function),
// then sends each member's email in a transaction of its own with its LifecycleEmail row
// (send.ts): a second run, here or in another instance, finds the row and sends nothing.
import 'server-only';
import { decideEntitlementsFromRows, entitlementRowsSql, type EntitlementRows } from '@/lib/billing/entitlements';
import { getSession } from '@/lib/content/programme';
import { getDb } from '@/lib/db';
import type { EmailMessageContent } from '@/lib/email/templates';
import { Prisma, type PrismaClient } from '@/lib/db/generated/client';
import { loadMemberProgramme, phaseDefinitions } from '@/lib/programme/store';
import { absoluteUrl } from '@/lib/site';
import type { LifecycleCategory } from './kinds';
import { daysSince, endingSoonKey, endingSoonWindow, goneQuietKey, lapsedWindow, quietCutoff, quietRepeatCutoff, quietSince, readyLookbackStart } from './rules';
import { lifecycleLinks, recordAndQueue } from './send';
import { listLifecycleSwitches } from './settings';
import { endingSoon, goneQuiet, lapsed, nextPhase, type LifecycleLinks } from './templates';

export const BATCH_SIZE = 200;
/** Batches per kind per run at most, so one run cannot go on for ever; the next run goes on. */
export const MAX_BATCHES = 25;

export interface LifecycleJobOptions {
  db?: PrismaClient;
  now?: Date;
  batchSize?: number;
}

type Scheduled = Exclude<LifecycleCategory, 'welcome'>;
export type LifecycleJobResult = Record<Scheduled, number>;

/** A member the rules selected, with their entitlement rows. */
interface Candidate extends EntitlementRows {
  cursor: string;
  userId: string;
  email: string;
  name: string | null;
}

const ts = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;
const notMuted = (category: LifecycleCategory) =>
  Prisma.sql`NOT EXISTS (SELECT 1 FROM "NotificationSettings" n WHERE n."userId" = u."id" AND ${category} = ANY(n."mutedLifecycle"))`;
const person = Prisma.sql`u."id" AS "userId", u."email", u."name", u."role"::text AS "role", ${entitlementRowsSql('u."id"')}`;
const LIVE_STATUSES = Prisma.sql`('active', 'trialing', 'past_due')`;

export async function runLifecycleJob(options: LifecycleJobOptions = {}): Promise<LifecycleJobResult> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const size = options.batchSize ?? BATCH_SIZE;
  const on = new Set((await listLifecycleSwitches(db)).filter((s) => s.enabled).map((s) => s.kind));
  const result: LifecycleJobResult = { 'ending-soon': 0, lapsed: 0, 'gone-quiet': 0, 'next-phase': 0 };
  const send = async (c: Candidate, kind: Scheduled, key: string, make: (links: LifecycleLinks) => EmailMessageContent) => {
    try {
      const sent = await db.$transaction(async (tx) =>
        recordAndQueue(tx, { userId: c.userId, to: c.email, kind, key, now, message: make(await lifecycleLinks(tx, c.userId, kind)) }),
      );
      if (sent) result[kind]++;
    } catch (error) {
      // One member's bad address must not keep the others from their email; the next run tries again.
      console.error(`[lifecycle] ${kind} email for user ${c.userId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const entitlements = (c: Candidate, at: Date) => decideEntitlementsFromRows({ ...c, now: at });

  if (on.has('ending-soon')) {
    const window = endingSoonWindow(now);
    await eachBatch<Candidate & { subscriptionId: string; periodEndMs: number }>(db, size, (after) => Prisma.sql`
      SELECT s."id" AS "cursor", s."id" AS "subscriptionId", (EXTRACT(EPOCH FROM s."currentPeriodEnd") * 1000)::float8 AS "periodEndMs", ${person}
      FROM "Subscription" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."cancelAtPeriodEnd" AND s."status" IN ('active', 'trialing')
        AND s."currentPeriodEnd" > ${ts(window.after)} AND s."currentPeriodEnd" <= ${ts(window.until)}
        AND ${notMuted('ending-soon')}
        AND NOT EXISTS (SELECT 1 FROM "LifecycleEmail" e WHERE e."userId" = u."id" AND e."kind" = 'ending-soon'
                        AND e."key" = s."id" || '@' || (EXTRACT(EPOCH FROM s."currentPeriodEnd")::bigint)::text)
        AND s."id" > ${after}
      ORDER BY s."id" LIMIT ${size}`, async (c) => {
      const endsOn = new Date(c.periodEndMs);
      // Access that goes on past the period end (a comp, another subscription) is not ending.
      if (entitlements(c, endsOn).premium) return;
      await send(c, 'ending-soon', endingSoonKey(c.subscriptionId, endsOn), (links) => endingSoon({ name: c.name, endsOn, accountUrl: absoluteUrl('/account#membership-heading'), links }));
    });
  }

  if (on.has('lapsed')) {
    const window = lapsedWindow(now);
    await eachBatch<Candidate & { subscriptionId: string }>(db, size, (after) => Prisma.sql`
      SELECT s."id" AS "cursor", s."id" AS "subscriptionId", ${person}
      FROM "Subscription" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."status" = 'canceled' AND s."endedAt" > ${ts(window.after)} AND s."endedAt" <= ${ts(window.until)}
        AND ${notMuted('lapsed')}
        AND NOT EXISTS (SELECT 1 FROM "LifecycleEmail" e WHERE e."userId" = u."id" AND e."kind" = 'lapsed' AND e."key" = s."id")
        AND s."id" > ${after}
      ORDER BY s."id" LIMIT ${size}`, async (c) => {
      if (entitlements(c, now).premium) return; // rejoined (or has access another way)
      await send(c, 'lapsed', c.subscriptionId, (links) => lapsed({ name: c.name, pricingUrl: absoluteUrl('/pricing'), links }));
    });
  }

  if (on.has('gone-quiet')) {
    await eachBatch<Candidate & { sinceMs: number | null; lastMs: number | null; beganMs: number | null }>(db, size, (after) => Prisma.sql`
      SELECT * FROM (
        SELECT u."id" AS "cursor", ${person},
          (SELECT EXTRACT(EPOCH FROM MAX(c."completedAt")) * 1000 FROM "SessionCompletion" c WHERE c."userId" = u."id" AND c."completedAt" <= ${ts(now)})::float8 AS "lastMs",
          (EXTRACT(EPOCH FROM GREATEST(
            (SELECT MAX(s."createdAt") FROM "Subscription" s WHERE s."userId" = u."id" AND s."status" IN ${LIVE_STATUSES}),
            (SELECT MAX(g."createdAt") FROM "CompGrant" g WHERE g."userId" = u."id" AND g."revokedAt" IS NULL))) * 1000)::float8 AS "beganMs"
        FROM "User" u
        WHERE u."id" > ${after}
          AND (EXISTS (SELECT 1 FROM "Subscription" s WHERE s."userId" = u."id" AND s."status" IN ${LIVE_STATUSES})
               OR EXISTS (SELECT 1 FROM "CompGrant" g WHERE g."userId" = u."id" AND g."revokedAt" IS NULL AND (g."endsAt" IS NULL OR g."endsAt" > ${ts(now)})))
          AND ${notMuted('gone-quiet')}
          AND NOT EXISTS (SELECT 1 FROM "SessionCompletion" c WHERE c."userId" = u."id" AND c."completedAt" > ${ts(quietCutoff(now))} AND c."completedAt" <= ${ts(now)})
          AND NOT EXISTS (SELECT 1 FROM "LifecycleEmail" e WHERE e."userId" = u."id" AND e."kind" = 'gone-quiet' AND e."sentAt" > ${ts(quietRepeatCutoff(now))})
      ) q
      WHERE GREATEST(q."lastMs", q."beganMs") <= ${quietCutoff(now).getTime()}::float8
      ORDER BY q."cursor" LIMIT ${size}`, async (c) => {
      const since = quietSince(c.lastMs === null ? null : new Date(c.lastMs), c.beganMs === null ? null : new Date(c.beganMs));
      const source = entitlements(c, now).source;
      if (!since || (source !== 'subscription' && source !== 'comp')) return; // staff are not nudged
      // Read before the send's transaction: on PGlite (one connection) a read outside it would wait for it.
      const { overview } = await loadMemberProgramme(c.userId, { db, now });
      const next = getSession(overview.nextSession.phaseSlug, overview.nextSession.sessionSlug);
      await send(c, 'gone-quiet', goneQuietKey(since, now), (links) =>
        goneQuiet({ name: c.name, days: daysSince(since, now), nextSessionTitle: next?.title ?? 'your next session', nextSessionUrl: absoluteUrl(next?.url ?? '/programme'), links }),
      );
    });
  }

  if (on.has('next-phase')) {
    const phases = phaseDefinitions();
    await eachBatch<Candidate & { phaseSlug: string }>(db, size, (after) => Prisma.sql`
      SELECT p."cursor", p."phaseSlug", ${person}
      FROM (
        SELECT DISTINCT c."userId" || ' ' || c."phaseSlug" AS "cursor", c."userId", c."phaseSlug"
        FROM "SessionCompletion" c
        WHERE c."completedAt" > ${ts(readyLookbackStart(now))} AND c."completedAt" <= ${ts(now)}
          AND c."userId" || ' ' || c."phaseSlug" > ${after}
          AND NOT EXISTS (SELECT 1 FROM "LifecycleEmail" e WHERE e."userId" = c."userId" AND e."kind" = 'next-phase' AND e."key" = c."phaseSlug")
      ) p JOIN "User" u ON u."id" = p."userId"
      WHERE ${notMuted('next-phase')}
      ORDER BY p."cursor" LIMIT ${size}`, async (c) => {
      const index = phases.findIndex((phase) => phase.slug === c.phaseSlug);
      const following = phases[index + 1];
      const source = entitlements(c, now).source;
      if (index === -1 || !following || (source !== 'subscription' && source !== 'comp')) return;
      const { overview } = await loadMemberProgramme(c.userId, { db, now });
      const ready = overview.phases[index]?.readiness.ready === true;
      // Already moved on (chose a later phase): the advice would come too late.
      const movedOn = phases.findIndex((phase) => phase.slug === overview.currentPhaseSlug) > index;
      if (!ready || movedOn) return;
      await send(c, 'next-phase', c.phaseSlug, (links) =>
        nextPhase({ name: c.name, phaseTitle: phases[index].title, nextPhaseTitle: following.title, nextPhaseUrl: absoluteUrl(`/programme/${following.slug}`), links }),
      );
    });
  }
  return result;
}

/** Runs `each` over the rows `query` pages through by their "cursor" column, at most MAX_BATCHES pages. */
async function eachBatch<Row extends { cursor: string }>(db: PrismaClient, size: number, query: (after: string) => Prisma.Sql, each: (row: Row) => Promise<void>): Promise<void> {
  let after = '';
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const rows = await db.$queryRaw<Row[]>(query(after));
    for (const row of rows) await each(row);
    if (rows.length < size) return;
    after = rows[rows.length - 1].cursor;
  }
}
