// The /v1 REST API: authentication, idempotency keys, routing, and one handler per endpoint.
import type { IncomingHttpHeaders } from 'node:http';
import type Stripe from 'stripe';
import { cancelNow, createSubscription, previousAttributes, setCancelAtPeriodEnd, switchPrice, trackSubscriptionUpdate, type Draft } from './billing';
import type { EmulatorCore, RequestInfo } from './core';
import { ApiError, invalidParam, missingParam, notFound } from './errors';
import { parseForm, type FormObject } from './form-encoding';
import { API_VERSION, checkoutSessionObject, customerObject, newId, portalSessionObject, unixNow } from './objects';
import { Params } from './params';
import { expand, newestFirst, paginate } from './responses';
import { TEST_CARDS } from './store';

export interface ApiRequest {
  method: string;
  path: string;
  query: string;
  body: string;
  headers: IncomingHttpHeaders;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

interface Context {
  core: EmulatorCore;
  raw: FormObject;
  id: string;
  request: RequestInfo;
}

type Handler = (ctx: Context) => unknown;

const API_KEY_PATTERN = /^(sk|rk)_test_[A-Za-z0-9_]+$/;
const MAX_IDEMPOTENCY_ENTRIES = 1000;

/** Saved results of POSTs by API key + Idempotency-Key, so a retried POST does not act twice. */
const idempotencyCaches = new WeakMap<EmulatorCore, Map<string, { fingerprint: string; response: ApiResponse }>>();

export function handleApi(core: EmulatorCore, req: ApiRequest): ApiResponse {
  const requestId = newId('req', 14);
  const headers: Record<string, string> = { 'Request-Id': requestId, 'Stripe-Version': headerValue(req.headers['stripe-version']) ?? API_VERSION };
  try {
    const apiKey = authenticate(req.headers);
    const idempotencyKey = req.method === 'POST' ? (headerValue(req.headers['idempotency-key']) ?? null) : null;
    if (idempotencyKey !== null) headers['Idempotency-Key'] = idempotencyKey;
    const cache = idempotencyCaches.get(core) ?? new Map();
    idempotencyCaches.set(core, cache);
    const cacheKey = `${apiKey}\n${idempotencyKey}`;
    const fingerprint = `${req.method} ${req.path}\n${req.body}`;
    if (idempotencyKey !== null) {
      const saved = cache.get(cacheKey);
      if (saved && saved.fingerprint !== fingerprint) {
        throw new ApiError(
          400,
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          { type: 'idempotency_error' },
        );
      }
      if (saved) return { ...saved.response, headers: { ...saved.response.headers, 'Idempotent-Replayed': 'true' } };
    }

    const { handler, id } = route(req.method, req.path);
    const raw = parseForm(req.method === 'GET' || req.method === 'DELETE' ? req.query : req.body);
    const body = handler({ core, raw, id, request: { id: requestId, idempotencyKey } });
    const response: ApiResponse = { status: 200, body, headers };
    if (idempotencyKey !== null) {
      cache.set(cacheKey, { fingerprint, response });
      if (cache.size > MAX_IDEMPOTENCY_ENTRIES) cache.delete(cache.keys().next().value as string);
    }
    return response;
  } catch (error) {
    const apiError = error instanceof ApiError ? error : new ApiError(500, `Emulator error: ${error instanceof Error ? error.message : String(error)}`, { type: 'api_error' });
    return { status: apiError.status, body: apiError.toJSON(requestId), headers };
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Bearer auth like Stripe (Basic with the key as user name also works, for curl -u). Any test key is accepted. */
function authenticate(headers: IncomingHttpHeaders): string {
  const header = headerValue(headers.authorization)?.trim();
  if (!header) {
    throw new ApiError(
      401,
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  const [scheme, credentials = ''] = header.split(/\s+/, 2);
  const key = /^basic$/i.test(scheme) ? Buffer.from(credentials, 'base64').toString('utf8').split(':')[0] : /^bearer$/i.test(scheme) ? credentials : '';
  if (!API_KEY_PATTERN.test(key)) {
    // Stripe shows the key's start and last four characters only.
    const shown = key.length > 16 ? `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}` : `${key.slice(0, 8)}****`;
    throw new ApiError(401, `Invalid API Key provided: ${shown}`);
  }
  return key;
}

const ROUTES: [method: string, pattern: RegExp, handler: Handler][] = [
  ['GET', /^\/v1\/products$/, listProducts],
  ['GET', /^\/v1\/products\/([^/]+)$/, ({ core, raw, id }) => retrieve(core, raw, core.store.state.products[id] ?? missing('product', id))],
  ['GET', /^\/v1\/prices$/, listPrices],
  ['GET', /^\/v1\/prices\/([^/]+)$/, ({ core, raw, id }) => retrieve(core, raw, core.store.price(id))],
  ['POST', /^\/v1\/customers$/, createCustomer],
  ['GET', /^\/v1\/customers$/, listCustomers],
  ['GET', /^\/v1\/customers\/([^/]+)$/, ({ core, raw, id }) => retrieve(core, raw, core.store.customer(id))],
  ['POST', /^\/v1\/customers\/([^/]+)$/, updateCustomer],
  ['POST', /^\/v1\/checkout\/sessions$/, createCheckoutSession],
  ['GET', /^\/v1\/checkout\/sessions$/, listCheckoutSessions],
  ['GET', /^\/v1\/checkout\/sessions\/([^/]+)$/, retrieveCheckoutSession],
  ['POST', /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/, expireCheckoutSession],
  ['POST', /^\/v1\/billing_portal\/sessions$/, createPortalSession],
  ['POST', /^\/v1\/subscriptions$/, createSubscriptionRoute],
  ['GET', /^\/v1\/subscriptions$/, listSubscriptions],
  ['GET', /^\/v1\/subscriptions\/([^/]+)$/, ({ core, raw, id }) => retrieve(core, raw, core.store.subscription(id))],
  ['POST', /^\/v1\/subscriptions\/([^/]+)$/, updateSubscription],
  ['DELETE', /^\/v1\/subscriptions\/([^/]+)$/, cancelSubscription],
  ['GET', /^\/v1\/invoices$/, listInvoices],
  ['GET', /^\/v1\/invoices\/([^/]+)$/, ({ core, raw, id }) => retrieve(core, raw, core.store.invoice(id))],
  ['GET', /^\/v1\/events$/, listEvents],
  ['GET', /^\/v1\/events\/([^/]+)$/, ({ core, raw, id }) => retrieve(core, raw, core.store.state.events.find((e) => e.id === id) ?? missing('event', id))],
];

function route(method: string, path: string): { handler: Handler; id: string } {
  for (const [routeMethod, pattern, handler] of ROUTES) {
    const match = pattern.exec(path);
    if (match && routeMethod === method) return { handler, id: decodeURIComponent(match[1] ?? '') };
  }
  throw new ApiError(404, `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`);
}

function missing(kind: string, id: string): never {
  throw notFound(kind, id);
}

function retrieve(core: EmulatorCore, raw: FormObject, object: unknown): unknown {
  const params = Params.forEndpoint(raw, 'retrieve');
  return expand(core.store, object, params.expand());
}

function listed<T extends { id: string; created: number }>(core: EmulatorCore, params: Params, items: T[], url: string): unknown {
  return expand(core.store, paginate(newestFirst(items), params, url), params.expand());
}

function requireUrl(params: Params, name: string, required: boolean): string | null {
  const value = required ? params.requiredStr(name) : (params.str(name) ?? null);
  if (value === null || value === '') return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // fall through to Stripe's error
  }
  throw invalidParam(params.path(name), 'Not a valid URL', 'url_invalid');
}

function email(params: Params, name = 'email'): string | null | undefined {
  const value = params.str(name);
  if (value === undefined || value === '') return value === '' ? null : undefined;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw invalidParam(params.path(name), `Invalid email address: ${value}`, 'email_invalid');
  return value;
}

// Products and prices

function listProducts({ core, raw }: Context): unknown {
  const params = Params.forEndpoint(raw, 'productList');
  const active = params.bool('active');
  const ids = params.strArray('ids');
  const items = Object.values(core.store.state.products).filter((p) => (active === undefined || p.active === active) && (!ids || ids.includes(p.id)));
  return listed(core, params, items, '/v1/products');
}

function listPrices({ core, raw }: Context): unknown {
  const params = Params.forEndpoint(raw, 'priceList');
  const active = params.bool('active');
  const lookupKeys = params.strArray('lookup_keys');
  if (lookupKeys && lookupKeys.length > 10) throw invalidParam('lookup_keys', 'You may only specify up to 10 lookup keys.');
  const product = params.str('product');
  const type = params.str('type');
  const currency = params.str('currency');
  const interval = params.obj('recurring')?.str('interval');
  const items = Object.values(core.store.state.prices).filter(
    (p) =>
      (active === undefined || p.active === active) &&
      (!lookupKeys || (p.lookup_key !== null && lookupKeys.includes(p.lookup_key))) &&
      (!product || p.product === product) &&
      (!type || p.type === type) &&
      (!currency || p.currency === currency.toLowerCase()) &&
      (!interval || p.recurring?.interval === interval),
  );
  return listed(core, params, items, '/v1/prices');
}

// Customers

function createCustomer({ core, raw, request }: Context): unknown {
  const params = Params.forEndpoint(raw, 'customerCreate');
  const customer = customerObject({
    id: newId('cus', 14),
    email: email(params) ?? null,
    name: params.str('name') || null,
    description: params.str('description') || null,
    phone: params.str('phone') || null,
    metadata: params.metadata() ?? {},
    created: unixNow(),
  });
  core.store.state.customers[customer.id] = customer;
  core.commit([{ type: 'customer.created', object: structuredClone(customer) }], request);
  return expand(core.store, customer, params.expand());
}

function updateCustomer({ core, raw, id, request }: Context): unknown {
  const params = Params.forEndpoint(raw, 'customerUpdate');
  const customer = core.store.customer(id);
  const before = structuredClone(customer);
  const newEmail = email(params);
  if (newEmail !== undefined) customer.email = newEmail;
  for (const field of ['name', 'description', 'phone'] as const) {
    const value = params.str(field);
    if (value !== undefined) customer[field] = value || null;
  }
  customer.metadata = params.metadata(customer.metadata) ?? customer.metadata;
  const previous = previousAttributes(before as unknown as Record<string, unknown>, customer as unknown as Record<string, unknown>);
  const drafts: Draft[] = Object.keys(previous).length ? [{ type: 'customer.updated', object: structuredClone(customer), previous }] : [];
  core.commit(drafts, request);
  return expand(core.store, customer, params.expand());
}

function listCustomers({ core, raw }: Context): unknown {
  const params = Params.forEndpoint(raw, 'customerList');
  const wanted = params.str('email');
  const items = Object.values(core.store.state.customers).filter((c) => !wanted || c.email === wanted);
  return listed(core, params, items, '/v1/customers');
}

// Checkout

function createCheckoutSession({ core, raw, request }: Context): unknown {
  const params = Params.forEndpoint(raw, 'checkoutCreate');
  const mode = params.requiredStr('mode');
  if (mode !== 'subscription') throw invalidParam('mode', `The Stripe emulator only supports mode=subscription (got ${mode}).`);
  const lineItems = params.objArray('line_items');
  if (!lineItems || lineItems.length === 0) throw missingParam('line_items');
  if (lineItems.length > 1) throw invalidParam('line_items', 'The Stripe emulator supports one line item per checkout session.');
  const [line] = lineItems;
  const price = core.store.price(line.requiredStr('price'), line.path('price'));
  if (!price.active) throw invalidParam(line.path('price'), `The price \`${price.id}\` is not active.`);
  if (!price.recurring) throw invalidParam(line.path('price'), 'You must specify at least one recurring plan in `subscription` mode when using prices.');
  const quantity = line.int('quantity', { min: 1, max: 999_999 });
  if (quantity === undefined) throw missingParam(line.path('quantity'));

  const customerId = params.str('customer') || null;
  if (customerId) core.store.customer(customerId, 'customer');
  const customerEmail = email(params, 'customer_email') ?? null;
  if (customerId && customerEmail) throw invalidParam('customer_email', 'You may only specify one of these parameters: customer, customer_email.');
  const clientReferenceId = params.str('client_reference_id') || null;
  if (clientReferenceId && clientReferenceId.length > 200) throw invalidParam('client_reference_id', 'client_reference_id must be at most 200 characters.');
  const allowPromotionCodes = params.bool('allow_promotion_codes') ?? null;
  if (allowPromotionCodes && params.has('discounts')) throw invalidParam('discounts', 'You may only specify one of these parameters: allow_promotion_codes, discounts.');

  const subscriptionData = params.obj('subscription_data');
  const trialPeriodDays = subscriptionData?.int('trial_period_days', { min: 1, max: 730 }) ?? null;
  const id = `cs_test_${newId('x', 56).slice(2)}`;
  const session = checkoutSessionObject({
    id,
    url: `${core.publicUrl}/checkout/${id}`,
    customer: customerId,
    customerEmail,
    clientReferenceId,
    allowPromotionCodes,
    successUrl: requireUrl(params, 'success_url', true) as string,
    cancelUrl: requireUrl(params, 'cancel_url', false),
    metadata: params.metadata() ?? {},
    amountSubtotal: (price.unit_amount ?? 0) * quantity,
    currency: price.currency,
    created: unixNow(),
  });
  core.store.state.checkoutSessions[id] = session;
  core.store.state.checkoutExtras[id] = {
    price: price.id,
    quantity,
    trialPeriodDays,
    subscriptionMetadata: subscriptionData?.metadata() ?? {},
  };
  core.commit([], request);
  return expand(core.store, session, params.expand());
}

function checkoutSession(core: EmulatorCore, id: string): Stripe.Checkout.Session {
  const session = core.store.state.checkoutSessions[id] ?? missing('checkout.session', id);
  core.expireIfDue(session);
  return session;
}

function retrieveCheckoutSession({ core, raw, id }: Context): unknown {
  return retrieve(core, raw, checkoutSession(core, id));
}

function expireCheckoutSession({ core, raw, id, request }: Context): unknown {
  const params = Params.forEndpoint(raw, 'retrieve');
  const session = checkoutSession(core, id);
  if (session.status !== 'open') throw new ApiError(400, `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`);
  core.expire(session, request);
  return expand(core.store, session, params.expand());
}

function listCheckoutSessions({ core, raw }: Context): unknown {
  const params = Params.forEndpoint(raw, 'checkoutList');
  const customer = params.str('customer');
  const subscription = params.str('subscription');
  const status = params.str('status');
  const items = Object.values(core.store.state.checkoutSessions).filter(
    (s) => (!customer || s.customer === customer) && (!subscription || s.subscription === subscription) && (!status || s.status === status),
  );
  return listed(core, params, items, '/v1/checkout/sessions');
}

// Customer portal

function createPortalSession({ core, raw, request }: Context): unknown {
  const params = Params.forEndpoint(raw, 'portalCreate');
  const customer = core.store.customer(params.requiredStr('customer'), 'customer');
  const id = newId('bps');
  const session = portalSessionObject({
    id,
    customer: customer.id,
    returnUrl: requireUrl(params, 'return_url', false),
    url: `${core.publicUrl}/portal/${id}`,
    created: unixNow(),
  });
  core.store.state.portalSessions[id] = session;
  core.commit([], request);
  return expand(core.store, session, params.expand());
}

// Subscriptions

function createSubscriptionRoute({ core, raw, request }: Context): unknown {
  const params = Params.forEndpoint(raw, 'subscriptionCreate');
  const customer = core.store.customer(params.requiredStr('customer'), 'customer');
  const items = params.objArray('items');
  if (!items || items.length === 0) throw missingParam('items');
  if (items.length > 1) throw invalidParam('items', 'The Stripe emulator supports one item per subscription.');
  const [item] = items;
  const { subscription, drafts } = createSubscription(core.store, {
    customer: customer.id,
    price: item.requiredStr('price'),
    quantity: item.int('quantity', { min: 1 }) ?? 1,
    metadata: params.metadata() ?? {},
    trialPeriodDays: params.int('trial_period_days', { min: 1, max: 730 }) ?? null,
  });
  // Subscriptions created through the API (the demo seed) pay with the success card unless one is on file.
  core.store.state.cards[customer.id] ??= TEST_CARDS.success;
  if (params.bool('cancel_at_period_end')) setCancelAtPeriodEnd(subscription, true);
  // The created event already shows the scheduled cancellation, as Stripe's does.
  drafts[0] = { type: 'customer.subscription.created', object: structuredClone(subscription) };
  core.commit(drafts, request);
  return expand(core.store, subscription, params.expand());
}

const PRORATION_BEHAVIOURS = ['always_invoice', 'create_prorations', 'none'];

function updateSubscription({ core, raw, id, request }: Context): unknown {
  const params = Params.forEndpoint(raw, 'subscriptionUpdate');
  const sub = core.store.subscription(id);
  const proration = params.str('proration_behavior');
  if (proration !== undefined && !PRORATION_BEHAVIOURS.includes(proration)) {
    throw invalidParam('proration_behavior', `Invalid proration_behavior: must be one of ${PRORATION_BEHAVIOURS.join(', ')}`);
  }
  const cancelAtPeriodEnd = params.bool('cancel_at_period_end');
  const items = params.objArray('items');
  const details = params.obj('cancellation_details');
  const metadata = params.metadata(sub.metadata);
  const original = structuredClone(sub);
  const update = () => {
    if (metadata) sub.metadata = metadata;
    if (details) {
      const current = sub.cancellation_details ?? { comment: null, feedback: null, feedback_option: null, reason: null };
      sub.cancellation_details = { ...current, comment: details.str('comment') ?? current.comment, feedback: details.str('feedback') ?? current.feedback };
    }
    if (cancelAtPeriodEnd !== undefined) setCancelAtPeriodEnd(sub, cancelAtPeriodEnd);
    for (const item of items ?? []) {
      const itemId = item.str('id');
      if (!itemId) throw invalidParam(item.path('id'), 'The Stripe emulator supports one item per subscription: pass the existing item id to change its price.');
      const priceId = item.str('price');
      if (priceId) switchPrice(core.store, sub, itemId, priceId, item.path('price'));
    }
  };
  let drafts: Draft[];
  try {
    drafts = trackSubscriptionUpdate(sub, update);
  } catch (error) {
    // All or nothing, like Stripe: a rejected parameter leaves the subscription untouched.
    Object.assign(sub, original);
    throw error;
  }
  core.commit(drafts, request);
  return expand(core.store, sub, params.expand());
}

function cancelSubscription({ core, raw, id, request }: Context): unknown {
  const params = Params.forEndpoint(raw, 'subscriptionCancel');
  const details = params.obj('cancellation_details');
  const drafts = cancelNow(core.store, id);
  const sub = core.store.subscription(id);
  if (details && sub.cancellation_details) {
    sub.cancellation_details.comment = details.str('comment') ?? null;
    sub.cancellation_details.feedback = details.str('feedback') ?? null;
    drafts[0] = { type: 'customer.subscription.deleted', object: structuredClone(sub) };
  }
  core.commit(drafts, request);
  return expand(core.store, sub, params.expand());
}

const SUBSCRIPTION_STATUSES = ['active', 'all', 'canceled', 'ended', 'incomplete', 'incomplete_expired', 'past_due', 'paused', 'trialing', 'unpaid'];

function listSubscriptions({ core, raw }: Context): unknown {
  const params = Params.forEndpoint(raw, 'subscriptionList');
  const customer = params.str('customer');
  const price = params.str('price');
  const status = params.str('status');
  if (status !== undefined && !SUBSCRIPTION_STATUSES.includes(status)) throw invalidParam('status', `Invalid status: must be one of ${SUBSCRIPTION_STATUSES.join(', ')}`);
  const statusMatches = (s: Stripe.Subscription) => {
    if (status === 'all') return true;
    if (status === 'ended') return s.status === 'canceled' || s.status === 'incomplete_expired';
    if (status) return s.status === status;
    // Stripe's default leaves out canceled subscriptions.
    return s.status !== 'canceled' && s.status !== 'incomplete_expired';
  };
  const items = Object.values(core.store.state.subscriptions).filter(
    (s) => statusMatches(s) && (!customer || s.customer === customer) && (!price || s.items.data.some((i) => i.price.id === price)),
  );
  return listed(core, params, items, '/v1/subscriptions');
}

// Invoices and events

function listInvoices({ core, raw }: Context): unknown {
  const params = Params.forEndpoint(raw, 'invoiceList');
  const customer = params.str('customer');
  const subscription = params.str('subscription');
  const status = params.str('status');
  const items = Object.values(core.store.state.invoices).filter(
    (i) =>
      (!customer || i.customer === customer) &&
      (!subscription || i.parent?.subscription_details?.subscription === subscription) &&
      (!status || i.status === status),
  );
  return listed(core, params, items, '/v1/invoices');
}

/** `type` may end in `*` (e.g. `customer.subscription.*`), as Stripe allows. */
function typeMatches(pattern: string, type: string): boolean {
  return pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern;
}

function listEvents({ core, raw }: Context): unknown {
  const params = Params.forEndpoint(raw, 'eventList');
  const type = params.str('type');
  const types = params.strArray('types');
  if (type && types) throw invalidParam('types', 'You may only specify one of these parameters: type, types.');
  const items = core.store.state.events.filter((e) => (!type || typeMatches(type, e.type)) && (!types || types.some((t) => typeMatches(t, e.type))));
  return listed(core, params, items, '/v1/events');
}
