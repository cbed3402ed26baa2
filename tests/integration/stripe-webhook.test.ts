// The webhook under Stripe's delivery semantics: at least once, late, in any order.
// After each scenario the database must equal the emulator's subscription state.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureStripeCustomer } from '@/lib/billing/checkout';
import { getPlans } from '@/lib/billing/plans';
import { createStripeClient } from '@/lib/billing/stripe-client';
import { HANDLED_EVENTS, handleStripeWebhook } from '@/lib/billing/webhook';
import type { PrismaClient } from '@/lib/db/generated/client';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';
import { allEvents, deliver, mirrorAndTruth, startStripeHarness, subscribeThroughCheckout, WEBHOOK_SECRET, type StripeHarness } from '../helpers/stripe';

let db: TestDatabase;
let harness: StripeHarness;
let prisma: PrismaClient;
let stripe: Stripe;

beforeAll(async () => {
  [db, harness] = await Promise.all([createTestDatabase(), startStripeHarness()]);
  prisma = db.connection.prisma;
  stripe = harness.stripe;
});
afterAll(async () => {
  await harness?.close();
  await db?.drop();
});

let userCount = 0;
async function newUser() {
  userCount++;
  return prisma.user.create({ data: { email: `webhook-${userCount}-${Date.now()}@example.com`, name: `Webhook ${userCount}` }, select: { id: true, email: true, name: true, stripeCustomerId: true } });
}

/** A member who went through checkout; returns the events it caused, in Stripe's order. */
async function checkedOutMember() {
  const user = await newUser();
  return { user, ...(await subscribeThroughCheckout(stripe, prisma, user)) };
}

async function expectConverged(subscriptionId: string) {
  const { row, truth } = await mirrorAndTruth(stripe, prisma, subscriptionId);
  expect(row).toEqual(truth);
}

