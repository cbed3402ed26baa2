// The hosted pages a customer is sent to: Checkout (/checkout/:id) and the Customer Portal
// (/portal/:id). Plain server-rendered forms, so they work without JavaScript and in any test.
import type Stripe from 'stripe';
import {
  CardError,
  checkCardForPayment,
  completeCheckout,
  normaliseCardNumber,
  otherPlan,
  setCancelAtPeriodEnd,
  subscriptionItem,
  switchPrice,
  trackSubscriptionUpdate,
  updateCard,
  type Draft,
} from './billing';
import { NO_REQUEST, type EmulatorCore } from './core';
import { ApiError } from './errors';
import { describePrice, field, formatDate, html, page, testCardHint, type Html } from './html';
import { formatMoney } from './objects';

export interface PageResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const HTML_HEADERS = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };

function respond(status: number, title: string, body: Html): PageResponse {
  return { status, body: page(title, body), headers: { ...HTML_HEADERS } };
}

function redirect(location: string): PageResponse {
  return { status: 303, body: '', headers: { Location: location, 'Cache-Control': 'no-store' } };
}

function notFoundPage(what: string): PageResponse {
  return respond(404, 'Not found', html`<h1>${what} not found</h1><p>This link is not valid in this emulator. Start again from the site.</p>`);
}

/** Routes /checkout/:id and /portal/:id; returns null for any other path. */
export function handlePage(core: EmulatorCore, method: string, path: string, query: URLSearchParams, body: string): PageResponse | null {
  const match = /^\/(checkout|portal)\/([^/]+)$/.exec(path);
  if (!match) return null;
  if (method !== 'GET' && method !== 'POST') return { status: 405, body: '', headers: { Allow: 'GET, POST' } };
  const id = decodeURIComponent(match[2]);
  const form = new URLSearchParams(method === 'POST' ? body : '');
  if (match[1] === 'checkout') return method === 'GET' ? checkoutPage(core, id, {}) : submitCheckout(core, id, form);
  return method === 'GET' ? portalPage(core, id, { done: query.get('done') }) : submitPortal(core, id, form);
}

// Checkout

interface CheckoutErrors {
  card?: string;
  promotionCode?: string;
  email?: string;
}

function successLocation(session: Stripe.Checkout.Session): string {
  // Stripe fills in the literal placeholder; also accept it URL-encoded, as URL builders write it.
  return (session.success_url ?? '/').replaceAll('{CHECKOUT_SESSION_ID}', session.id).replaceAll('%7BCHECKOUT_SESSION_ID%7D', session.id);
}

function checkoutPage(core: EmulatorCore, id: string, state: { errors?: CheckoutErrors; values?: Record<string, string>; status?: number }): PageResponse {
  const session = core.store.state.checkoutSessions[id];
  if (!session) return notFoundPage('Checkout session');
  core.expireIfDue(session);
  const extras = core.store.state.checkoutExtras[id];
  const price = extras ? core.store.state.prices[extras.price] : undefined;
  if (!extras || !price) return notFoundPage('Checkout session');
  const product = core.store.state.products[typeof price.product === 'string' ? price.product : price.product.id];
  const back = session.cancel_url ? html`<a href="${session.cancel_url}">Back</a>` : '';

  if (session.status === 'complete') {
    return respond(
      state.status ?? 200,
      'Checkout complete',
      html`<h1>This checkout is already complete</h1><p>You have subscribed; nothing more will be charged.</p><p><a href="${successLocation(session)}">Continue to the site</a></p>`,
    );
  }
  if (session.status === 'expired') {
    return respond(state.status ?? 200, 'Checkout expired', html`<h1>This checkout has expired</h1><p>Nothing was charged. Start again from the site.</p><p>${back}</p>`);
  }

  const customerId = typeof session.customer === 'string' ? session.customer : (session.customer?.id ?? null);
  const email = customerId ? core.store.state.customers[customerId]?.email : session.customer_email;
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  const errorList = Object.values(errors).filter(Boolean);
  const trial = extras.trialPeriodDays;
  const title = `Subscribe to ${product?.name ?? 'membership'}`;
  return respond(
    state.status ?? 200,
    title,
    html`<h1>${title}</h1>
${errorList.length ? html`<div class="alert" role="alert">${errorList.map((e) => html`<p>${e}</p>`)}</div>` : ''}
<dl>
<dt>Plan</dt><dd>${price.nickname ?? product?.name ?? price.id}</dd>
<dt>Price</dt><dd>${describePrice(price)}${extras.quantity > 1 ? ` × ${extras.quantity}` : ''}</dd>
${trial ? html`<dt>Free trial</dt><dd>${trial} days, then ${describePrice(price)}</dd>` : ''}
${email ? html`<dt>Email</dt><dd>${email}</dd>` : ''}
</dl>
<form method="post" action="/checkout/${encodeURIComponent(session.id)}" novalidate>
${email ? '' : field({ id: 'email', name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true, value: values.email, error: errors.email })}
${field({ id: 'card-number', name: 'cardNumber', label: 'Card number', inputmode: 'numeric', autocomplete: 'cc-number', required: true, value: values.cardNumber, hint: testCardHint('card-hint'), hintId: 'card-hint', error: errors.card })}
${
  session.allow_promotion_codes
    ? field({
        id: 'promotion-code',
        name: 'promotionCode',
        label: 'Promotion code (optional)',
        autocomplete: 'off',
        value: values.promotionCode,
        hint: html`<p class="hint" id="promotion-hint">DEMO20 gives 20% off.</p>`,
        hintId: 'promotion-hint',
        error: errors.promotionCode,
      })
    : ''
}
<div class="actions"><button type="submit">Subscribe</button>${back}</div>
</form>`,
  );
}

