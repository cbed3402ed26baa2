// Who may see premium content right now: one decision on rows read in one place, used
// by every page, action, feed and media route (through lib/viewer's Viewer).
import 'server-only';
import { isStaffRole } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { Prisma, type PrismaClient } from '@/lib/db/generated/client';
import { utcFromJson } from '@/lib/db/json-rows';
import type { Role } from '@/lib/db/generated/enums';

export interface SubscriptionState {
  id: string;
  status: string;
  priceId: string;
  interval: string;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  endedAt: Date | null;
  trialEnd: Date | null;
}

export interface CompState {
  id: string;
  endsAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export type AccessSource = 'subscription' | 'comp' | 'staff';

export interface Entitlements {
  premium: boolean;
  /** What grants access (the first that applies), or null. */
  source: AccessSource | null;
  /** The subscription that matters most for the account page: the live one, else the latest. */
  subscription: SubscriptionState | null;
  /** The comp grant in force, if any. */
  comp: CompState | null;
  /** Renewal failed: access continues until the period ends; the member should fix the card. */
  paymentFailed: boolean;
  /** Access ends on this date unless something changes (cancel scheduled, past due, comp end). */
  accessEndsAt: Date | null;
}

/** Statuses in which Stripe still bills the member, so access holds until the period ends. */
function subscriptionGrantsAccess(sub: SubscriptionState, now: Date): boolean {
  switch (sub.status) {
    case 'active':
    case 'trialing':
      // A scheduled cancellation keeps access until the period it was paid for ends.
      return !sub.cancelAtPeriodEnd || now < sub.currentPeriodEnd;
    case 'past_due':
      // A failed renewal keeps access until the period ends; Stripe retries meanwhile.
      return now < sub.currentPeriodEnd;
    default:
      return false; // canceled, unpaid, incomplete, incomplete_expired, paused
  }
}

function compInForce(comp: CompState, now: Date): boolean {
  return comp.revokedAt === null && (comp.endsAt === null || now < comp.endsAt);
}

/** The rules, without the database: unit-tested directly. */
export function decideEntitlements(input: { role: Role; subscriptions: SubscriptionState[]; comps: CompState[]; now?: Date }): Entitlements {
  const now = input.now ?? new Date();
  const live = input.subscriptions.filter((s) => subscriptionGrantsAccess(s, now));
  // The live subscription with the latest period end, else the most recent one.
  const byPeriodEnd = (a: SubscriptionState, b: SubscriptionState) => b.currentPeriodEnd.getTime() - a.currentPeriodEnd.getTime();
  const subscription = [...live].sort(byPeriodEnd)[0] ?? [...input.subscriptions].sort(byPeriodEnd)[0] ?? null;
  const comp = input.comps.filter((c) => compInForce(c, now)).sort((a, b) => (b.endsAt?.getTime() ?? Infinity) - (a.endsAt?.getTime() ?? Infinity))[0] ?? null;
  const staff = isStaffRole(input.role);
  const source: AccessSource | null = live.length > 0 ? 'subscription' : comp ? 'comp' : staff ? 'staff' : null;
  const paymentFailed = subscription !== null && (subscription.status === 'past_due' || subscription.status === 'unpaid');
  let accessEndsAt: Date | null = null;
  if (source === 'subscription' && subscription && (subscription.cancelAtPeriodEnd || subscription.status === 'past_due')) accessEndsAt = subscription.currentPeriodEnd;
  if (source === 'comp' && comp) accessEndsAt = comp.endsAt;
  return { premium: source !== null, source, subscription, comp, paymentFailed, accessEndsAt };
}

// ---------------------------------------------------------------------------------------
// The one place entitlement rows are read: two JSON columns of whatever statement needs
// them (the request's viewer, a private feed poll, loadEntitlements below), so every
// path loads them in the same round trip as the rest and decides on the same rows.

/** Two columns, `subscriptions` and `comps`, for the user whose id is in `userIdColumn` (an SQL column reference, never input). */
export function entitlementRowsSql(userIdColumn: string): Prisma.Sql {
  const user = Prisma.raw(userIdColumn);
  return Prisma.sql`
    (SELECT json_agg(json_build_object('id', s."id", 'status', s."status", 'priceId', s."priceId", 'interval', s."interval",
       'currentPeriodEnd', s."currentPeriodEnd", 'cancelAtPeriodEnd', s."cancelAtPeriodEnd", 'endedAt', s."endedAt", 'trialEnd', s."trialEnd"))
     FROM "Subscription" s WHERE s."userId" = ${user}) AS "subscriptions",
    (SELECT json_agg(json_build_object('id', c."id", 'endsAt', c."endsAt", 'revokedAt', c."revokedAt", 'createdAt', c."createdAt"))
     FROM "CompGrant" c WHERE c."userId" = ${user} AND c."revokedAt" IS NULL) AS "comps"`;
}

type JsonRow = Record<string, unknown>;

/** What a statement using entitlementRowsSql returns for one user (with their role). */
export interface EntitlementRows {
  role: Role;
  subscriptions: JsonRow[] | null;
  comps: JsonRow[] | null;
}

/** decideEntitlements over the JSON columns of entitlementRowsSql. */
export function decideEntitlementsFromRows(input: EntitlementRows & { now?: Date }): Entitlements {
  const subscriptions: SubscriptionState[] = (input.subscriptions ?? []).map((s) => ({
    id: String(s.id),
    status: String(s.status),
    priceId: String(s.priceId),
    interval: String(s.interval),
    currentPeriodEnd: utcFromJson(s.currentPeriodEnd)!,
    cancelAtPeriodEnd: s.cancelAtPeriodEnd === true,
    endedAt: utcFromJson(s.endedAt),
    trialEnd: utcFromJson(s.trialEnd),
  }));
  const comps: CompState[] = (input.comps ?? []).map((c) => ({ id: String(c.id), endsAt: utcFromJson(c.endsAt), revokedAt: utcFromJson(c.revokedAt), createdAt: utcFromJson(c.createdAt)! }));
  return decideEntitlements({ role: input.role, subscriptions, comps, now: input.now });
}

/**
 * Any user's entitlements by id, fresh (one statement): for someone other than the
 * viewer (a notification's recipient, a private feed's owner), or right after a change.
 * The viewer's own come with getViewer (lib/viewer/viewer.ts). `db` is for tests and scripts.
 */
export async function loadEntitlements(userId: string, options: { db?: PrismaClient; now?: Date } = {}): Promise<Entitlements> {
  const db = options.db ?? getDb();
  const [row] = await db.$queryRaw<EntitlementRows[]>(Prisma.sql`
    SELECT u."role"::text AS "role", ${entitlementRowsSql('u."id"')} FROM "User" u WHERE u."id" = ${userId}`);
  return decideEntitlementsFromRows({ ...(row ?? { role: 'MEMBER', subscriptions: null, comps: null }), now: options.now });
}
