// Without Stripe keys (a real site never gets the demo's emulator) the checkout action
// offers nothing: a clear answer, before any sign-up redirect or Stripe call.
import { afterEach, describe, expect, it, vi } from 'vitest';

// A visitor: no cookie, so the viewer is anonymous without a database.
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
import { idleResult } from '@/lib/viewer/action-result';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('startCheckoutAction without Stripe keys', () => {
  it('says online sign-up is not available, for a visitor posting either plan', async () => {
    vi.stubEnv('STRIPE_SECRET_KEY', '');
    vi.stubEnv('STRIPE_API_URL', '');
    vi.stubEnv('SITE_URL', 'https://www.example.com');
    vi.resetModules();
    const { startCheckoutAction } = await import('@/lib/billing/actions');
    for (const plan of ['monthly', 'annual', 'bogus']) {
      const form = new FormData();
      form.set('plan', plan);
      expect(await startCheckoutAction(idleResult, form)).toEqual({ status: 'error', error: 'failed', message: 'Online sign-up is not available on this site.' });
    }
  });
});