function submitCheckout(core: EmulatorCore, id: string, form: URLSearchParams): PageResponse {
  const session = core.store.state.checkoutSessions[id];
  if (!session) return notFoundPage('Checkout session');
  core.expireIfDue(session);
  // A second submit (double click, back button) must not charge again.
  if (session.status !== 'open') return checkoutPage(core, id, { status: 409 });

  const values = { cardNumber: form.get('cardNumber') ?? '', promotionCode: form.get('promotionCode') ?? '', email: form.get('email') ?? '' };
  const errors: CheckoutErrors = {};
  const needsEmail = !session.customer && !session.customer_email;
  const email = needsEmail ? values.email.trim() : session.customer_email;
  if (needsEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email ?? '')) errors.email = 'Enter a valid email address.';
  let promotionCode: Stripe.PromotionCode | undefined;
  if (values.promotionCode.trim()) {
    promotionCode = session.allow_promotion_codes ? core.store.promotionCodeByCode(values.promotionCode) : undefined;
    if (!promotionCode) errors.promotionCode = 'This promotion code is invalid.';
  }
  const card = normaliseCardNumber(values.cardNumber);
  if (!card) errors.card = 'Enter your card number.';
  if (Object.keys(errors).length) return checkoutPage(core, id, { errors, values, status: 400 });

  try {
    checkCardForPayment(card);
  } catch (error) {
    if (!(error instanceof CardError)) throw error;
    return checkoutPage(core, id, { errors: { card: error.message }, values, status: 402 });
  }
  const drafts = completeCheckout(core.store, session, { card, email, promotionCode });
  core.commit(drafts, NO_REQUEST);
  return redirect(successLocation(session));
}

// Customer portal

const DONE_MESSAGES: Record<string, string> = {
  canceled: 'Your subscription will be canceled at the end of the current period.',
  resumed: 'Your subscription will continue.',
  switched: 'Your plan has been changed.',
  card: 'Your card has been updated.',
  'card-paid': 'Your card has been updated and the outstanding invoice is paid.',
};

const STATUS_LABELS: Record<string, string> = {
  active: 'Active',
  trialing: 'Free trial',
  past_due: 'Past due: the last payment failed',
  canceled: 'Canceled',
  unpaid: 'Unpaid',
  incomplete: 'Incomplete',
  paused: 'Paused',
};

function portalPage(core: EmulatorCore, id: string, state: { done?: string | null; error?: string; cardError?: string; status?: number }): PageResponse {
  const session = core.store.state.portalSessions[id];
  if (!session) return notFoundPage('Portal session');
  const customer = core.store.state.customers[session.customer];
  const subscriptions = Object.values(core.store.state.subscriptions)
    .filter((s) => s.customer === session.customer)
    .sort((a, b) => b.created - a.created);
  const live = subscriptions.filter((s) => s.status !== 'canceled' && s.status !== 'incomplete_expired');
  const ended = subscriptions.find((s) => s.status === 'canceled');
  const card = core.store.state.cards[session.customer];
  const done = state.done ? DONE_MESSAGES[state.done] : undefined;
  const action = `/portal/${encodeURIComponent(session.id)}`;

  return respond(
    state.status ?? 200,
    'Manage your membership',
    html`<h1>Manage your membership</h1>
${customer?.email ? html`<p>Signed in as ${customer.email}</p>` : ''}
${state.error || state.cardError ? html`<div class="alert" role="alert"><p>${state.error ?? state.cardError}</p></div>` : ''}
${done ? html`<div class="status" role="status"><p>${done}</p></div>` : ''}
${live.length === 0 ? html`<p>You have no active subscription.${ended?.ended_at ? ` Your last subscription ended on ${formatDate(ended.ended_at)}.` : ''}</p>` : ''}
${live.map((sub) => subscriptionSection(core, sub, action))}
<section aria-labelledby="card-heading">
<h2 id="card-heading">Payment method</h2>
<p>${card ? `Card ending ${card.slice(-4)}` : 'No card on file.'}</p>
<form method="post" action="${action}" novalidate>
<input type="hidden" name="action" value="update-card">
${field({ id: 'card-number', name: 'cardNumber', label: 'Card number', inputmode: 'numeric', autocomplete: 'cc-number', required: true, hint: testCardHint('card-hint'), hintId: 'card-hint', error: state.cardError })}
<button type="submit">Update card</button>
</form>
</section>
<div class="actions">${session.return_url ? html`<a href="${session.return_url}">Return to site</a>` : ''}</div>`,
  );
}

