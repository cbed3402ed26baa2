import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ViewerUser } from '@/lib/viewer/types';
import { extractLinks, outboxFilterSchema } from '@/lib/email/outbox';

const user = (role: ViewerUser['role']): ViewerUser => ({ id: 'u1', email: 'u@example.com', name: null, role, emailVerified: null });

describe('extractLinks', () => {
  it('finds every http(s) link once, in order, with its "Label:" when it has one', () => {
    const text = [
      'Confirm your email address',
      '',
      'Confirm my email address: https://www.example.com/verify-email?token=abc&x=1',
      'Read more at https://www.example.com/articles/stiff-back. Or (https://www.example.com/podcast).',
      'Again: https://www.example.com/verify-email?token=abc&x=1',
      'Not links: javascript:alert(1) ftp://example.com mailto:hello@example.com',
      '-- ',
      'http://localhost:3000/',
    ].join('\n');
    expect(extractLinks(text)).toEqual([
      { label: 'Confirm my email address', url: 'https://www.example.com/verify-email?token=abc&x=1' },
      { label: null, url: 'https://www.example.com/articles/stiff-back' },
      { label: null, url: 'https://www.example.com/podcast' },
      { label: null, url: 'http://localhost:3000/' },
    ]);
  });

  it('returns nothing for text without links', () => {
    expect(extractLinks('Your password was changed.\n\nNothing else to do.')).toEqual([]);
  });
});

describe('outbox filter', () => {
  it('accepts an empty filter or a full address, and explains anything else', () => {
    expect(outboxFilterSchema.parse({ to: '' })).toEqual({ to: undefined });
    expect(outboxFilterSchema.parse({ to: '  sam@example.com ' })).toEqual({ to: 'sam@example.com' });
    const bad = outboxFilterSchema.safeParse({ to: 'sam@' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/full email address/);
    expect(outboxFilterSchema.safeParse({ to: `${'a'.repeat(320)}@example.com` }).success).toBe(false);
  });
});

describe('canViewOutbox', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function load(envVars: Record<string, string | undefined>) {
    for (const [key, value] of Object.entries(envVars)) vi.stubEnv(key, value);
    vi.resetModules();
    return (await import('@/lib/email/outbox')).canViewOutbox;
  }

  it('in the demo outside production, anyone may view it', async () => {
    const canView = await load({ NODE_ENV: 'development', SITE_URL: 'http://localhost:3000', DEV_OUTBOX_PUBLIC: undefined });
    expect(canView(null)).toBe(true);
  });

  it('in the demo in production, only admins, unless DEV_OUTBOX_PUBLIC opts in', async () => {
    const canView = await load({ NODE_ENV: 'production', SITE_URL: 'http://localhost:3000', DEV_OUTBOX_PUBLIC: undefined });
    expect(canView(null)).toBe(false);
    expect(canView(user('MEMBER'))).toBe(false);
    expect(canView(user('COACH'))).toBe(false);
    expect(canView(user('ADMIN'))).toBe(true);
    const publicView = await load({ NODE_ENV: 'production', SITE_URL: 'http://localhost:3000', DEV_OUTBOX_PUBLIC: 'true' });
    expect(publicView(null)).toBe(true);
  });

  it('on a real site (non-loopback SITE_URL), only admins, whatever NODE_ENV and DEV_OUTBOX_PUBLIC say', async () => {
    for (const SITE_URL of ['https://www.example.com', 'http://127.0.0.2:3102']) {
      for (const NODE_ENV of ['production', 'development']) {
        const canView = await load({ SITE_URL, NODE_ENV, DEV_OUTBOX_PUBLIC: 'true' });
        expect(canView(null), `${SITE_URL} ${NODE_ENV}`).toBe(false);
        expect(canView(user('MEMBER'))).toBe(false);
        expect(canView(user('COACH'))).toBe(false);
        expect(canView(user('ADMIN'))).toBe(true);
      }
    }
  });
});
