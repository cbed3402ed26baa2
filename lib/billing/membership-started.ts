// The "your membership has started" email, queued in the same transaction as the mirror
// row that records the start: under the subscription's lock, so duplicate or reordered
// webhooks and the welcome page's own sync queue it once.
import 'server-only';
import type Stripe from 'stripe';
import type { PrismaClient } from '@/lib/db/generated/client';
import { membershipStarted } from '@/lib/email/membership-emails';
import { queueEmailInTransaction } from '@/lib/email/send-email';
import { absoluteUrl } from '@/lib/site';
import { formatPlanPrice } from './plans';

/** The statuses a new membership starts in (paid, or on a free trial). */
const GRANTING = new Set(['active', 'trialing']);

/** True when this sync is the one that sees the subscription start: new, or out of a pending payment. */
export function startsMembership(previousStatus: string | null, status: string): boolean {
  return GRANTING.has(status) && (previousStatus === null || previousStatus === 'incomplete');
}

export async function queueMembershipStarted(tx: Pick<PrismaClient, 'user' | 'outboxEmail'>, userId: string, sub: Stripe.Subscription): Promise<void> {
  const item = sub.items.data[0];
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
  if (!item || !user?.email) return;
  const interval = item.price.recurring?.interval === 'year' ? 'year' : 'month';
  const trialEnd = sub.status === 'trialing' && sub.trial_end ? new Date(sub.trial_end * 1000) : null;
  await queueEmailInTransaction(tx, {
    to: user.email,
    ...membershipStarted({
      name: user.name,
      planLabel: interval === 'year' ? 'Annual' : 'Monthly',
      price: formatPlanPrice({ amount: item.price.unit_amount ?? 0, currency: item.price.currency, interval }),
      renewsOn: new Date(item.current_period_end * 1000),
      trialEndsOn: trialEnd,
      programmeUrl: absoluteUrl('/programme/phase-one'),
      accountUrl: absoluteUrl('/account#membership-heading'),
    }),
  });
}
