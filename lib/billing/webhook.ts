// Stripe webhooks: verify, then make the database equal Stripe's current state.
// Stripe delivers at least once, late and in any order, so handlers never trust the
// event's snapshot: they re-read the subscription (lib/billing/sync.ts). Each event id
// is recorded in the same transaction as its effect, so a failure leaves no trace and
// Stripe's retry runs it again, exactly once.
import 'server-only';
import type Stripe from 'stripe';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { env } from '@/lib/env';
import { queueCardFailed } from '@/lib/lifecycle/card-failed';
import { getStripe } from './stripe-client';
import { syncSubscriptionLocked, withBillingLock } from './sync';

export const HANDLED_EVENTS = new Set([
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
]);

/**
 * How far a signature's timestamp may be from now. Stripe's SDK refuses one older than
 * this (replays); one dated further ahead is refused here (a signed event held back for
 * later, or a sender's clock far off).
 */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The timestamp the SDK verified: the header's last `t=` (as Stripe's own parser reads it). */
function signedTimestamp(header: string): number {
  const values = header.split(',').filter((item) => item.split('=')[0] === 't');
  return values.length ? Number.parseInt(values[values.length - 1].split('=')[1], 10) : Number.NaN;
}

export interface WebhookOptions {
  db?: PrismaClient;
  stripe?: Stripe;
  webhookSecret?: string;
}

export type WebhookOutcome =
  | { status: 400; result: 'invalid-signature' }
  | { status: 200; result: 'ignored' | 'duplicate' | 'processed' | 'no-subscription' | 'unknown-customer' }
  | { status: 503; result: 'not-configured' };

/** The subscription an event is about, and the user the event itself names (if any). */
function subjectOf(event: Stripe.Event): { subscriptionId: string | null; userIdHint: string | null } {
  const idOf = (v: string | { id: string } | null | undefined) => (v ? (typeof v === 'string' ? v : v.id) : null);
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      return { subscriptionId: session.mode === 'subscription' ? idOf(session.subscription) : null, userIdHint: session.client_reference_id };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return { subscriptionId: event.data.object.id, userIdHint: null };
    case 'invoice.paid':
    case 'invoice.payment_failed':
      return { subscriptionId: idOf(event.data.object.parent?.subscription_details?.subscription), userIdHint: null };
    default:
      return { subscriptionId: null, userIdHint: null };
  }
}

export async function handleStripeWebhook(rawBody: string, signature: string | null, options: WebhookOptions = {}): Promise<WebhookOutcome> {
  const secret = options.webhookSecret ?? env.STRIPE_WEBHOOK_SECRET;
  if (!secret) return { status: 503, result: 'not-configured' };
  const stripe = options.stripe ?? getStripe();
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature ?? '', secret, SIGNATURE_TOLERANCE_SECONDS);
  } catch {
    return { status: 400, result: 'invalid-signature' };
  }
  const aheadSeconds = signedTimestamp(signature ?? '') - Math.floor(Date.now() / 1000);
  if (!(aheadSeconds <= SIGNATURE_TOLERANCE_SECONDS)) return { status: 400, result: 'invalid-signature' };
  if (!HANDLED_EVENTS.has(event.type)) return { status: 200, result: 'ignored' };

  const db = options.db ?? getDb();
  // Cheap early exit for the common duplicate; the insert below is the real guard.
  if (await db.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } })) return { status: 200, result: 'duplicate' };

  const { subscriptionId, userIdHint } = subjectOf(event);
  // Throws on any failure: the transaction rolls back, the route answers 500, Stripe retries.
  return withBillingLock(db, subscriptionId ?? event.id, async (tx) => {
    const inserted = await tx.$executeRaw`INSERT INTO "StripeEvent" ("id", "type") VALUES (${event.id}, ${event.type}) ON CONFLICT ("id") DO NOTHING`;
    if (inserted === 0) return { status: 200, result: 'duplicate' } as const;
    if (!subscriptionId) return { status: 200, result: 'no-subscription' } as const;
    const synced = await syncSubscriptionLocked(tx, stripe, subscriptionId, userIdHint);
    if (!synced.synced) console.warn(`Stripe event ${event.id}: no user for the subscription's customer; recorded and skipped`);
    // In this transaction: a retried delivery of the event finds it recorded and sends nothing.
    else if (event.type === 'invoice.payment_failed') await queueCardFailed(tx, { userId: synced.userId, status: synced.status, invoice: event.data.object });
    return { status: 200, result: synced.synced ? 'processed' : 'unknown-customer' } as const;
  });
}
