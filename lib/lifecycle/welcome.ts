// The welcome email when a membership starts, queued by the subscription sync in the same
// transaction as the mirror row that records the start, under the subscription's lock:
// duplicate or reordered webhooks and the welcome page's own sync send it once (and the
// LifecycleEmail row keyed by the subscription makes sure of it).
import 'server-only';
import type Stripe from 'stripe';
import { formatPlanPrice } from '@/lib/billing/plans';
import { getPhases } from '@/lib/content/programme';
import { absoluteUrl } from '@/lib/site';
import { mayReceive, lifecycleLinks, recordAndQueue, type LifecycleTx } from './send';
import { welcome } from './templates';

/** The statuses a new membership starts in (paid, or on a free trial). */
const GRANTING = new Set(['active', 'trialing']);

/** True when this sync is the one that sees the subscription start: new, or out of a pending payment. */
export function startsMembership(previousStatus: string | null, status: string): boolean {
  return GRANTING.has(status) && (previousStatus === null || previousStatus === 'incomplete');
}

/** Where a new member starts: Phase One, session 1 (the programme page if the content has none). */
export function firstSessionPath(): string {
  const phase = getPhases()[0];
  const session = phase?.sessions[0];
  return phase && session ? `/programme/${phase.slug}/${session.slug}` : '/programme';
}

export async function queueWelcome(tx: LifecycleTx, userId: string, sub: Stripe.Subscription, now: Date = new Date()): Promise<boolean> {
  const item = sub.items.data[0];
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
  if (!item || !user?.email) return false;
  if (!(await mayReceive(tx, userId, 'welcome', true))) return false;
  const interval = item.price.recurring?.interval === 'year' ? 'year' : 'month';
  const trialEnd = sub.status === 'trialing' && sub.trial_end ? new Date(sub.trial_end * 1000) : null;
  const message = welcome({
    name: user.name,
    planLabel: interval === 'year' ? 'Annual' : 'Monthly',
    price: formatPlanPrice({ amount: item.price.unit_amount ?? 0, currency: item.price.currency, interval }),
    renewsOn: new Date(item.current_period_end * 1000),
    trialEndsOn: trialEnd,
    firstSessionUrl: absoluteUrl(firstSessionPath()),
    accountUrl: absoluteUrl('/account#membership-heading'),
    links: await lifecycleLinks(tx, userId, 'welcome'),
  });
  return recordAndQueue(tx, { userId, to: user.email, kind: 'welcome', key: sub.id, now, message });
}
