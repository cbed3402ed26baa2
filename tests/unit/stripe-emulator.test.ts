// The Stripe emulator, driven through the real Stripe SDK and its hosted pages, with webhooks
// verified by the SDK's own signature check.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { addInterval } from '../../tools/stripe-emulator/billing';
import { parseForm } from '../../tools/stripe-emulator/form-encoding';
import { DEFAULT_PRICE_LOOKUP_KEYS, PRICE_IDS, startStripeEmulator, TEST_CARDS, type StripeEmulator, type StripeEmulatorOptions } from '../../tools/stripe-emulator';

const SECRET = 'whsec_unit_test_secret';
const DAY = 86400;

interface Harness {
  emulator: StripeEmulator;
  stripe: Stripe;
  /** Verified events in the order the in-process webhook handler received them. */
  received: Stripe.Event[];
  /** HTTP status the handler answers for an event (default 200). */
  respond: (event: Stripe.Event) => number;
}

const open: StripeEmulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

function client(emulator: StripeEmulator, key = emulator.apiKey): Stripe {
  return new Stripe(key, { host: '127.0.0.1', port: emulator.port, protocol: 'http', maxNetworkRetries: 0 });
}

async function start(options: StripeEmulatorOptions = {}, withReceiver = true): Promise<Harness> {
  const harness = { received: [] as Stripe.Event[], respond: () => 200 } as unknown as Harness;
  const verifier = new Stripe('sk_test_verifier');
  const emulator = await startStripeEmulator({
    webhookSecret: SECRET,
    ...(withReceiver
      ? {
          webhookTarget: async (request: Request) => {
            const raw = await request.text();
            // Throws unless the body is signed with SECRET exactly as Stripe signs it.
            const event = verifier.webhooks.constructEvent(raw, request.headers.get('stripe-signature') ?? '', SECRET);
            harness.received.push(event);
            return new Response(null, { status: harness.respond(event) });
          },
        }
      : {}),
    ...options,
  });
  open.push(emulator);
  harness.emulator = emulator;
  harness.stripe = client(emulator);
  return harness;
}

async function newCustomer(stripe: Stripe, email = `member-${Math.random().toString(36).slice(2)}@example.com`) {
  return stripe.customers.create({ email, name: 'Test Member', metadata: { userId: 'user_1' } });
}

async function newCheckout(stripe: Stripe, customer: string, extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  return stripe.checkout.sessions.create({
    mode: 'subscription',
    customer,
    client_reference_id: 'user_1',
    line_items: [{ price: PRICE_IDS.monthly, quantity: 1 }],
    allow_promotion_codes: true,
    success_url: 'http://127.0.0.1:3000/membership/welcome?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://127.0.0.1:3000/pricing?cancelled=1',
    metadata: { userId: 'user_1' },
    subscription_data: { metadata: { userId: 'user_1' } },
    ...extra,
  });
}

function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
}

/** A member who paid through the hosted checkout page. */
async function subscribed(h: Harness, card: string = TEST_CARDS.success, extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  const customer = await newCustomer(h.stripe);
  const session = await newCheckout(h.stripe, customer.id, extra);
  const response = await postForm(session.url!, { cardNumber: card });
  expect(response.status).toBe(303);
  const completed = await h.stripe.checkout.sessions.retrieve(session.id);
  const subscription = await h.stripe.subscriptions.retrieve(completed.subscription as string);
  await h.emulator.flush();
  return { customer, session: completed, subscription };
}

async function portal(h: Harness, customer: string) {
  const session = await h.stripe.billingPortal.sessions.create({ customer, return_url: 'http://127.0.0.1:3000/account' });
  return session.url;
}

