// The card-failed email, from Stripe's invoice.payment_failed: queued by the webhook in
// the transaction that records the event (lib/billing/webhook.ts), so a retried delivery
// of the same event sends nothing, and keyed by invoice and attempt, so a second event
// about the same attempt sends nothing either while each new failed attempt is told.
import 'server-only';
import type Stripe from 'stripe';
import { formatPrice } from '@/lib/billing/plans';
import { absoluteUrl } from '@/lib/site';
import { mayReceive, recordAndQueue, type LifecycleTx } from './send';
import { cardFailed } from './templates';

/**
 * Only while the membership is past due (or unpaid): a failure on the first invoice is
 * shown at checkout, and one that ended the subscription is the lapsed email's business.
 * `status` is the subscription's state just re-read from Stripe, not the event's snapshot,
 * so a late event about an invoice since paid sends nothing.
 */
export function cardFailedApplies(status: string): boolean {
  return status === 'past_due' || status === 'unpaid';
}

export async function queueCardFailed(
  tx: LifecycleTx,
  input: { userId: string; status: string; invoice: Stripe.Invoice; now?: Date },
): Promise<boolean> {
  const { userId, invoice } = input;
  if (!cardFailedApplies(input.status) || !invoice.id) return false;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
  if (!user?.email) return false;
  // Not mutable: it is about the member's money and access (kinds.ts). The admins' switch still applies.
  if (!(await mayReceive(tx, userId, 'card-failed', false))) return false;
  const message = cardFailed({
    name: user.name,
    amount: invoice.amount_due > 0 ? formatPrice({ amount: invoice.amount_due, currency: invoice.currency }) : null,
    nextAttemptOn: invoice.next_payment_attempt ? new Date(invoice.next_payment_attempt * 1000) : null,
    // The billing portal opens from the account page (its sessions expire, so no direct link).
    billingUrl: absoluteUrl('/account#membership-heading'),
  });
  return recordAndQueue(tx, { userId, to: user.email, kind: 'card-failed', key: `${invoice.id}#${invoice.attempt_count}`, now: input.now ?? new Date(), message });
}
