// Prices on the site (lib/billing/plans.ts): in the price's own currency, as Stripe gives
// it, written the site's way (site.language is en-GB): pounds as "£", others named.
import { describe, expect, it } from 'vitest';
import { formatPrice } from '@/lib/billing/plans';

describe('formatPrice', () => {
  it('writes a price in its own currency, the site’s way', () => {
    expect(formatPrice({ amount: 1900, currency: 'gbp' })).toBe('£19');
    expect(formatPrice({ amount: 19000, currency: 'gbp' })).toBe('£190');
    expect(formatPrice({ amount: 1950, currency: 'gbp' })).toBe('£19.50');
    // A price in another currency is never shown as pounds.
    expect(formatPrice({ amount: 1900, currency: 'usd' })).toBe('US$19');
    expect(formatPrice({ amount: 1900, currency: 'eur' })).toBe('€19');
  });
});
