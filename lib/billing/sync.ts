// Writes a subscription's full current state, read from Stripe, into the mirror table.
// Every writer (webhooks, the checkout success page, the seed) goes through here, under
// a per-subscription advisory lock, and reads Stripe inside the lock: whatever order
// events arrive in, the last write carries Stripe's latest state.
import 'server-only';
import type Stripe from 'stripe';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { queueWelcome, startsMembership } from '@/lib/lifecycle/welcome';
import { getStripe } from './stripe-client';

type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export interface SyncOptions {
  db?: PrismaClient;
  stripe?: Stripe;
  /** The user the caller knows this subscription belongs to (checkout's client_reference_id). */
  userIdHint?: string | null;
}

export type SyncResult = { synced: true; userId: string; status: string } | { synced: false; reason: 'unknown-customer' };

/** Runs fn in a transaction holding a lock on key: concurrent writers of one subscription queue up. */
export async function withBillingLock<R>(db: PrismaClient, key: string, fn: (tx: Tx) => Promise<R>): Promise<R> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`billing:${key}`}, 0))`;
      return fn(tx);
    },
    { maxWait: 20_000, timeout: 30_000 },
  );
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

/** The mirror row for a Stripe subscription object. */
export function subscriptionRow(sub: Stripe.Subscription) {
  const item = sub.items.data[0];
  if (!item) throw new Error(`Subscription ${sub.id} has no items`);
  const currentPeriodEnd = new Date(item.current_period_end * 1000);
  // Newer API versions schedule cancellations with cancel_at; treat one at or before the
  // period end the same as cancel_at_period_end.
  const cancelAt = fromUnix(sub.cancel_at);
  return {
    customerId: idOf(sub.customer)!,
    status: sub.status,
    priceId: item.price.id,
    interval: item.price.recurring?.interval ?? 'month',
    currentPeriodEnd,
    cancelAtPeriodEnd: sub.cancel_at_period_end || (cancelAt !== null && cancelAt <= currentPeriodEnd),
    canceledAt: fromUnix(sub.canceled_at),
    endedAt: fromUnix(sub.ended_at),
    trialEnd: fromUnix(sub.trial_end),
  };
}

async function findOwner(tx: Tx, customerId: string, candidates: (string | null | undefined)[]): Promise<string | null> {
  const byCustomer = await tx.user.findUnique({ where: { stripeCustomerId: customerId }, select: { id: true } });
  if (byCustomer) return byCustomer.id;
  for (const id of candidates) {
    if (!id) continue;
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, stripeCustomerId: true } });
    if (!user) continue;
    if (!user.stripeCustomerId) await tx.user.update({ where: { id }, data: { stripeCustomerId: customerId } });
    return user.id;
  }
  return null;
}

/** Re-reads the subscription from Stripe and stores it; call inside withBillingLock. */
export async function syncSubscriptionLocked(tx: Tx, stripe: Stripe, subscriptionId: string, userIdHint?: string | null): Promise<SyncResult> {
  const sub = await stripe.subscriptions.retrieve(subscriptionId);
  const row = subscriptionRow(sub);
  const userId = await findOwner(tx, row.customerId, [userIdHint, sub.metadata?.userId]);
  if (!userId) return { synced: false, reason: 'unknown-customer' };
  const previous = await tx.subscription.findUnique({ where: { id: sub.id }, select: { status: true } });
  await tx.subscription.upsert({ where: { id: sub.id }, create: { id: sub.id, userId, ...row }, update: { userId, ...row } });
  if (startsMembership(previous?.status ?? null, row.status)) await queueWelcome(tx, userId, sub);
  return { synced: true, userId, status: row.status };
}

export async function syncSubscription(subscriptionId: string, options: SyncOptions = {}): Promise<SyncResult> {
  const db = options.db ?? getDb();
  const stripe = options.stripe ?? getStripe();
  return withBillingLock(db, subscriptionId, (tx) => syncSubscriptionLocked(tx, stripe, subscriptionId, options.userIdHint));
}