const types = (events: Stripe.Event[]) => events.map((e) => e.type);
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('authentication and errors', () => {
  it('answers 401 in Stripe’s error shape without a key or with a non-test key', async () => {
    const { emulator } = await start();
    const response = await fetch(`${emulator.url}/v1/customers`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/did not provide an API key/);

    const live = client(emulator, 'sk_live_0123456789abcdefghij');
    await expect(live.customers.list()).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
    // Any test key works, not just the conventional one.
    await expect(client(emulator, 'sk_test_anything_else').prices.list()).resolves.toMatchObject({ object: 'list' });
  });

  it('answers 404 resource_missing for unknown ids', async () => {
    const { stripe } = await start();
    for (const call of [() => stripe.subscriptions.retrieve('sub_missing'), () => stripe.customers.retrieve('cus_missing'), () => stripe.invoices.retrieve('in_missing')]) {
      await expect(call()).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 404, code: 'resource_missing' });
    }
    await expect(stripe.subscriptions.retrieve('sub_missing')).rejects.toThrow("No such subscription: 'sub_missing'");
  });

  it('answers 400 for unknown, missing and malformed parameters', async () => {
    const { stripe } = await start();
    await expect(stripe.customers.create({ emial: 'typo@example.com' } as Stripe.CustomerCreateParams)).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'emial',
    });
    const customer = await newCustomer(stripe);
    await expect(newCheckout(stripe, customer.id, { line_items: [{ price: PRICE_IDS.monthly }] })).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'line_items[0][quantity]',
    });
    await expect(newCheckout(stripe, customer.id, { line_items: [{ price: 'price_nope', quantity: 1 }] })).rejects.toMatchObject({ statusCode: 404, param: 'line_items[0][price]' });
    await expect(newCheckout(stripe, customer.id, { success_url: 'not a url' })).rejects.toMatchObject({ statusCode: 400, param: 'success_url' });
    await expect(stripe.customers.create({ email: 'not-an-email' })).rejects.toMatchObject({ statusCode: 400, code: 'email_invalid' });
  });
});

describe('products, prices and customers', () => {
  it('lists the seeded prices by lookup key, with the product expanded', async () => {
    const { stripe } = await start();
    const prices = await stripe.prices.list({ active: true, lookup_keys: [...DEFAULT_PRICE_LOOKUP_KEYS], expand: ['data.product'] });
    const byKey = Object.fromEntries(prices.data.map((p) => [p.lookup_key, p]));
    expect(byKey.membership_monthly).toMatchObject({ id: 'price_membership_monthly', unit_amount: 1900, currency: 'gbp', recurring: { interval: 'month', interval_count: 1 } });
    expect(byKey.membership_annual).toMatchObject({ id: 'price_membership_annual', unit_amount: 19000, recurring: { interval: 'year' } });
    expect((byKey.membership_monthly.product as Stripe.Product).name).toBe('Steady Spine membership');

    const annualOnly = await stripe.prices.list({ lookup_keys: ['membership_annual'] });
    expect(annualOnly.data.map((p) => p.id)).toEqual(['price_membership_annual']);
    expect(annualOnly.data[0].product).toBe('prod_membership');
    expect((await stripe.prices.retrieve('price_membership_monthly', { expand: ['product'] })).product).toMatchObject({ id: 'prod_membership', object: 'product' });
    expect(await stripe.products.retrieve('prod_membership')).toMatchObject({ object: 'product', livemode: false, name: 'Steady Spine membership' });
  });

  it('creates, retrieves and updates customers; metadata merges like Stripe', async () => {
    const { stripe } = await start();
    const created = await stripe.customers.create({ email: 'ann@example.com', name: 'Ann', metadata: { userId: 'u1', plan: 'x' } });
    expect(created).toMatchObject({ object: 'customer', email: 'ann@example.com', name: 'Ann', livemode: false });
    expect(created.id).toMatch(/^cus_/);
    const updated = await stripe.customers.update(created.id, { name: 'Ann B', metadata: { plan: '', extra: 'y' } });
    expect(updated.metadata).toEqual({ userId: 'u1', extra: 'y' });
    expect((await stripe.customers.retrieve(created.id)) as Stripe.Customer).toMatchObject({ name: 'Ann B', metadata: { userId: 'u1', extra: 'y' } });
    const update = (await stripe.events.list({ type: 'customer.updated' })).data[0];
    expect(update.data.previous_attributes).toMatchObject({ name: 'Ann', metadata: { plan: 'x', extra: null } });
  });

  it('honours Idempotency-Key: same key and body give the same object, another body is refused', async () => {
    const { stripe } = await start();
    const first = await stripe.customers.create({ email: 'same@example.com' }, { idempotencyKey: 'customer-for-user-1' });
    const again = await stripe.customers.create({ email: 'same@example.com' }, { idempotencyKey: 'customer-for-user-1' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await stripe.customers.list({ email: 'same@example.com' })).data).toHaveLength(1);
    await expect(stripe.customers.create({ email: 'other@example.com' }, { idempotencyKey: 'customer-for-user-1' })).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      statusCode: 400,
    });
  });
});

