// Demo billing for `npm start`: the demo member has an active monthly subscription,
// created through the Stripe API like any other (on the local emulator only: with real
// keys a subscription needs a real card, so nothing is seeded).
import 'server-only';
import type Stripe from 'stripe';
import { DEMO_SUBSCRIBER_EMAIL } from '@/lib/demo/demo-users';
import type { PrismaClient } from '@/lib/db/generated/client';
import { env } from '@/lib/env';
import { ensureStripeCustomer } from './checkout';
import { getPlans } from './plans';
import { getStripe } from './stripe-client';
import { syncSubscription } from './sync';

export async function seedDemoBilling(db: PrismaClient, options: { stripe?: Stripe } = {}): Promise<'seeded' | 'exists' | 'skipped'> {
  if (!options.stripe && !(env.STRIPE_SECRET_KEY && env.STRIPE_API_URL)) return 'skipped';
  const stripe = options.stripe ?? getStripe();
  const user = await db.user.findUnique({ where: { email: DEMO_SUBSCRIBER_EMAIL }, select: { id: true, email: true, name: true, stripeCustomerId: true } });
  if (!user) return 'skipped';
  if (await db.subscription.count({ where: { userId: user.id } })) return 'exists';
  const monthly = (await getPlans({ stripe })).find((p) => p.key === 'monthly');
  if (!monthly) throw new Error('The monthly plan was not found in Stripe');
  const customer = await ensureStripeCustomer(user, { db, stripe });
  const subscription = await stripe.subscriptions.create(
    { customer, items: [{ price: monthly.priceId }], metadata: { userId: user.id } },
    { idempotencyKey: `demo-subscription-${user.id}` },
  );
  await syncSubscription(subscription.id, { db, stripe, userIdHint: user.id });
  return 'seeded';
}
