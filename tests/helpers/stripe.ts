// Billing test helpers: the Stripe emulator in this process, the real SDK pointed at
// it, and webhook deliveries signed exactly as Stripe signs them.
import type Stripe from 'stripe';
import { afterAll, beforeAll } from 'vitest';
import { createCheckoutSession } from '@/lib/billing/checkout';
import { getPlans } from '@/lib/billing/plans';
import { createStripeClient } from '@/lib/billing/stripe-client';
import { subscriptionRow } from '@/lib/billing/sync';
import { handleStripeWebhook } from '@/lib/billing/webhook';
import type { PrismaClient } from '@/lib/db/generated/client';
import { startStripeEmulator, TEST_CARDS, type StripeEmulator } from '../../tools/stripe-emulator';
import { createTestDatabase, type TestDatabase } from './database';

export const WEBHOOK_SECRET = 'whsec_test_integration_secret';

export interface StripeHarness {
  emulator: StripeEmulator;
  stripe: Stripe;
  close(): Promise<void>;
}

export async function startStripeHarness(): Promise<StripeHarness> {
  const emulator = await startStripeEmulator({ webhookSecret: WEBHOOK_SECRET });
  const stripe = createStripeClient(emulator.apiKey, emulator.url);
  return { emulator, stripe, close: () => emulator.close() };
}

export interface StripeTestBed {
  db: TestDatabase;
  harness: StripeHarness;
  prisma: PrismaClient;
  stripe: Stripe;
}

/** A fresh database and a Stripe emulator for the calling test file: opened before its tests, closed after them. */
export function stripeTestBed(): StripeTestBed {
  const bed = {} as StripeTestBed;
  beforeAll(async () => {
    [bed.db, bed.harness] = await Promise.all([createTestDatabase(), startStripeHarness()]);
    bed.prisma = bed.db.connection.prisma;
    bed.stripe = bed.harness.stripe;
  });
  afterAll(async () => {
    await bed.harness?.close();
    await bed.db?.drop();
  });
  return bed;
}

/** Signs an event's JSON as Stripe does and hands it to the webhook handler. */
export function deliver(stripe: Stripe, db: PrismaClient, event: Stripe.Event | string, options: { signature?: string | null; stripe?: Stripe } = {}) {
  const payload = typeof event === 'string' ? event : JSON.stringify(event);
  const signature = options.signature === undefined ? stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) : options.signature;
  return handleStripeWebhook(payload, signature, { db, stripe: options.stripe ?? stripe, webhookSecret: WEBHOOK_SECRET });
}

/** Every event the emulator has created, oldest first. */
export async function allEvents(stripe: Stripe): Promise<Stripe.Event[]> {
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) events.push(event);
  return events.reverse();
}

/** Pays a hosted checkout page like a person: POST the form with a test card. */
export async function payCheckout(checkoutUrl: string, card: keyof typeof TEST_CARDS = 'success'): Promise<Response> {
  return fetch(checkoutUrl, { method: 'POST', body: new URLSearchParams({ cardNumber: TEST_CARDS[card] }), redirect: 'manual' });
}

/** The mirror row must equal what Stripe says now. */
export async function mirrorAndTruth(stripe: Stripe, db: PrismaClient, subscriptionId: string) {
  const truth = subscriptionRow(await stripe.subscriptions.retrieve(subscriptionId));
  const row = await db.subscription.findUnique({
    where: { id: subscriptionId },
    select: { customerId: true, status: true, priceId: true, interval: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, canceledAt: true, endedAt: true, trialEnd: true },
  });
  return { row, truth };
}

/** A user goes through monthly checkout and pays (with `card`); returns the events it caused, in Stripe's order (not yet delivered). */
export async function subscribeThroughCheckout(
  stripe: Stripe,
  db: PrismaClient,
  user: { id: string; email: string; name: string | null; stripeCustomerId: string | null },
  card: keyof typeof TEST_CARDS = 'success',
) {
  const before = new Set((await allEvents(stripe)).map((e) => e.id));
  const monthly = (await getPlans({ stripe })).find((p) => p.key === 'monthly')!;
  const url = await createCheckoutSession(user, monthly, { db, stripe });
  const paid = await payCheckout(url, card);
  if (paid.status !== 303) throw new Error(`checkout answered ${paid.status}`);
  const events = (await allEvents(stripe)).filter((e) => !before.has(e.id));
  const subscriptionId = (events.find((e) => e.type === 'customer.subscription.created')!.data.object as Stripe.Subscription).id;
  return { events, subscriptionId };
}
