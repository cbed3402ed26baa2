// Google and GitHub sign-in appear only when both their keys are configured.
import { afterEach, describe, expect, it, vi } from 'vitest';

const KEYS = ['AUTH_GOOGLE_ID', 'AUTH_GOOGLE_SECRET', 'AUTH_GITHUB_ID', 'AUTH_GITHUB_SECRET'] as const;

async function providersWith(env: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const key of KEYS) vi.stubEnv(key, env[key] ?? '');
  vi.resetModules();
  const { configuredOAuthProviders } = await import('@/lib/auth/oauth-providers');
  return configuredOAuthProviders().map((p) => p.id);
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('OAuth providers', () => {
  it('are off without keys', async () => {
    expect(await providersWith({})).toEqual([]);
  });

  it('need both the id and the secret', async () => {
    expect(await providersWith({ AUTH_GOOGLE_ID: 'id-only' })).toEqual([]);
    expect(await providersWith({ AUTH_GITHUB_SECRET: 'secret-only' })).toEqual([]);
  });

  it('turn on one by one', async () => {
    expect(await providersWith({ AUTH_GOOGLE_ID: 'g', AUTH_GOOGLE_SECRET: 's' })).toEqual(['google']);
    expect(await providersWith({ AUTH_GOOGLE_ID: 'g', AUTH_GOOGLE_SECRET: 's', AUTH_GITHUB_ID: 'h', AUTH_GITHUB_SECRET: 't' })).toEqual(['google', 'github']);
  });
});
