// Starting a subscription (Checkout) and managing it (Customer Portal).
import 'server-only';
import type Stripe from 'stripe';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { absoluteUrl, site } from '@/lib/site';
import type { Plan } from './plans';
import { getStripe } from './stripe-client';

interface Customer {
  id: string;
  email: string;
  name: string | null;
  stripeCustomerId: string | null;
}

/**
 * The user's one Stripe customer, created on first need. The idempotency key makes two
 * simultaneous first checkouts create one customer; the conditional update keeps the
 * first id if they raced anyway.
 */
export async function ensureStripeCustomer(user: Customer, options: { db?: PrismaClient; stripe?: Stripe } = {}): Promise<string> {
  if (user.stripeCustomerId) return user.stripeCustomerId;
  const db = options.db ?? getDb();
  const stripe = options.stripe ?? getStripe();
  const customer = await stripe.customers.create(
    { email: user.email, name: user.name ?? undefined, metadata: { userId: user.id } },
    { idempotencyKey: `customer-for-user-${user.id}` },
  );
  await db.user.updateMany({ where: { id: user.id, stripeCustomerId: null }, data: { stripeCustomerId: customer.id } });
  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { stripeCustomerId: true } });
  return stored.stripeCustomerId ?? customer.id;
}

export async function createCheckoutSession(user: Customer, plan: Plan, options: { db?: PrismaClient; stripe?: Stripe } = {}): Promise<string> {
  const stripe = options.stripe ?? getStripe();
  const customer = await ensureStripeCustomer(user, options);
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer,
    client_reference_id: user.id,
    line_items: [{ price: plan.priceId, quantity: 1 }],
    allow_promotion_codes: true,
    // Concatenated, not URL-built: Stripe needs the placeholder's braces unencoded.
    success_url: `${site.url}/membership/welcome?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: absoluteUrl(`/pricing?plan=${plan.key}&cancelled=1`),
    metadata: { userId: user.id },
    subscription_data: { metadata: { userId: user.id }, ...(plan.trialDays > 0 ? { trial_period_days: plan.trialDays } : {}) },
  });
  if (!session.url) throw new Error('Stripe returned a checkout session without a URL');
  return session.url;
}

export async function createPortalSession(stripeCustomerId: string, options: { stripe?: Stripe } = {}): Promise<string> {
  const stripe = options.stripe ?? getStripe();
  const session = await stripe.billingPortal.sessions.create({ customer: stripeCustomerId, return_url: absoluteUrl('/account') });
  return session.url;
}

/** Ends every live subscription of a customer now (used when an account is deleted). */
export async function cancelAllSubscriptions(stripeCustomerId: string, stripe: Stripe = getStripe()): Promise<number> {
  const live = await stripe.subscriptions.list({ customer: stripeCustomerId, status: 'all', limit: 100 });
  const toCancel = live.data.filter((s) => !['canceled', 'incomplete_expired'].includes(s.status));
  for (const sub of toCancel) await stripe.subscriptions.cancel(sub.id);
  return toCancel.length;
}
