// Rate limits stored in PostgreSQL, so every app instance shares them. Each key's
// window opens at its first request (so a burst cannot straddle a clock-aligned boundary
// and get twice the limit). One statement per check: INSERT … ON CONFLICT DO UPDATE …
// RETURNING takes the row lock, so concurrent requests from any number of instances
// each get a distinct count and never more than the limit get through. A unit can be
// given back (refundRateLimits), e.g. when a sign-in attempt turns out to be the right
// password: counting first and refunding after keeps the limit exact under concurrency.
import 'server-only';
import crypto from 'node:crypto';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';

export interface RateLimitRule {
  /** Namespace of the counter, e.g. "sign-in:email". */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Requests left in this window after this one. */
  remaining: number;
  /** Seconds until the window resets (for Retry-After and messages). */
  retryAfterSeconds: number;
  /** What this call counted, to give back with refundRateLimits (empty once given back). */
  counted: CountedUnit[];
}

/** One counted request: its bucket and that bucket's window. */
export interface CountedUnit {
  key: string;
  expiresAt: Date;
}

/** Subjects (emails, IPs) are hashed: the table holds no personal data in the clear. */
function bucketKey(rule: RateLimitRule, subject: string): string {
  const digest = crypto.createHash('sha256').update(subject.trim().toLowerCase()).digest('base64url').slice(0, 32);
  return `${rule.name}:${digest}`;
}

export async function consumeRateLimit(
  rule: RateLimitRule,
  subject: string,
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<RateLimitResult> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const windowEnd = new Date(now.getTime() + rule.windowSeconds * 1000);
  const key = bucketKey(rule, subject);
  const [row] = await db.$queryRaw<{ count: number; expiresAt: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "expiresAt")
    VALUES (${key}, 1, ${windowEnd})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now} THEN ${windowEnd} ELSE "RateLimitBucket"."expiresAt" END
    RETURNING "count", "expiresAt"`;
  const count = Number(row.count);
  const expiresAt = new Date(row.expiresAt);
  return {
    allowed: count <= rule.limit,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000)),
    counted: [{ key, expiresAt }],
  };
}

/**
 * Gives counted units back. Only to the window they were counted in: once a window has
 * closed and another opened, the new one is not credited.
 */
export async function refundRateLimits(counted: CountedUnit[], options: { db?: PrismaClient } = {}): Promise<void> {
  const db = options.db ?? getDb();
  for (const { key, expiresAt } of counted) {
    await db.$executeRaw`
      UPDATE "RateLimitBucket" SET "count" = "count" - 1
      WHERE "key" = ${key} AND "expiresAt" = ${expiresAt} AND "count" > 0`;
  }
}

/**
 * Checks several rules (e.g. per IP and per email); any may refuse. A refused request is
 * counted nowhere (its units are given back): a client past its per-IP limit cannot go on
 * spending other people's per-email limits, so it cannot lock out more accounts.
 */
export async function consumeRateLimits(
  checks: { rule: RateLimitRule; subject: string | null | undefined }[],
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<RateLimitResult> {
  const results = await Promise.all(
    checks.filter((c) => c.subject).map((c) => consumeRateLimit(c.rule, c.subject!, options)),
  );
  const counted = results.flatMap((r) => r.counted);
  const refused = results.filter((r) => !r.allowed);
  if (refused.length > 0) {
    await refundRateLimits(counted, options);
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(...refused.map((r) => r.retryAfterSeconds)), counted: [] };
  }
  return { allowed: true, remaining: Math.min(...results.map((r) => r.remaining), Infinity), retryAfterSeconds: 0, counted };
}

/** Drops finished windows; called now and then, never on a request's critical path. */
export async function pruneRateLimits(options: { db?: PrismaClient; now?: Date } = {}): Promise<number> {
  const db = options.db ?? getDb();
  const { count } = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: options.now ?? new Date() } } });
  return count;
}

/** "in 3 minutes", "in 40 seconds": for messages people read. */
export function describeWait(seconds: number): string {
  if (seconds >= 90) return `in ${Math.ceil(seconds / 60)} minutes`;
  return `in ${seconds} seconds`;
}
