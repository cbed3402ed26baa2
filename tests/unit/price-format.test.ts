// Prices on the site (lib/billing/plans.ts): in the price's own currency, as Stripe gives
// it, written the site's way (SITE_LOCALE, en-GB by default): pounds as "£", others named.
import { describe, expect, it } from 'vitest';
import { formatPlanPrice, formatPrice, startingPrice, type Plan } from '@/lib/billing/plans';
import { parseEnv } from '@/lib/env';

const plan = (key: Plan['key'], amount: number, extra: Partial<Plan> = {}): Plan => ({
  key, amount, priceId: `price_${key}`, currency: 'gbp', interval: key === 'annual' ? 'year' : 'month', trialDays: 0, ...extra,
});

describe('formatPrice', () => {
  it('writes a price in its own currency, the site’s way', () => {
    expect(formatPrice({ amount: 1900, currency: 'gbp' })).toBe('£19');
    expect(formatPrice({ amount: 19000, currency: 'gbp' })).toBe('£190');
    expect(formatPrice({ amount: 1950, currency: 'gbp' })).toBe('£19.50');
    // A price in another currency is never shown as pounds.
    expect(formatPrice({ amount: 1900, currency: 'usd' })).toBe('US$19');
    expect(formatPrice({ amount: 1900, currency: 'eur' })).toBe('€19');
  });

  it('follows the locale it is given: the notation changes, never the currency', () => {
    expect(formatPrice({ amount: 1900, currency: 'gbp' }, 'en-US')).toBe('£19');
    expect(formatPrice({ amount: 1900, currency: 'usd' }, 'en-US')).toBe('$19');
    expect(formatPrice({ amount: 1950, currency: 'eur' }, 'de-DE')).toBe('19,50\u00a0€');
  });

  it('names the plan’s period and the paywall’s starting price', () => {
    expect(formatPlanPrice(plan('monthly', 1900))).toBe('£19 a month');
    expect(formatPlanPrice(plan('annual', 19000))).toBe('£190 a year');
    expect(startingPrice([plan('annual', 19000), plan('monthly', 1900)])).toBe('From £19 a month');
    expect(startingPrice([plan('monthly', 1900, { trialDays: 14 })])).toBe('From £19 a month, after a 14-day free trial');
    expect(startingPrice([plan('annual', 19000)])).toBe('From £190 a year');
    expect(startingPrice([])).toBeNull();
  });
});

describe('SITE_LOCALE', () => {
  it('defaults to en-GB and accepts a locale Intl supports', () => {
    expect(parseEnv({}).SITE_LOCALE).toBe('en-GB');
    expect(parseEnv({ SITE_LOCALE: '' }).SITE_LOCALE).toBe('en-GB');
    expect(parseEnv({ SITE_LOCALE: ' en-US ' }).SITE_LOCALE).toBe('en-US');
  });

  it('refuses a malformed tag or a locale Intl cannot format, naming the setting', () => {
    expect(() => parseEnv({ SITE_LOCALE: 'en_GB' })).toThrow(/SITE_LOCALE: "en_GB" is not a BCP 47 locale tag/);
    expect(() => parseEnv({ SITE_LOCALE: 'xx-YY' })).toThrow(/SITE_LOCALE: "xx-YY" is not a locale this server can format prices for/);
  });
});