describe('hosted checkout', () => {
  it('shows an accessible page with the plan, price, email and test cards', async () => {
    const { stripe, emulator } = await start();
    const customer = await newCustomer(stripe, 'page@example.com');
    const session = await newCheckout(stripe, customer.id);
    expect(session).toMatchObject({ object: 'checkout.session', status: 'open', payment_status: 'unpaid', mode: 'subscription', client_reference_id: 'user_1' });
    expect(session.url).toBe(`${emulator.publicUrl}/checkout/${session.id}`);
    const response = await fetch(session.url!);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Stripe emulator: test mode, no real payments');
    expect(page).toMatch(/<main>[\s\S]*<h1>Subscribe to Steady Spine membership<\/h1>/);
    expect(page).toContain('Monthly membership');
    expect(page).toContain('£19.00 per month');
    expect(page).toContain('page@example.com');
    expect(page).toContain('<label for="card-number">Card number</label>');
    expect(page).toMatch(/id="card-number" name="cardNumber"[^>]*aria-describedby="card-hint"/);
    for (const card of ['4242 4242 4242 4242', '4000 0000 0000 0002', '4000 0000 0000 0341']) expect(page).toContain(card);
    expect(page).toContain('<label for="promotion-code">Promotion code (optional)</label>');
    expect(page).toContain('<a href="http://127.0.0.1:3000/pricing?cancelled=1">Back</a>');
    expect(page).toContain('<meta name="viewport"');
    expect((await fetch(`${emulator.url}/checkout/cs_test_unknown`)).status).toBe(404);
  });

  it('a declined card gets 402 and changes nothing; a good card subscribes and emits one ordered batch', async () => {
    const h = await start();
    const customer = await newCustomer(h.stripe);
    const session = await newCheckout(h.stripe, customer.id);
    await h.emulator.flush();
    h.received.length = 0;

    const declined = await postForm(session.url!, { cardNumber: TEST_CARDS.decline });
    expect(declined.status).toBe(402);
    const declinedPage = await declined.text();
    expect(declinedPage).toMatch(/role="alert"[\s\S]*Your card was declined\./);
    expect(declinedPage).toContain('aria-invalid="true"');
    await h.emulator.flush();
    expect(h.received).toEqual([]);
    expect((await h.stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data).toEqual([]);
    expect(await h.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'open', payment_status: 'unpaid', subscription: null });

    const paid = await postForm(session.url!, { cardNumber: '4242 4242 4242 4242' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://127.0.0.1:3000/membership/welcome?session_id=${session.id}`);

    const completed = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ['subscription', 'subscription.latest_invoice'] });
    expect(completed).toMatchObject({ status: 'complete', payment_status: 'paid', customer: customer.id, url: null });
    const subscription = completed.subscription as Stripe.Subscription;
    expect(subscription).toMatchObject({ object: 'subscription', status: 'active', customer: customer.id, metadata: { userId: 'user_1' }, cancel_at_period_end: false });
    const item = subscription.items.data[0];
    expect(item.price).toMatchObject({ id: PRICE_IDS.monthly, object: 'price', unit_amount: 1900 });
    expect(item.current_period_end).toBe(addInterval(item.current_period_start, 'month'));
    expect(Math.abs(item.current_period_start - nowSeconds())).toBeLessThan(60);
    const invoice = subscription.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ object: 'invoice', status: 'paid', amount_paid: 1900, billing_reason: 'subscription_create' });
    expect(invoice.parent).toMatchObject({ type: 'subscription_details', subscription_details: { subscription: subscription.id } });

    await h.emulator.flush();
    expect(types(h.received)).toEqual(['customer.subscription.created', 'invoice.paid', 'checkout.session.completed']);
    const [created, invoicePaid, checkoutCompleted] = h.received;
    expect((created.data.object as Stripe.Subscription).id).toBe(subscription.id);
    expect((invoicePaid.data.object as Stripe.Invoice).id).toBe(invoice.id);
    expect(checkoutCompleted.data.object).toMatchObject({ id: session.id, status: 'complete', subscription: subscription.id, client_reference_id: 'user_1' });
    expect(checkoutCompleted).toMatchObject({ object: 'event', api_version: '2026-10-28.endive', livemode: false, request: { id: null } });

    // Submitting again (double click, back button) charges nothing.
    const again = await postForm(session.url!, { cardNumber: TEST_CARDS.success });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already complete');
    expect((await h.stripe.subscriptions.list({ customer: customer.id })).data).toHaveLength(1);
  });

  it('creates the customer at checkout when given only an email, or asks for one', async () => {
    const h = await start();
    const base: Stripe.Checkout.SessionCreateParams = { mode: 'subscription', line_items: [{ price: PRICE_IDS.monthly, quantity: 1 }], success_url: 'http://127.0.0.1:3000/ok' };
    const withEmail = await h.stripe.checkout.sessions.create({ ...base, customer_email: 'new@example.com' });
    expect(await (await fetch(withEmail.url!)).text()).toContain('new@example.com');
    expect((await postForm(withEmail.url!, { cardNumber: TEST_CARDS.success })).status).toBe(303);
    await h.emulator.flush();
    expect(types(h.received)).toEqual(['customer.created', 'customer.subscription.created', 'invoice.paid', 'checkout.session.completed']);
    const customerId = (await h.stripe.checkout.sessions.retrieve(withEmail.id)).customer as string;
    expect(((await h.stripe.customers.retrieve(customerId)) as Stripe.Customer).email).toBe('new@example.com');

    const anonymous = await h.stripe.checkout.sessions.create(base);
    expect(await (await fetch(anonymous.url!)).text()).toContain('<label for="email">Email</label>');
    const missing = await postForm(anonymous.url!, { cardNumber: TEST_CARDS.success });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Enter a valid email address.');
    expect((await postForm(anonymous.url!, { cardNumber: TEST_CARDS.success, email: 'typed@example.com' })).status).toBe(303);
    const typed = (await h.stripe.checkout.sessions.retrieve(anonymous.id, { expand: ['customer'] })).customer as Stripe.Customer;
    expect(typed.email).toBe('typed@example.com');
  });

  it('applies DEMO20 and refuses an unknown promotion code without charging', async () => {
    const h = await start();
    const customer = await newCustomer(h.stripe);
    const session = await newCheckout(h.stripe, customer.id, { line_items: [{ price: PRICE_IDS.annual, quantity: 1 }] });
    const unknown = await postForm(session.url!, { cardNumber: TEST_CARDS.success, promotionCode: 'FREEBIE' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('This promotion code is invalid.');
    expect((await h.stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data).toEqual([]);

    expect((await postForm(session.url!, { cardNumber: TEST_CARDS.success, promotionCode: 'demo20' })).status).toBe(303);
    const completed = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(completed).toMatchObject({ amount_subtotal: 19000, amount_total: 15200, total_details: { amount_discount: 3800 } });
    const subscription = await h.stripe.subscriptions.retrieve(completed.subscription as string, { expand: ['discounts', 'latest_invoice'] });
    expect(subscription.discounts).toHaveLength(1);
    expect(subscription.discounts[0]).toMatchObject({ object: 'discount', promotion_code: 'promo_demo20', source: { coupon: 'demo20' } });
    expect(subscription.latest_invoice).toMatchObject({ subtotal: 19000, total: 15200, amount_paid: 15200 });
  });

  it('starts a trial when asked, and the first renewal charges', async () => {
    const h = await start();
    const { subscription, session } = await subscribed(h, TEST_CARDS.success, { subscription_data: { trial_period_days: 14, metadata: { userId: 'user_1' } } });
    expect(subscription.status).toBe('trialing');
    expect(subscription.trial_end! - subscription.trial_start!).toBe(14 * DAY);
    expect(subscription.items.data[0].current_period_end).toBe(subscription.trial_end);
    expect(session.payment_status).toBe('no_payment_required');
    expect((await h.stripe.invoices.retrieve(subscription.latest_invoice as string)).amount_paid).toBe(0);

    await h.emulator.advanceSubscription(subscription.id);
    const renewed = await h.stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] });
    expect(renewed.status).toBe('active');
    expect(renewed.items.data[0].current_period_start).toBe(subscription.trial_end);
    expect(renewed.latest_invoice).toMatchObject({ status: 'paid', amount_paid: 1900, billing_reason: 'subscription_cycle' });
  });
});