describe(`Stripe webhook on ${testDatabaseKind()}`, () => {
  it('refuses a bad or missing signature with 400 and changes nothing', async () => {
    const { events } = await checkedOutMember();
    const event = events[0];
    expect(await deliver(stripe, prisma, event, { signature: null })).toEqual({ status: 400, result: 'invalid-signature' });
    expect(await deliver(stripe, prisma, event, { signature: 't=1,v1=deadbeef' })).toEqual({ status: 400, result: 'invalid-signature' });
    // A valid signature over a different body is also refused.
    const tampered = JSON.stringify({ ...event, id: 'evt_forged' });
    const signedOriginal = stripe.webhooks.generateTestHeaderString({ payload: JSON.stringify(event), secret: WEBHOOK_SECRET });
    expect((await deliver(stripe, prisma, tampered, { signature: signedOriginal })).status).toBe(400);
    expect(await prisma.stripeEvent.count({ where: { id: { in: [event.id, 'evt_forged'] } } })).toBe(0);
    expect(await prisma.subscription.count({ where: { id: (event.data.object as { id: string }).id } })).toBe(0);
  });

  it('answers 200 to event types it does not handle, without recording them', async () => {
    const { events } = await checkedOutMember();
    const other = { ...events[0], id: 'evt_other_type', type: 'customer.created' } as Stripe.Event;
    expect(await deliver(stripe, prisma, other)).toEqual({ status: 200, result: 'ignored' });
  });

  it('applies the same event delivered three times once', async () => {
    const { events, subscriptionId, user } = await checkedOutMember();
    const completed = events.find((e) => e.type === 'checkout.session.completed')!;
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await deliver(stripe, prisma, completed)).result);
    expect(results).toEqual(['processed', 'duplicate', 'duplicate']);
    expect(await prisma.stripeEvent.count({ where: { id: completed.id } })).toBe(1);
    expect(await prisma.subscription.findMany({ where: { userId: user.id }, select: { id: true, status: true } })).toEqual([{ id: subscriptionId, status: 'active' }]);
    await expectConverged(subscriptionId);
  });

  it('emails the member once that the membership started, with its price in pounds', async () => {
    const { events, user } = await checkedOutMember();
    // Every event twice, out of order: the start is seen by exactly one sync.
    for (const event of [...events, ...[...events].reverse()]) expect((await deliver(stripe, prisma, event)).status).toBe(200);
    const sent = await prisma.outboxEmail.findMany({ where: { to: user.email, template: 'membership-started' }, select: { subject: true, text: true } });
    expect(sent).toHaveLength(1);
    expect(sent[0].text).toContain('Your plan: Monthly, £19 a month.');
    expect(sent[0].text).not.toContain('$');
  });

  it('converges when subscription.updated arrives before checkout.session.completed', async () => {
    const { events, subscriptionId } = await checkedOutMember();
    // The member switches plan right away: an update exists before we saw the checkout.
    const sub = await stripe.subscriptions.retrieve(subscriptionId);
    const annual = (await getPlans({ stripe })).find((p) => p.key === 'annual')!;
    await stripe.subscriptions.update(subscriptionId, { items: [{ id: sub.items.data[0].id, price: annual.priceId }] });
    const all = (await allEvents(stripe)).filter((e) => JSON.stringify(e.data.object).includes(subscriptionId));
    const updated = all.filter((e) => e.type === 'customer.subscription.updated');
    const completed = events.find((e) => e.type === 'checkout.session.completed')!;
    expect(updated.length).toBeGreaterThan(0);
    for (const event of [...updated, completed, ...events.filter((e) => e !== completed)]) expect((await deliver(stripe, prisma, event)).status).toBe(200);
    await expectConverged(subscriptionId);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId } })).interval).toBe('year');
  });

  it('converges when subscription.deleted arrives before subscription.updated', async () => {
    const { events, subscriptionId } = await checkedOutMember();
    await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    await harness.emulator.advanceSubscription(subscriptionId);
    const later = (await allEvents(stripe)).filter((e) => !events.some((x) => x.id === e.id) && JSON.stringify(e.data.object).includes(subscriptionId));
    const deleted = later.filter((e) => e.type === 'customer.subscription.deleted');
    const rest = later.filter((e) => e.type !== 'customer.subscription.deleted');
    expect(deleted).toHaveLength(1);
    for (const event of [...deleted, ...rest.reverse(), ...events]) expect((await deliver(stripe, prisma, event)).status).toBe(200);
    await expectConverged(subscriptionId);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId } })).status).toBe('canceled');
  });

  it('records nothing when handling fails, so Stripe’s retry applies the event once', async () => {
    const { events, subscriptionId } = await checkedOutMember();
    const completed = events.find((e) => e.type === 'checkout.session.completed')!;
    // Stripe's API unreachable while handling (nothing listens on port 9).
    const unreachable = createStripeClient('sk_test_unreachable', 'http://127.0.0.1:9');
    await expect(deliver(stripe, prisma, completed, { stripe: unreachable })).rejects.toThrow();
    expect(await prisma.stripeEvent.count({ where: { id: completed.id } })).toBe(0);
    expect(await prisma.subscription.count({ where: { id: subscriptionId } })).toBe(0);
    expect((await deliver(stripe, prisma, completed)).result).toBe('processed');
    expect((await deliver(stripe, prisma, completed)).result).toBe('duplicate');
    await expectConverged(subscriptionId);
  });

  it('processes one event once when two app instances receive it at the same moment', async () => {
    const { events, subscriptionId } = await checkedOutMember();
    const instances = db.kind === 'postgres' ? [prisma, db.openAnother().prisma] : [prisma, prisma];
    for (const event of events) {
      const results = await Promise.all(instances.map((instance) => deliver(stripe, instance, event)));
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const expected = HANDLED_EVENTS.has(event.type) ? ['duplicate', 'processed'] : ['ignored', 'ignored'];
      expect(results.map((r) => r.result).sort()).toEqual(expected);
    }
    await expectConverged(subscriptionId);
  });

  it('converges under every delivery order of a subscription’s whole life', async () => {
    const { events, subscriptionId } = await checkedOutMember();
    await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: false });
    await harness.emulator.advanceSubscription(subscriptionId);
    const life = (await allEvents(stripe)).filter((e) => JSON.stringify(e.data.object).includes(subscriptionId) || events.some((x) => x.id === e.id));
    // Shuffled deterministically, with every event twice.
    let seed = 7;
    const shuffled = [...life, ...life].sort(() => ((seed = (seed * 16807) % 2147483647) % 3) - 1);
    for (const event of shuffled) expect((await deliver(stripe, prisma, event)).status).toBe(200);
    await expectConverged(subscriptionId);
  });

  it('links the customer to the user once, even when two checkouts start together', async () => {
    const user = await newUser();
    const ids = await Promise.all([ensureStripeCustomer(user, { db: prisma, stripe }), ensureStripeCustomer(user, { db: prisma, stripe })]);
    expect(ids[0]).toBe(ids[1]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).stripeCustomerId).toBe(ids[0]);
  });
});

describe(`Stripe's own deliveries on ${testDatabaseKind()}`, () => {
  it('end in Stripe’s state with every event duplicated, shuffled, and its first try failed', async () => {
    // The emulator delivers to the handler itself, with every switch on.
    const seen: string[] = [];
    harness.emulator.setWebhookTarget(async (request) => {
      const body = await request.text();
      const outcome = await handleStripeWebhook(body, request.headers.get('stripe-signature'), { db: prisma, stripe, webhookSecret: WEBHOOK_SECRET });
      seen.push(outcome.result);
      return Response.json(outcome, { status: outcome.status });
    });
    harness.emulator.setWebhookBehaviour({ duplicates: 1, shuffle: true, failFirst: true, delayMs: 0 });
    try {
      const { subscriptionId } = await checkedOutMember();
      await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
      await harness.emulator.advanceSubscription(subscriptionId);
      await harness.emulator.flush();
      expect(seen.filter((r) => r === 'processed').length).toBeGreaterThan(0);
      expect(seen).toContain('duplicate');
      expect(seen).not.toContain('invalid-signature');
      await expectConverged(subscriptionId);
      expect((await prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId } })).status).toBe('canceled');
    } finally {
      harness.emulator.setWebhookTarget(undefined);
      harness.emulator.setWebhookBehaviour({ duplicates: 0, shuffle: false, failFirst: false, delayMs: 0 });
    }
  });
});
