// A webhook signature must be fresh both ways: Stripe's SDK refuses one more than 5
// minutes old, and the handler refuses one dated more than 5 minutes ahead. Signed by
// the real SDK (generateTestHeaderString); the event type is one the handler ignores, so
// an accepted delivery answers 200 before any database or Stripe call.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { handleStripeWebhook, SIGNATURE_TOLERANCE_SECONDS } from '@/lib/billing/webhook';

const secret = 'whsec_unit_timestamp_secret';
const stripe = new Stripe('sk_test_unit_timestamp');
const payload = JSON.stringify({ id: 'evt_timestamp_1', object: 'event', type: 'customer.created', data: { object: { id: 'cus_1', object: 'customer' } } });

function deliverSignedAt(offsetSeconds: number) {
  const timestamp = Math.floor(Date.now() / 1000) + offsetSeconds;
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
  return handleStripeWebhook(payload, header, { stripe, webhookSecret: secret });
}

describe('webhook signature timestamps', () => {
  it('accepts a signature made now, or a little ahead (clock skew)', async () => {
    expect(await deliverSignedAt(0)).toEqual({ status: 200, result: 'ignored' });
    expect(await deliverSignedAt(60)).toEqual({ status: 200, result: 'ignored' });
    expect(await deliverSignedAt(SIGNATURE_TOLERANCE_SECONDS - 10)).toEqual({ status: 200, result: 'ignored' });
  });

  it('refuses a signature dated more than 5 minutes in the future, like a bad signature', async () => {
    expect(SIGNATURE_TOLERANCE_SECONDS).toBe(300);
    for (const ahead of [SIGNATURE_TOLERANCE_SECONDS + 10, 3600, 86_400 * 365]) {
      expect(await deliverSignedAt(ahead), `${ahead} s ahead`).toEqual({ status: 400, result: 'invalid-signature' });
    }
  });

  it('refuses a signature more than 5 minutes old (the SDK bound, kept)', async () => {
    expect(await deliverSignedAt(-(SIGNATURE_TOLERANCE_SECONDS + 10))).toEqual({ status: 400, result: 'invalid-signature' });
  });

  it('reads the timestamp the signature covers: a second, future t= cannot sneak past', async () => {
    const now = Math.floor(Date.now() / 1000);
    const future = now + 3600;
    const signed = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: future });
    // Stripe's parser takes the last t=; a fresh one placed first changes nothing.
    expect(await handleStripeWebhook(payload, `t=${now},${signed}`, { stripe, webhookSecret: secret })).toEqual({ status: 400, result: 'invalid-signature' });
  });
});
