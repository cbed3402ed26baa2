// Webhook throughput: a subscription's life events (created, checkout, plan switches,
// cancellations, renewals, ends) for many members, delivered with 30% duplicates in a
// shuffled order, 8 at a time, through the real handler (signature check, event record,
// Stripe re-read, write) against a real database and the Stripe emulator. Then the end
// state is checked: every mirror row must equal the emulator's subscription.
// Baseline, side by side: the same deliveries through signature verification alone,
// the floor cost of any correct webhook endpoint.
// Run by bench/run.ts with --conditions=react-server (lib/ modules are server-only).
import crypto from 'node:crypto';
import { openBenchDatabase, runBenchmark, timeConcurrently } from './harness';
import type Stripe from 'stripe';
import { createStripeClient } from '../lib/billing/stripe-client';
import { subscriptionRow } from '../lib/billing/sync';
import { HANDLED_EVENTS, handleStripeWebhook } from '../lib/billing/webhook';
import { startStripeEmulator } from '../tools/stripe-emulator';

const MEMBERS = Number(process.env.BENCH_WEBHOOK_MEMBERS ?? 60);
const DUPLICATE_SHARE = 0.3;
const CONCURRENCY = 8;
const SECRET = `whsec_${crypto.randomBytes(16).toString('hex')}`;


/** Deterministic shuffle (the run is repeatable). */
function shuffle<T>(items: T[], seed = 42): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 16807) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function main() {
  const [{ connection, label, drop }, emulator] = await Promise.all([openBenchDatabase('bench_webhooks'), startStripeEmulator({ webhookSecret: SECRET })]);
  const prisma = connection.prisma;
  const stripe = createStripeClient(emulator.apiKey, emulator.url);
  try {
    const prices = (await stripe.prices.list({ active: true, lookup_keys: ['membership_monthly', 'membership_annual'] })).data;
    const [monthly, annual] = ['membership_monthly', 'membership_annual'].map((k) => prices.find((p) => p.lookup_key === k)!);
    const subscriptionIds: string[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      const user = await prisma.user.create({ data: { email: `bench-${i}@example.com`, name: `Bench ${i}` } });
      const customer = await stripe.customers.create({ email: user.email, metadata: { userId: user.id } });
      await prisma.user.update({ where: { id: user.id }, data: { stripeCustomerId: customer.id } });
      const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }], metadata: { userId: user.id } });
      subscriptionIds.push(sub.id);
      // A life: switch plan, schedule a cancellation, take it back, renew; some end.
      await stripe.subscriptions.update(sub.id, { items: [{ id: sub.items.data[0].id, price: annual.id }] });
      await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
      if (i % 3 !== 0) await stripe.subscriptions.update(sub.id, { cancel_at_period_end: false });
      await emulator.advanceSubscription(sub.id);
    }
    const events: Stripe.Event[] = [];
    for await (const event of stripe.events.list({ limit: 100 })) events.push(event);
    const payloads = events.map((e) => JSON.stringify(e));
    // 30% of all deliveries are repeats of an event already in the list.
    const duplicates = Math.round((payloads.length * DUPLICATE_SHARE) / (1 - DUPLICATE_SHARE));
    const repeats = shuffle(payloads, 7);
    const deliveries = shuffle([...payloads, ...Array.from({ length: duplicates }, (_, i) => repeats[i % repeats.length])]);
    const signed = deliveries.map((payload) => ({ payload, signature: stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }) }));

    let baselineFailures = 0;
    const baselineSeconds = await timeConcurrently(signed.length, CONCURRENCY, async (i) => {
      const { payload, signature } = signed[i];
      try {
        stripe.webhooks.constructEvent(payload, signature, SECRET);
      } catch {
        baselineFailures++;
      }
    });

    const outcomes = new Map<string, number>();
    let failures = 0;
    const handlerSeconds = await timeConcurrently(signed.length, CONCURRENCY, async (i) => {
      const { payload, signature } = signed[i];
      try {
        const outcome = await handleStripeWebhook(payload, signature, { db: prisma, stripe, webhookSecret: SECRET });
        outcomes.set(outcome.result, (outcomes.get(outcome.result) ?? 0) + 1);
      } catch {
        failures++;
      }
    });

    // End state: every subscription exactly as Stripe has it.
    let mismatches = 0;
    for (const id of subscriptionIds) {
      const truth = subscriptionRow(await stripe.subscriptions.retrieve(id));
      const row = await prisma.subscription.findUnique({ where: { id } });
      const same = row && (Object.keys(truth) as (keyof typeof truth)[]).every((k) => String(row[k]) === String(truth[k]));
      if (!same) mismatches++;
    }
    const recorded = await prisma.stripeEvent.count();
    const handled = events.filter((e) => HANDLED_EVENTS.has(e.type)).length;

    const perSecond = (n: number, s: number) => n / s;
    const baseRate = perSecond(signed.length, baselineSeconds);
    const rate = perSecond(signed.length, handlerSeconds);
    console.log(`\nStripe webhooks: ${events.length} events of ${MEMBERS} subscriptions, ${signed.length} deliveries (${signed.length - payloads.length} duplicates, ${(((signed.length - payloads.length) / signed.length) * 100).toFixed(0)}%), shuffled, ${CONCURRENCY} at a time. Database: ${label}.`);
    console.log(`${'handler'.padEnd(62)}${'events/s'.padStart(10)}${'vs base'.padStart(10)}${'errors'.padStart(8)}`);
    console.log(`${'baseline: signature verification only'.padEnd(62)}${baseRate.toFixed(0).padStart(10)}${'1.00x'.padStart(10)}${String(baselineFailures).padStart(8)}`);
    console.log(`${'webhook handler (verify, record, re-read Stripe, write)'.padEnd(62)}${rate.toFixed(0).padStart(10)}${`${(rate / baseRate).toFixed(4)}x`.padStart(10)}${String(failures).padStart(8)}`);
    console.log(`outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}; each handled event recorded once: ${recorded} of ${handled}`);
    const exact = mismatches === 0 && failures === 0 && recorded === handled;
    console.log(`end state: ${mismatches === 0 ? `all ${subscriptionIds.length} subscriptions equal Stripe's` : `${mismatches} of ${subscriptionIds.length} subscriptions DIFFER from Stripe's`}`);
    console.log(`target >= 200 events/s with 30% duplicates and an exact end state: ${rate >= 200 && exact ? 'met' : 'NOT met'} (${rate.toFixed(0)} events/s)`);
  } finally {
    await emulator.close();
    await drop();
  }
}

runBenchmark(main);
