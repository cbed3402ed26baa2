// Subscription lifecycle: creating, renewing, cancelling, switching plan, paying invoices.
// Every operation mutates the store and returns the events it causes, in Stripe's order, as
// drafts; the caller records them as one batch (one webhook delivery batch).
import type Stripe from 'stripe';
import { ApiError } from './errors';
import { customerObject, discountObject, invoiceObject, newId, subscriptionItemObject, subscriptionObject, unixNow, type InvoiceDiscount } from './objects';
import { TEST_CARDS, type Store } from './store';

export interface Draft {
  type: Stripe.Event.Type;
  object: unknown;
  previous?: Record<string, unknown>;
}

/** A card that the (pretend) bank refused; pages turn it into a 402 with this message. */
export class CardError extends Error {}

const KNOWN_CARDS: readonly string[] = Object.values(TEST_CARDS);

export function normaliseCardNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** Checks a card entered on a hosted page. Throws CardError when it cannot be charged now. */
export function checkCardForPayment(card: string): void {
  if (!/^\d{12,19}$/.test(card) || !KNOWN_CARDS.includes(card)) throw new CardError('Your card number is incorrect. Use one of the test cards.');
  if (card === TEST_CARDS.decline) throw new CardError('Your card was declined.');
}

/** Off-session charges (renewals, retries) fail for the decline card and the fails-on-renewal card. */
function renewalSucceeds(store: Store, customerId: string): boolean {
  const card = store.state.cards[customerId] ?? TEST_CARDS.success;
  return card !== TEST_CARDS.decline && card !== TEST_CARDS.failsOnRenewal;
}

export function addInterval(timestamp: number, interval: Stripe.Price.Recurring.Interval, count = 1): number {
  if (interval === 'day' || interval === 'week') return timestamp + count * (interval === 'day' ? 1 : 7) * 86400;
  const months = interval === 'year' ? 12 * count : count;
  const date = new Date(timestamp * 1000);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  // Stripe bills on the same day of the month, or the month's last day when it is shorter (31 Jan → 28 Feb).
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return Math.floor(date.getTime() / 1000);
}

