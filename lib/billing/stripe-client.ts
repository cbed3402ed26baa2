// The one Stripe client, built from the environment. STRIPE_API_URL points the official
// SDK at another host (the local emulator in development and tests).
import 'server-only';
import Stripe from 'stripe';
import { env } from '@/lib/env';

export class BillingNotConfiguredError extends Error {
  constructor() {
    super('Online membership sign-up is not configured (STRIPE_SECRET_KEY is not set).');
  }
}

export function billingConfigured(): boolean {
  return Boolean(env.STRIPE_SECRET_KEY);
}

/** Test keys and the emulator take no real payments: the site says so on billing pages. */
export function billingTestMode(): boolean {
  return Boolean(env.STRIPE_API_URL) || Boolean(env.STRIPE_SECRET_KEY?.startsWith('sk_test_'));
}

export function createStripeClient(secretKey: string, apiUrl?: string): Stripe {
  const target = apiUrl ? new URL(apiUrl) : null;
  return new Stripe(secretKey, {
    ...(target ? { host: target.hostname, port: target.port || (target.protocol === 'https:' ? 443 : 80), protocol: target.protocol === 'https:' ? 'https' : 'http' } : {}),
    maxNetworkRetries: 2,
    timeout: 15_000,
    appInfo: { name: 'steady-spine' },
  });
}

let client: Stripe | undefined;

export function getStripe(): Stripe {
  if (!env.STRIPE_SECRET_KEY) throw new BillingNotConfiguredError();
  client ??= createStripeClient(env.STRIPE_SECRET_KEY, env.STRIPE_API_URL);
  return client;
}