function subscriptionSection(core: EmulatorCore, sub: Stripe.Subscription, action: string): Html {
  const item = subscriptionItem(sub);
  const other = otherPlan(core.store, sub);
  const headingId = `sub-${sub.id}`;
  const hidden = html`<input type="hidden" name="subscription" value="${sub.id}">`;
  const periodEnd = formatDate(item.current_period_end);
  let when: Html | '' = '';
  if (sub.cancel_at_period_end) when = html`<dt>Ends</dt><dd>Cancels on ${periodEnd}</dd>`;
  else if (sub.status === 'trialing' && sub.trial_end) when = html`<dt>Trial ends</dt><dd>${formatDate(sub.trial_end)}</dd>`;
  const invoiceId = typeof sub.latest_invoice === 'string' ? sub.latest_invoice : sub.latest_invoice?.id;
  const openInvoice = invoiceId ? core.store.state.invoices[invoiceId] : undefined;
  return html`<section aria-labelledby="${headingId}">
<h2 id="${headingId}">${item.price.nickname ?? 'Membership'}</h2>
<dl>
<dt>Status</dt><dd>${STATUS_LABELS[sub.status] ?? sub.status}</dd>
<dt>Price</dt><dd>${describePrice(item.price)}</dd>
<dt>Current period ends</dt><dd>${periodEnd}</dd>
${when}
${sub.status === 'past_due' && openInvoice?.status === 'open' ? html`<dt>Amount due</dt><dd>${formatMoney(openInvoice.amount_remaining, openInvoice.currency)}: update your card to pay it</dd>` : ''}
</dl>
<div class="actions">
${
  sub.cancel_at_period_end
    ? html`<form method="post" action="${action}">${hidden}<input type="hidden" name="action" value="resume"><button type="submit">Resume subscription</button></form>`
    : html`<form method="post" action="${action}">${hidden}<input type="hidden" name="action" value="cancel"><button type="submit" class="secondary">Cancel subscription</button></form>`
}
${
  other
    ? html`<form method="post" action="${action}">${hidden}<input type="hidden" name="action" value="switch"><input type="hidden" name="price" value="${other.id}"><button type="submit" class="secondary">Switch to ${other.nickname ?? other.id} (${describePrice(other)})</button></form>`
    : ''
}
</div>
</section>`;
}

function submitPortal(core: EmulatorCore, id: string, form: URLSearchParams): PageResponse {
  const session = core.store.state.portalSessions[id];
  if (!session) return notFoundPage('Portal session');
  const back = (done: string) => redirect(`/portal/${encodeURIComponent(id)}?done=${done}`);
  const action = form.get('action');
  try {
    if (action === 'update-card') {
      const drafts = updateCard(core.store, session.customer, normaliseCardNumber(form.get('cardNumber') ?? ''));
      core.commit(drafts, NO_REQUEST);
      return back(drafts.length ? 'card-paid' : 'card');
    }
    const sub = core.store.state.subscriptions[form.get('subscription') ?? ''];
    if (!sub || sub.customer !== session.customer) return portalPage(core, id, { error: 'That subscription was not found.', status: 400 });
    let drafts: Draft[];
    let done: string;
    if (action === 'cancel' || action === 'resume') {
      drafts = trackSubscriptionUpdate(sub, () => setCancelAtPeriodEnd(sub, action === 'cancel'));
      done = action === 'cancel' ? 'canceled' : 'resumed';
    } else if (action === 'switch') {
      const target = otherPlan(core.store, sub);
      const wanted = form.get('price');
      if (!target || (wanted && wanted !== target.id)) return portalPage(core, id, { error: 'That plan is not available.', status: 400 });
      drafts = trackSubscriptionUpdate(sub, () => switchPrice(core.store, sub, subscriptionItem(sub).id, target.id));
      done = 'switched';
    } else {
      return portalPage(core, id, { error: 'Unknown action.', status: 400 });
    }
    core.commit(drafts, NO_REQUEST);
    return back(done);
  } catch (error) {
    if (error instanceof CardError) return portalPage(core, id, { cardError: error.message, status: 402 });
    if (error instanceof ApiError) return portalPage(core, id, { error: error.message, status: error.status });
    throw error;
  }
}