function snapshot<T>(value: T): T {
  return structuredClone(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Stripe's `previous_attributes`: old values of what changed; nested hashes list only their changed keys. */
export function previousAttributes(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[key];
    const now = after[key];
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    out[key] = isPlainObject(old) && isPlainObject(now) ? previousAttributes(old, now) : (old ?? null);
  }
  return out;
}

/** Runs `mutate` on a subscription and drafts `customer.subscription.updated` if anything changed. */
export function trackSubscriptionUpdate(sub: Stripe.Subscription, mutate: () => void): Draft[] {
  const before = snapshot(sub);
  mutate();
  const previous = previousAttributes(before as unknown as Record<string, unknown>, sub as unknown as Record<string, unknown>);
  if (Object.keys(previous).length === 0) return [];
  return [{ type: 'customer.subscription.updated', object: snapshot(sub), previous }];
}

export function subscriptionItem(sub: Stripe.Subscription): Stripe.SubscriptionItem {
  const item = sub.items.data[0];
  if (!item) throw new ApiError(500, `Subscription ${sub.id} has no items`, { type: 'api_error' });
  return item;
}

function customerId(value: Stripe.Subscription['customer']): string {
  return typeof value === 'string' ? value : value.id;
}

function invoiceDiscount(store: Store, sub: Stripe.Subscription): InvoiceDiscount | null {
  for (const entry of sub.discounts) {
    const discount = store.state.discounts[typeof entry === 'string' ? entry : entry.id];
    const couponRef = discount?.source.coupon;
    const coupon = couponRef ? store.state.coupons[typeof couponRef === 'string' ? couponRef : couponRef.id] : undefined;
    if (discount && coupon?.percent_off) return { id: discount.id, percentOff: coupon.percent_off };
  }
  return null;
}

function issueInvoice(
  store: Store,
  sub: Stripe.Subscription,
  options: { billingReason: Stripe.Invoice.BillingReason; free: boolean; period: { start: number; end: number } },
): Stripe.Invoice {
  const item = subscriptionItem(sub);
  const customer = store.customer(customerId(sub.customer));
  const invoice = invoiceObject({
    id: newId('in'),
    customer,
    subscription: sub,
    item,
    subtotal: options.free ? 0 : (item.price.unit_amount ?? 0) * (item.quantity ?? 1),
    discount: options.free ? null : invoiceDiscount(store, sub),
    billingReason: options.billingReason,
    linePeriod: { start: item.current_period_start, end: item.current_period_end },
    period: options.period,
    number: store.nextInvoiceNumber(customer),
    created: unixNow(),
  });
  store.state.invoices[invoice.id] = invoice;
  sub.latest_invoice = invoice.id;
  return invoice;
}

function markPaid(invoice: Stripe.Invoice): void {
  const now = unixNow();
  invoice.status = 'paid';
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.attempted = true;
  if (invoice.amount_due > 0) invoice.attempt_count += 1;
  invoice.auto_advance = false;
  invoice.next_payment_attempt = null;
  invoice.status_transitions.paid_at = now;
}

function markPaymentFailed(invoice: Stripe.Invoice): void {
  invoice.attempted = true;
  invoice.attempt_count += 1;
  // Stripe's default Smart Retries schedule tries again a few days later.
  invoice.next_payment_attempt = unixNow() + 3 * 86400;
}

export interface NewSubscription {
  customer: string;
  price: string;
  quantity: number;
  metadata: Stripe.Metadata;
  trialPeriodDays: number | null;
  promotionCode?: Stripe.PromotionCode;
  checkoutSession?: string;
}

/** A new, paid-for subscription (the first charge has already succeeded). */
export function createSubscription(store: Store, input: NewSubscription): { subscription: Stripe.Subscription; invoice: Stripe.Invoice; drafts: Draft[] } {
  const now = unixNow();
  const price = store.price(input.price, 'items[0][price]');
  if (!price.recurring) throw new ApiError(400, `The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`, { param: 'items[0][price]' });
  const id = newId('sub');
  const trialEnd = input.trialPeriodDays ? now + input.trialPeriodDays * 86400 : null;
  const item = subscriptionItemObject({
    id: newId('si'),
    subscription: id,
    price,
    quantity: input.quantity,
    periodStart: now,
    periodEnd: trialEnd ?? addInterval(now, price.recurring.interval, price.recurring.interval_count),
    created: now,
  });
  const discounts: string[] = [];
  if (input.promotionCode) {
    const couponRef = input.promotionCode.promotion.coupon;
    const couponId = typeof couponRef === 'string' ? couponRef : (couponRef?.id ?? '');
    const discount = discountObject({
      id: newId('di'),
      coupon: couponId,
      promotionCode: input.promotionCode.id,
      customer: input.customer,
      subscription: id,
      checkoutSession: input.checkoutSession ?? null,
      start: now,
    });
    store.state.discounts[discount.id] = discount;
    discounts.push(discount.id);
    input.promotionCode.times_redeemed += 1;
    const coupon = store.state.coupons[couponId];
    if (coupon) coupon.times_redeemed += 1;
  }
  const subscription = subscriptionObject({
    id,
    customer: input.customer,
    item,
    status: trialEnd ? 'trialing' : 'active',
    metadata: input.metadata,
    created: now,
    trialStart: trialEnd ? now : null,
    trialEnd,
    discounts,
  });
  store.state.subscriptions[id] = subscription;
  const invoice = issueInvoice(store, subscription, { billingReason: 'subscription_create', free: trialEnd !== null, period: { start: now, end: now } });
  markPaid(invoice);
  return {
    subscription,
    invoice,
    drafts: [
      { type: 'customer.subscription.created', object: snapshot(subscription) },
      { type: 'invoice.paid', object: snapshot(invoice) },
    ],
  };
}

/** Checkout's "Subscribe" after the card was accepted. */
export function completeCheckout(
  store: Store,
  session: Stripe.Checkout.Session,
  input: { card: string; email: string | null; promotionCode?: Stripe.PromotionCode },
): Draft[] {
  const drafts: Draft[] = [];
  const extras = store.state.checkoutExtras[session.id];
  if (!extras) throw new ApiError(500, `Checkout session ${session.id} has no line items`, { type: 'api_error' });
  let customerRef = typeof session.customer === 'string' ? session.customer : (session.customer?.id ?? null);
  if (!customerRef) {
    const customer = customerObject({ id: newId('cus', 14), email: input.email, name: null, description: null, phone: null, metadata: {}, created: unixNow() });
    store.state.customers[customer.id] = customer;
    customerRef = customer.id;
    drafts.push({ type: 'customer.created', object: snapshot(customer) });
  }
  const customer = store.customer(customerRef);
  store.state.cards[customer.id] = input.card;
  const { subscription, invoice, drafts: subscriptionDrafts } = createSubscription(store, {
    customer: customer.id,
    price: extras.price,
    quantity: extras.quantity,
    metadata: { ...extras.subscriptionMetadata },
    trialPeriodDays: extras.trialPeriodDays,
    promotionCode: input.promotionCode,
    checkoutSession: session.id,
  });
  drafts.push(...subscriptionDrafts);

  session.status = 'complete';
  // Like Stripe: a trial's $0 first invoice means no payment was needed.
  session.payment_status = invoice.amount_paid > 0 ? 'paid' : 'no_payment_required';
  session.customer = customer.id;
  session.subscription = subscription.id;
  session.invoice = invoice.id;
  session.amount_total = invoice.total;
  session.total_details = { amount_discount: (invoice.subtotal ?? 0) - invoice.total, amount_shipping: 0, amount_tax: 0 };
  if (input.promotionCode) {
    const coupon = input.promotionCode.promotion.coupon;
    session.discounts = [{ coupon: typeof coupon === 'string' ? coupon : (coupon?.id ?? null), promotion_code: input.promotionCode.id }];
  }
  session.customer_details = {
    address: null,
    business_name: null,
    email: customer.email,
    individual_name: null,
    name: customer.name ?? null,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
  session.url = null;
  drafts.push({ type: 'checkout.session.completed', object: snapshot(session) });
  return drafts;
}

function endSubscription(sub: Stripe.Subscription, endedAt: number, reason: Stripe.Subscription.CancellationDetails.Reason): void {
  sub.status = 'canceled';
  sub.ended_at = endedAt;
  sub.canceled_at = sub.canceled_at ?? endedAt;
  sub.cancellation_details = { ...(sub.cancellation_details ?? { comment: null, feedback: null, feedback_option: null }), reason };
}

function assertNotCanceled(sub: Stripe.Subscription): void {
  if (sub.status === 'canceled') {
    throw new ApiError(400, 'A canceled subscription can only update its cancellation_details and metadata.');
  }
}

/** DELETE /v1/subscriptions/:id: ends it now. */
export function cancelNow(store: Store, id: string, reason: Stripe.Subscription.CancellationDetails.Reason = 'cancellation_requested'): Draft[] {
  const sub = store.subscription(id);
  if (sub.status === 'canceled') throw new ApiError(400, `This subscription has already been canceled: ${id}`, { param: 'id' });
  const now = unixNow();
  endSubscription(sub, now, reason);
  sub.canceled_at = now;
  return [{ type: 'customer.subscription.deleted', object: snapshot(sub) }];
}

/** Portal "Cancel" / "Resume", or `cancel_at_period_end` through the API. */
export function setCancelAtPeriodEnd(sub: Stripe.Subscription, cancel: boolean): void {
  assertNotCanceled(sub);
  if (sub.cancel_at_period_end === cancel) return;
  sub.cancel_at_period_end = cancel;
  if (cancel) {
    sub.cancel_at = subscriptionItem(sub).current_period_end;
    sub.canceled_at = unixNow();
    sub.cancellation_details = { comment: null, feedback: null, feedback_option: null, reason: 'cancellation_requested' };
  } else {
    sub.cancel_at = null;
    sub.canceled_at = null;
    sub.cancellation_details = { comment: null, feedback: null, feedback_option: null, reason: null };
  }
}

/**
 * Plan switch. The emulator keeps the current period and does not prorate: the new price is
 * charged from the next renewal (see README).
 */
export function switchPrice(store: Store, sub: Stripe.Subscription, itemId: string, priceId: string, param = 'items[0][price]'): void {
  assertNotCanceled(sub);
  const item = sub.items.data.find((i) => i.id === itemId);
  if (!item) throw new ApiError(400, `No such subscription item: '${itemId}'`, { code: 'resource_missing', param: 'items[0][id]' });
  const price = store.price(priceId, param);
  if (!price.recurring) throw new ApiError(400, `The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`, { param });
  if (price.currency !== sub.currency) throw new ApiError(400, `The price specified uses currency ${price.currency} but the subscription uses ${sub.currency}.`, { param });
  if (item.price.id === price.id) return;
  const replacement = subscriptionItemObject({
    id: item.id,
    subscription: sub.id,
    price,
    quantity: item.quantity ?? 1,
    periodStart: item.current_period_start,
    periodEnd: item.current_period_end,
    created: item.created,
  });
  replacement.metadata = item.metadata;
  sub.items.data = sub.items.data.map((i) => (i.id === item.id ? replacement : i));
}

/** The price a portal "switch plan" offers: the other active recurring price of the same product. */
export function otherPlan(store: Store, sub: Stripe.Subscription): Stripe.Price | undefined {
  const current = subscriptionItem(sub).price;
  const productId = typeof current.product === 'string' ? current.product : current.product.id;
  return Object.values(store.state.prices).find(
    (p) => p.active && p.id !== current.id && p.recurring && (typeof p.product === 'string' ? p.product : p.product.id) === productId,
  );
}

/**
 * Moves a subscription to its next period (control route): ends it if it was set to cancel,
 * retries the open invoice if it is past due, otherwise renews and charges the card on file.
 */
export function advanceSubscription(store: Store, id: string): Draft[] {
  const sub = store.subscription(id);
  if (sub.status === 'canceled') throw new ApiError(400, `Subscription ${id} is canceled; there is no next period.`, { param: 'id' });
  const item = subscriptionItem(sub);
  const customer = customerId(sub.customer);

  if (sub.status === 'past_due') return retryPastDue(store, sub, customer);

  if (sub.cancel_at_period_end) {
    endSubscription(sub, item.current_period_end, 'cancellation_requested');
    return [{ type: 'customer.subscription.deleted', object: snapshot(sub) }];
  }

  const oldPeriod = { start: item.current_period_start, end: item.current_period_end };
  const recurring = item.price.recurring;
  if (!recurring) throw new ApiError(500, `Subscription ${id} has a one-time price`, { type: 'api_error' });
  let invoice: Stripe.Invoice | undefined;
  const succeeded = renewalSucceeds(store, customer);
  const updated = trackSubscriptionUpdate(sub, () => {
    item.current_period_start = oldPeriod.end;
    item.current_period_end = addInterval(oldPeriod.end, recurring.interval, recurring.interval_count);
    invoice = issueInvoice(store, sub, { billingReason: 'subscription_cycle', free: false, period: oldPeriod });
    if (succeeded) {
      markPaid(invoice);
      sub.status = 'active';
    } else {
      markPaymentFailed(invoice);
      sub.status = 'past_due';
    }
  });
  if (!invoice) throw new ApiError(500, 'Renewal produced no invoice', { type: 'api_error' });
  return succeeded
    ? [{ type: 'invoice.paid', object: snapshot(invoice) }, ...updated]
    : [...updated, { type: 'invoice.payment_failed', object: snapshot(invoice) }];
}

function openInvoice(store: Store, sub: Stripe.Subscription): Stripe.Invoice | undefined {
  const ref = sub.latest_invoice;
  const invoice = ref ? store.state.invoices[typeof ref === 'string' ? ref : ref.id] : undefined;
  return invoice?.status === 'open' ? invoice : undefined;
}

/** Pays a past-due subscription's open invoice; drafts invoice.paid then the subscription update. */
function payPastDue(store: Store, sub: Stripe.Subscription, invoice: Stripe.Invoice): Draft[] {
  markPaid(invoice);
  const updated = trackSubscriptionUpdate(sub, () => {
    sub.status = 'active';
  });
  return [{ type: 'invoice.paid', object: snapshot(invoice) }, ...updated];
}

function retryPastDue(store: Store, sub: Stripe.Subscription, customer: string): Draft[] {
  const invoice = openInvoice(store, sub);
  if (invoice && renewalSucceeds(store, customer)) return payPastDue(store, sub, invoice);
  // Retries exhausted: Stripe's default is to cancel the subscription and leave the invoice open.
  const drafts: Draft[] = [];
  if (invoice) {
    markPaymentFailed(invoice);
    invoice.next_payment_attempt = null;
    drafts.push({ type: 'invoice.payment_failed', object: snapshot(invoice) });
  }
  const item = subscriptionItem(sub);
  endSubscription(sub, Math.max(unixNow(), item.current_period_start), 'payment_failed');
  drafts.push({ type: 'customer.subscription.deleted', object: snapshot(sub) });
  return drafts;
}

/** Portal "Update card": stores the card; a past-due subscription's open invoice is paid with a good card. */
export function updateCard(store: Store, customerId: string, card: string): Draft[] {
  checkCardForPayment(card);
  store.state.cards[customerId] = card;
  const drafts: Draft[] = [];
  for (const sub of Object.values(store.state.subscriptions)) {
    if (sub.customer !== customerId || sub.status !== 'past_due') continue;
    const invoice = openInvoice(store, sub);
    if (invoice && renewalSucceeds(store, customerId)) drafts.push(...payPastDue(store, sub, invoice));
  }
  return drafts;
}
