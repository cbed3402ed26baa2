// The two membership plans, read from Stripe (by price id, or by lookup key) and cached
// in memory: the pricing page must not wait on Stripe for every visitor.
import 'server-only';
import type Stripe from 'stripe';
import { env } from '@/lib/env';
import { billingConfigured, getStripe } from './stripe-client';

export const PLAN_KEYS = ['monthly', 'annual'] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];

export const PLAN_LOOKUP_KEYS: Record<PlanKey, string> = { monthly: 'membership_monthly', annual: 'membership_annual' };

export interface Plan {
  key: PlanKey;
  priceId: string;
  /** Smallest currency unit, e.g. cents. */
  amount: number;
  currency: string;
  interval: 'month' | 'year';
  trialDays: number;
}

const CACHE_MS = 10 * 60_000;
let cached: { plans: Plan[]; at: number } | undefined;

function toPlan(key: PlanKey, price: Stripe.Price): Plan {
  return {
    key,
    priceId: price.id,
    amount: price.unit_amount ?? 0,
    currency: price.currency,
    interval: price.recurring?.interval === 'year' ? 'year' : 'month',
    trialDays: env.STRIPE_TRIAL_DAYS,
  };
}

async function fetchPlans(stripe: Stripe): Promise<Plan[]> {
  const configured: Partial<Record<PlanKey, string>> = { monthly: env.STRIPE_PRICE_MONTHLY, annual: env.STRIPE_PRICE_ANNUAL };
  const plans: Plan[] = [];
  const byLookup = PLAN_KEYS.some((k) => !configured[k])
    ? (await stripe.prices.list({ active: true, lookup_keys: Object.values(PLAN_LOOKUP_KEYS), limit: 10 })).data
    : [];
  for (const key of PLAN_KEYS) {
    const price = configured[key] ? await stripe.prices.retrieve(configured[key]) : byLookup.find((p) => p.lookup_key === PLAN_LOOKUP_KEYS[key]);
    if (price && price.active) plans.push(toPlan(key, price));
  }
  return plans;
}

/** The plans on sale, or [] when billing is not configured. Throws if Stripe cannot be reached. */
export async function getPlans(options: { stripe?: Stripe; fresh?: boolean } = {}): Promise<Plan[]> {
  if (!options.stripe && !billingConfigured()) return [];
  if (!options.fresh && !options.stripe && cached && Date.now() - cached.at < CACHE_MS) return cached.plans;
  const plans = await fetchPlans(options.stripe ?? getStripe());
  if (!options.stripe) cached = { plans, at: Date.now() };
  return plans;
}

/** getPlans for a page that must render without them: [] and `unavailable` when Stripe cannot answer. */
export async function loadPlansForPage(): Promise<{ plans: Plan[]; unavailable: boolean }> {
  try {
    return { plans: await getPlans(), unavailable: false };
  } catch (error) {
    console.error('Plans could not be loaded from Stripe:', error);
    return { plans: [], unavailable: true };
  }
}

/** In the price's own currency, written the site's way (SITE_LOCALE en-GB: "£19", "US$19"). */
export function formatPrice(plan: Pick<Plan, 'amount' | 'currency'>, locale: string = env.SITE_LOCALE): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: plan.currency.toUpperCase(), minimumFractionDigits: plan.amount % 100 === 0 ? 0 : 2 }).format(plan.amount / 100);
}

/** "£19 a month", "£190 a year". */
export function formatPlanPrice(plan: Pick<Plan, 'amount' | 'currency' | 'interval'>, locale?: string): string {
  return `${formatPrice(plan, locale)} a ${plan.interval}`;
}

/** What the paywall says it costs to join ("From £19 a month"), or null with no plan on sale. */
export function startingPrice(plans: Plan[], locale?: string): string | null {
  const plan = plans.find((p) => p.key === 'monthly') ?? plans[0];
  if (!plan) return null;
  const trial = plan.trialDays > 0 ? `, after a ${plan.trialDays}-day free trial` : '';
  return `From ${formatPlanPrice(plan, locale)}${trial}`;
}
