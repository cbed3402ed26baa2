// All emulator state lives in one JSON-serialisable object, holding the API objects exactly as
// they are returned. With a state file, it is written after every change (temp file + rename, so
// a crash never leaves half a file) and read back at start, so restarts keep subscriptions.
import fs from 'node:fs';
import path from 'node:path';
import type Stripe from 'stripe';
import { notFound } from './errors';
import { couponObject, priceObject, productObject, promotionCodeObject } from './objects';

export const TEST_CARDS = {
  success: '4242424242424242',
  decline: '4000000000000002',
  failsOnRenewal: '4000000000000341',
} as const;

export const PRODUCT_ID = 'prod_membership';
export const PRICE_LOOKUP_KEYS = { monthly: 'membership_monthly', annual: 'membership_annual' } as const;
export const PRICE_IDS = { monthly: 'price_membership_monthly', annual: 'price_membership_annual' } as const;
export const PROMOTION_CODE = 'DEMO20';

/** How many events the state keeps (oldest dropped first); Stripe keeps 30 days. */
const MAX_EVENTS = 1000;

export interface StoredEvent extends Omit<Stripe.EventBase, 'data'> {
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
}

/** What a checkout session needs at completion but the API object does not show. */
export interface CheckoutExtras {
  price: string;
  quantity: number;
  trialPeriodDays: number | null;
  subscriptionMetadata: Stripe.Metadata;
}

export interface EmulatorState {
  version: 1;
  products: Record<string, Stripe.Product>;
  prices: Record<string, Stripe.Price>;
  coupons: Record<string, Stripe.Coupon>;
  promotionCodes: Record<string, Stripe.PromotionCode>;
  discounts: Record<string, Stripe.Discount>;
  customers: Record<string, Stripe.Customer>;
  subscriptions: Record<string, Stripe.Subscription>;
  invoices: Record<string, Stripe.Invoice>;
  checkoutSessions: Record<string, Stripe.Checkout.Session>;
  checkoutExtras: Record<string, CheckoutExtras>;
  portalSessions: Record<string, Stripe.BillingPortal.Session>;
  /** Card number on file per customer id (the emulator's stand-in for payment methods). */
  cards: Record<string, string>;
  /** Oldest first. */
  events: StoredEvent[];
}

type Collection = Exclude<keyof EmulatorState, 'version' | 'checkoutExtras' | 'cards' | 'events'>;

function seed(): EmulatorState {
  const created = Math.floor(Date.UTC(2025, 0, 1) / 1000);
  const product = productObject({
    id: PRODUCT_ID,
    name: 'Steady Spine membership',
    description: 'Premium programme, member articles and episodes.',
    created,
  });
  const monthly = priceObject({
    id: PRICE_IDS.monthly,
    product: PRODUCT_ID,
    unitAmount: 1900,
    currency: 'gbp',
    interval: 'month',
    lookupKey: PRICE_LOOKUP_KEYS.monthly,
    nickname: 'Monthly membership',
    created,
  });
  const annual = priceObject({
    id: PRICE_IDS.annual,
    product: PRODUCT_ID,
    unitAmount: 19000,
    currency: 'gbp',
    interval: 'year',
    lookupKey: PRICE_LOOKUP_KEYS.annual,
    nickname: 'Annual membership',
    created,
  });
  product.default_price = monthly.id;
  const coupon = couponObject({ id: 'demo20', name: '20% off (demo)', percentOff: 20, created });
  const promo = promotionCodeObject({ id: 'promo_demo20', code: PROMOTION_CODE, coupon: coupon.id, created });
  return {
    version: 1,
    products: { [product.id]: product },
    prices: { [monthly.id]: monthly, [annual.id]: annual },
    coupons: { [coupon.id]: coupon },
    promotionCodes: { [promo.id]: promo },
    discounts: {},
    customers: {},
    subscriptions: {},
    invoices: {},
    checkoutSessions: {},
    checkoutExtras: {},
    portalSessions: {},
    cards: {},
    events: [],
  };
}

export class Store {
  readonly state: EmulatorState;

  constructor(private readonly file?: string) {
    this.state = file ? load(file) : seed();
  }

  save(): void {
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.state));
    fs.renameSync(tmp, this.file);
  }

  addEvent(event: StoredEvent): void {
    this.state.events.push(event);
    if (this.state.events.length > MAX_EVENTS) this.state.events.splice(0, this.state.events.length - MAX_EVENTS);
  }

  customer(id: string, param = 'id'): Stripe.Customer {
    return this.state.customers[id] ?? throwMissing('customer', id, param);
  }

  price(id: string, param = 'id'): Stripe.Price {
    return this.state.prices[id] ?? throwMissing('price', id, param);
  }

  subscription(id: string, param = 'id'): Stripe.Subscription {
    return this.state.subscriptions[id] ?? throwMissing('subscription', id, param);
  }

  invoice(id: string): Stripe.Invoice {
    return this.state.invoices[id] ?? throwMissing('invoice', id);
  }

  /** Any stored object by id, for `expand[]`. */
  findAny(id: string): { id: string } | undefined {
    const collections: Collection[] = ['customers', 'subscriptions', 'invoices', 'prices', 'products', 'checkoutSessions', 'portalSessions', 'discounts', 'promotionCodes', 'coupons'];
    for (const name of collections) {
      const found = (this.state[name] as Record<string, { id: string }>)[id];
      if (found) return found;
    }
    return undefined;
  }

  promotionCodeByCode(code: string): Stripe.PromotionCode | undefined {
    const wanted = code.trim().toUpperCase();
    return Object.values(this.state.promotionCodes).find((p) => p.active && p.code.toUpperCase() === wanted);
  }

  /** The next invoice number for a customer, like Stripe's `PREFIX-0001`. */
  nextInvoiceNumber(customer: Stripe.Customer): string {
    const sequence = customer.next_invoice_sequence ?? 1;
    customer.next_invoice_sequence = sequence + 1;
    return `${customer.invoice_prefix}-${String(sequence).padStart(4, '0')}`;
  }
}

function throwMissing(kind: string, id: string, param: string = 'id'): never {
  throw notFound(kind, id, param);
}

function load(file: string): EmulatorState {
  const fresh = seed();
  if (!fs.existsSync(file)) return fresh;
  const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<EmulatorState>;
  if (saved.version !== 1) throw new Error(`${file}: not a Stripe emulator state file (version ${String(saved.version)})`);
  // Seeds are merged under the saved data, so a state file from an older seed still has every price.
  const merged = { ...fresh } as EmulatorState;
  for (const key of Object.keys(fresh) as (keyof EmulatorState)[]) {
    const value = saved[key];
    if (value === undefined) continue;
    if (Array.isArray(value) || typeof value !== 'object') (merged as unknown as Record<string, unknown>)[key] = value;
    else (merged as unknown as Record<string, unknown>)[key] = { ...(fresh[key] as object), ...value };
  }
  return merged;
}