describe('webhook delivery', () => {
  it('signs each delivery so the SDK verifies it, and nothing else verifies', async () => {
    const h = await start();
    const received: { raw: string; signature: string }[] = [];
    h.emulator.setWebhookTarget(async (request) => {
      received.push({ raw: await request.text(), signature: request.headers.get('stripe-signature') ?? '' });
      return new Response('ok');
    });
    await newCustomer(h.stripe);
    await h.emulator.flush();
    expect(received).toHaveLength(1);
    const { raw, signature } = received[0];
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(h.stripe.webhooks.constructEvent(raw, signature, SECRET).type).toBe('customer.created');
    expect(() => h.stripe.webhooks.constructEvent(raw, signature, 'whsec_wrong')).toThrow();
    expect(() => h.stripe.webhooks.constructEvent(raw.replace('customer.created', 'customer.deleted'), signature, SECRET)).toThrow();
  });

  it('POSTs to a URL target with Stripe’s headers', async () => {
    const bodies: { raw: string; headers: http.IncomingHttpHeaders }[] = [];
    const server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        bodies.push({ raw, headers: req.headers });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const h = await start({ webhookTarget: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stripe/webhook` }, false);
      const customer = await newCustomer(h.stripe);
      await h.emulator.flush();
      expect(bodies).toHaveLength(1);
      expect(bodies[0].headers['content-type']).toMatch(/^application\/json/);
      const event = h.stripe.webhooks.constructEvent(bodies[0].raw, bodies[0].headers['stripe-signature'] as string, SECRET);
      expect(event.data.object).toMatchObject({ id: customer.id });
      // Once delivered, the stored event has no pending webhooks left.
      expect((await h.stripe.events.retrieve(event.id)).pending_webhooks).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('duplicates: 1 delivers every event twice, after the batch', async () => {
    const h = await start({ webhookBehaviour: { duplicates: 1 } });
    const customer = await newCustomer(h.stripe);
    const session = await newCheckout(h.stripe, customer.id);
    await h.emulator.flush();
    h.received.length = 0;
    await postForm(session.url!, { cardNumber: TEST_CARDS.success });
    await h.emulator.flush();
    expect(types(h.received)).toEqual([
      'customer.subscription.created',
      'invoice.paid',
      'checkout.session.completed',
      'customer.subscription.created',
      'invoice.paid',
      'checkout.session.completed',
    ]);
    expect(h.received[3].id).toBe(h.received[0].id);
  });

  it('shuffle delivers a batch in another order (sometimes), never losing an event', async () => {
    const h = await start({ webhookBehaviour: { shuffle: true } });
    const orders = new Set<string>();
    // A 3-event batch stays in order by chance 1 time in 6; 12 checkouts all in order would be a bug.
    for (let i = 0; i < 12; i++) {
      h.received.length = 0;
      const customer = await newCustomer(h.stripe);
      await h.emulator.flush();
      h.received.length = 0;
      const session = await newCheckout(h.stripe, customer.id);
      await postForm(session.url!, { cardNumber: TEST_CARDS.success });
      await h.emulator.flush();
      expect([...types(h.received)].sort()).toEqual(['checkout.session.completed', 'customer.subscription.created', 'invoice.paid']);
      orders.add(types(h.received).join());
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('failFirst: each event is sent, treated as failed, and retried once', async () => {
    const h = await start({ webhookBehaviour: { failFirst: true } });
    const started = Date.now();
    const customer = await newCustomer(h.stripe);
    await h.emulator.flush();
    expect(types(h.received)).toEqual(['customer.created', 'customer.created']);
    expect(h.received[0].id).toBe(h.received[1].id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190); // the retry waited its backoff
    const stored = await h.stripe.events.list({ type: 'customer.created' });
    expect(stored.data[0]).toMatchObject({ pending_webhooks: 0, data: { object: { id: customer.id } } });
  });

  it('retries a failing endpoint with backoff, then gives up after 5 attempts', async () => {
    const h = await start();
    let failures = 2;
    h.respond = () => (failures-- > 0 ? 500 : 200);
    await newCustomer(h.stripe);
    await h.emulator.flush();
    expect(types(h.received)).toEqual(['customer.created', 'customer.created', 'customer.created']);

    h.received.length = 0;
    h.respond = () => 503;
    await newCustomer(h.stripe);
    await h.emulator.flush();
    expect(h.received).toHaveLength(5);
    expect((await h.stripe.events.list({ limit: 1 })).data[0].pending_webhooks).toBe(1);
  });

  it('delayMs holds each batch back; events are stored even with no target', async () => {
    const h = await start({ webhookBehaviour: { delayMs: 300 } });
    await newCustomer(h.stripe);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.received).toHaveLength(0);
    await h.emulator.flush();
    expect(h.received).toHaveLength(1);

    h.emulator.setWebhookTarget(undefined);
    await newCustomer(h.stripe);
    await h.emulator.flush();
    expect(h.received).toHaveLength(1);
    expect((await h.stripe.events.list({ type: 'customer.created' })).data).toHaveLength(2);
  });

  it('the control route sets the behaviour and refuses nonsense', async () => {
    const h = await start();
    const set = await fetch(`${h.emulator.url}/_emulator/webhooks`, { method: 'POST', body: JSON.stringify({ duplicates: 1 }) });
    expect(await set.json()).toEqual({ behaviour: { duplicates: 1, shuffle: false, delayMs: 0, failFirst: false } });
    await newCustomer(h.stripe);
    expect((await fetch(`${h.emulator.url}/_emulator/flush`, { method: 'POST' })).status).toBe(200);
    expect(h.received).toHaveLength(2);
    expect((await fetch(`${h.emulator.url}/_emulator/webhooks`, { method: 'POST', body: JSON.stringify({ duplicates: 3 }) })).status).toBe(400);
    expect((await fetch(`${h.emulator.url}/_emulator/webhooks`, { method: 'POST', body: JSON.stringify({ sufle: true }) })).status).toBe(400);
  });
});

describe('subscription lifecycle', () => {
  it('portal cancel schedules the end; advancing then deletes the subscription', async () => {
    const h = await start();
    const { customer, subscription } = await subscribed(h);
    const url = await portal(h, customer.id);
    const periodEnd = subscription.items.data[0].current_period_end;
    const before = await (await fetch(url)).text();
    expect(before).toContain('Stripe emulator: test mode, no real payments');
    expect(before).toContain('Monthly membership');
    expect(before).toContain('Active');
    expect(before).toContain('<a href="http://127.0.0.1:3000/account">Return to site</a>');

    h.received.length = 0;
    const cancel = await postForm(url, { action: 'cancel', subscription: subscription.id });
    expect(cancel.status).toBe(303);
    const after = await (await fetch(new URL(cancel.headers.get('location')!, url))).text();
    expect(after).toMatch(/role="status"[\s\S]*will be canceled/);
    expect(after).toContain(`Cancels on ${new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(periodEnd * 1000))}`);
    expect(after).toContain('Resume subscription');

    const scheduled = await h.stripe.subscriptions.retrieve(subscription.id);
    expect(scheduled).toMatchObject({ status: 'active', cancel_at_period_end: true, cancel_at: periodEnd, cancellation_details: { reason: 'cancellation_requested' } });
    expect(scheduled.canceled_at).not.toBeNull();
    await h.emulator.flush();
    expect(types(h.received)).toEqual(['customer.subscription.updated']);
    expect(h.received[0].data.previous_attributes).toMatchObject({ cancel_at_period_end: false, canceled_at: null });

    h.received.length = 0;
    const advanced = await fetch(`${h.emulator.url}/_emulator/subscriptions/${subscription.id}/advance`, { method: 'POST' });
    expect(advanced.status).toBe(200);
    expect(await advanced.json()).toMatchObject({ id: subscription.id, status: 'canceled', ended_at: periodEnd });
    await h.emulator.flush();
    expect(types(h.received)).toEqual(['customer.subscription.deleted']);
    expect(h.received[0].data.object).toMatchObject({ status: 'canceled', ended_at: periodEnd });

    // Canceled subscriptions stay retrievable but leave the default list.
    expect((await h.stripe.subscriptions.retrieve(subscription.id)).status).toBe('canceled');
    expect((await h.stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);
    expect((await h.stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data.map((s) => s.id)).toEqual([subscription.id]);
    await expect(h.emulator.advanceSubscription(subscription.id)).rejects.toThrow(/canceled/);
    expect(await (await fetch(url)).text()).toContain('You have no active subscription.');
  });

  it('portal resume and plan switch update the subscription and emit updates', async () => {
    const h = await start();
    const { customer, subscription } = await subscribed(h);
    const url = await portal(h, customer.id);
    await postForm(url, { action: 'cancel', subscription: subscription.id });
    await postForm(url, { action: 'resume', subscription: subscription.id });
    expect(await h.stripe.subscriptions.retrieve(subscription.id)).toMatchObject({ cancel_at_period_end: false, cancel_at: null, canceled_at: null });

    h.received.length = 0;
    const page = await (await fetch(url)).text();
    expect(page).toContain('Switch to Annual membership (£190.00 per year)');
    expect((await postForm(url, { action: 'switch', subscription: subscription.id })).status).toBe(303);
    const switched = await h.stripe.subscriptions.retrieve(subscription.id);
    expect(switched.items.data[0].price.id).toBe(PRICE_IDS.annual);
    expect(switched.items.data[0].id).toBe(subscription.items.data[0].id);
    await h.emulator.flush();
    expect(types(h.received)).toEqual(['customer.subscription.updated']);
    const previous = h.received[0].data.previous_attributes as { items: { data: Stripe.SubscriptionItem[] } };
    expect(previous.items.data[0].price.id).toBe(PRICE_IDS.monthly);

    // Somebody else's subscription is not this portal's to change.
    const other = await subscribed(h);
    expect((await postForm(url, { action: 'cancel', subscription: other.subscription.id })).status).toBe(400);
    expect((await h.stripe.subscriptions.retrieve(other.subscription.id)).cancel_at_period_end).toBe(false);
  });

  it('a renewal moves the period, issues a paid invoice and emits invoice.paid + updated', async () => {
    const h = await start();
    const { subscription } = await subscribed(h);
    const item = subscription.items.data[0];
    h.received.length = 0;
    await h.emulator.advanceSubscription(subscription.id);
    const renewed = await h.stripe.subscriptions.retrieve(subscription.id);
    expect(renewed.items.data[0].current_period_start).toBe(item.current_period_end);
    expect(renewed.items.data[0].current_period_end).toBe(addInterval(item.current_period_end, 'month'));
    expect(renewed.latest_invoice).not.toBe(subscription.latest_invoice);
    await h.emulator.flush();
    expect(types(h.received)).toEqual(['invoice.paid', 'customer.subscription.updated']);
    expect((h.received[0].data.object as Stripe.Invoice).lines.data[0].period).toEqual({ start: item.current_period_end, end: renewed.items.data[0].current_period_end });
  });

  it('the fails-on-renewal card pays at checkout, then renewal goes past_due and a second failure cancels', async () => {
    const h = await start();
    const { subscription } = await subscribed(h, TEST_CARDS.failsOnRenewal);
    expect(subscription.status).toBe('active');

    h.received.length = 0;
    await h.emulator.advanceSubscription(subscription.id);
    const pastDue = await h.stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] });
    expect(pastDue.status).toBe('past_due');
    expect(pastDue.latest_invoice).toMatchObject({ status: 'open', amount_paid: 0, amount_remaining: 1900, attempted: true, attempt_count: 1 });
    await h.emulator.flush();
    expect(types(h.received)).toEqual(['customer.subscription.updated', 'invoice.payment_failed']);
    expect(h.received[0].data.previous_attributes).toMatchObject({ status: 'active' });

    h.received.length = 0;
    await h.emulator.advanceSubscription(subscription.id);
    const canceled = await h.stripe.subscriptions.retrieve(subscription.id);
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_details: { reason: 'payment_failed' } });
    expect(canceled.ended_at).not.toBeNull();
    await h.emulator.flush();
    expect(types(h.received)).toEqual(['invoice.payment_failed', 'customer.subscription.deleted']);
  });

  it('updating the card in the portal pays a past-due invoice; a declined card does not', async () => {
    const h = await start();
    const { customer, subscription } = await subscribed(h, TEST_CARDS.failsOnRenewal);
    await h.emulator.advanceSubscription(subscription.id);
    const url = await portal(h, customer.id);
    expect(await (await fetch(url)).text()).toContain('Past due');

    h.received.length = 0;
    const declined = await postForm(url, { action: 'update-card', cardNumber: TEST_CARDS.decline });
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain('Your card was declined.');
    expect((await h.stripe.subscriptions.retrieve(subscription.id)).status).toBe('past_due');

    const updated = await postForm(url, { action: 'update-card', cardNumber: TEST_CARDS.success });
    expect(updated.status).toBe(303);
    expect(updated.headers.get('location')).toContain('done=card-paid');
    const active = await h.stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] });
    expect(active.status).toBe('active');
    expect(active.latest_invoice).toMatchObject({ status: 'paid', amount_paid: 1900 });
    await h.emulator.flush();
    expect(types(h.received)).toEqual(['invoice.paid', 'customer.subscription.updated']);

    // The new card is used from now on: the next renewal succeeds.
    await h.emulator.advanceSubscription(subscription.id);
    expect((await h.stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
  });

  it('the API creates, updates, switches and cancels subscriptions', async () => {
    const h = await start();
    const customer = await newCustomer(h.stripe);
    const created = await h.stripe.subscriptions.create({ customer: customer.id, items: [{ price: PRICE_IDS.monthly }], metadata: { userId: 'demo' } }, { idempotencyKey: 'demo-sub' });
    expect(created).toMatchObject({ status: 'active', metadata: { userId: 'demo' }, cancel_at_period_end: false });
    expect((await h.stripe.subscriptions.create({ customer: customer.id, items: [{ price: PRICE_IDS.monthly }], metadata: { userId: 'demo' } }, { idempotencyKey: 'demo-sub' })).id).toBe(created.id);

    const itemId = created.items.data[0].id;
    const updated = await h.stripe.subscriptions.update(created.id, { cancel_at_period_end: true, items: [{ id: itemId, price: PRICE_IDS.annual }], proration_behavior: 'none' });
    expect(updated).toMatchObject({ cancel_at_period_end: true });
    expect(updated.items.data[0]).toMatchObject({ id: itemId, price: { id: PRICE_IDS.annual } });
    // One update, one event, carrying both changes.
    const [event] = (await h.stripe.events.list({ type: 'customer.subscription.updated' })).data;
    expect(Object.keys(event.data.previous_attributes ?? {})).toEqual(expect.arrayContaining(['cancel_at_period_end', 'items']));
    expect(event.request?.id).toMatch(/^req_/);

    // A rejected update changes nothing.
    await expect(h.stripe.subscriptions.update(created.id, { metadata: { x: 'y' }, items: [{ id: itemId, price: 'price_nope' }] })).rejects.toMatchObject({ statusCode: 404 });
    expect((await h.stripe.subscriptions.retrieve(created.id)).metadata).toEqual({ userId: 'demo' });

    const canceled = await h.stripe.subscriptions.cancel(created.id);
    expect(canceled.status).toBe('canceled');
    expect(Math.abs(canceled.ended_at! - nowSeconds())).toBeLessThan(60);
    expect((await h.stripe.events.list({ limit: 1 })).data[0].type).toBe('customer.subscription.deleted');
    await expect(h.stripe.subscriptions.update(created.id, { cancel_at_period_end: false })).rejects.toMatchObject({ statusCode: 400 });
    expect((await h.stripe.subscriptions.list({ customer: customer.id, status: 'canceled' })).data.map((s) => s.id)).toEqual([created.id]);
  });
});

describe('events', () => {
  it('lists newest first, filters by type and pages with starting_after', async () => {
    const { stripe } = await start({}, false);
    const customers = [];
    for (let i = 0; i < 3; i++) customers.push(await newCustomer(stripe));
    await stripe.customers.update(customers[0].id, { name: 'Changed' });
    const all = await stripe.events.list();
    expect(types(all.data)).toEqual(['customer.updated', 'customer.created', 'customer.created', 'customer.created']);
    expect((all.data[1].data.object as Stripe.Customer).id).toBe(customers[2].id);
    const created = await stripe.events.list({ type: 'customer.created', limit: 2 });
    expect(created.has_more).toBe(true);
    const rest = await stripe.events.list({ type: 'customer.created', limit: 2, starting_after: created.data[1].id });
    expect(rest.data.map((e) => (e.data.object as Stripe.Customer).id)).toEqual([customers[0].id]);
    expect(rest.has_more).toBe(false);
    expect((await stripe.events.list({ type: 'customer.*' })).data).toHaveLength(4);
    expect((await stripe.events.retrieve(all.data[0].id)).id).toBe(all.data[0].id);
    // An event is a snapshot: later changes do not rewrite it.
    expect((all.data[3].data.object as Stripe.Customer).name).toBe('Test Member');
  });
});

describe('state file', () => {
  it('keeps customers, subscriptions and events across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stripe-emulator-'));
    const stateFile = path.join(dir, 'nested', 'state.json');
    try {
      const first = await start({ stateFile }, false);
      const { customer, subscription } = await subscribed(first);
      await first.emulator.close();

      const second = await start({ stateFile }, false);
      expect((await second.stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
      expect(((await second.stripe.customers.retrieve(customer.id)) as Stripe.Customer).email).toBe(customer.email);
      expect((await second.stripe.events.list({ type: 'checkout.session.completed' })).data).toHaveLength(1);
      expect((await second.stripe.prices.list({ lookup_keys: ['membership_monthly'] })).data).toHaveLength(1);
      // The card on file survived too: renewals still charge it.
      await second.emulator.advanceSubscription(subscription.id);
      expect((await second.stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('building blocks', () => {
  it('parses Stripe’s bracketed form encoding', () => {
    expect(parseForm('line_items[0][price]=p&line_items[0][quantity]=1&expand[]=a&expand[]=b&metadata[user_id]=7&x=a%20b')).toEqual({
      line_items: [{ price: 'p', quantity: '1' }],
      expand: ['a', 'b'],
      metadata: { user_id: '7' },
      x: 'a b',
    });
    expect(parseForm('items[1][price]=b&items[0][price]=a')).toEqual({ items: [{ price: 'a' }, { price: 'b' }] });
    expect(() => parseForm('a[__proto__][x]=1')).toThrow();
    expect(() => parseForm('a=1&a[b]=2')).toThrow();
  });

  it('adds calendar months like Stripe, clamping to the month’s last day', () => {
    const at = (iso: string) => Date.parse(iso) / 1000;
    expect(addInterval(at('2027-01-31T10:00:00Z'), 'month')).toBe(at('2027-02-28T10:00:00Z'));
    expect(addInterval(at('2028-01-31T10:00:00Z'), 'month')).toBe(at('2028-02-29T10:00:00Z'));
    expect(addInterval(at('2027-12-15T00:00:00Z'), 'month')).toBe(at('2028-01-15T00:00:00Z'));
    expect(addInterval(at('2028-02-29T00:00:00Z'), 'year')).toBe(at('2029-02-28T00:00:00Z'));
  });
});
