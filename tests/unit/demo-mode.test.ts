// The demo and a real site never mix: which SITE_URLs are the demo, what the start-up
// check refuses on a real site, and what `npm start` gives the server in each case.
import { describe, expect, it } from 'vitest';
import { isLoopbackOrigin, loopbackListenHost } from '@/lib/demo/mode';
import { assertSafeToStart, startupProblems, UnsafeStartError, type StartupConfig } from '@/lib/demo/startup-check';
import { parseEnv } from '@/lib/env';
import { planStart } from '@/scripts/lib/start-plan';

describe('isLoopbackOrigin', () => {
  it('is true only for localhost, 127.0.0.1 and [::1], over http or https, on any port', () => {
    for (const url of ['http://localhost:3000', 'http://localhost', 'https://localhost:8443/', 'http://127.0.0.1:3100', 'http://[::1]:3000', 'http://LOCALHOST:3000']) {
      expect(isLoopbackOrigin(url), url).toBe(true);
    }
  });

  it('is false for every other host, the e2e production-mode server 127.0.0.2 included', () => {
    for (const url of [
      'http://127.0.0.2:3102',
      'http://127.0.0.1.nip.io:3000',
      'http://localhost.example.com',
      'http://localhost.:3000',
      'https://www.example.com',
      'http://localhost@evil.example',
      'http://0.0.0.0:3000',
      'http://[::]:3000',
      'http://10.0.0.5:3000',
      'ftp://localhost/',
      'localhost:3000',
      '',
      'not a url',
    ]) {
      expect(isLoopbackOrigin(url), url).toBe(false);
    }
  });

  it('the demo server listens on the loopback address of its SITE_URL', () => {
    expect(loopbackListenHost('http://localhost:3000')).toBe('127.0.0.1');
    expect(loopbackListenHost('http://127.0.0.1:3000')).toBe('127.0.0.1');
    expect(loopbackListenHost('http://[::1]:3000')).toBe('::1');
  });
});

describe('SITE_URL default', () => {
  it('follows PORT, so feeds and emailed links point at the port the site is on', () => {
    expect(parseEnv({ PORT: '4123' }).SITE_URL).toBe('http://localhost:4123');
    expect(parseEnv({}).SITE_URL).toBe('http://localhost:3000');
    expect(parseEnv({ PORT: '4123', SITE_URL: 'https://www.example.com/' }).SITE_URL).toBe('https://www.example.com');
  });
});

const realSite: StartupConfig = { SITE_URL: 'https://www.example.com', DEV_OUTBOX_PUBLIC: false, SEED_DEMO_DATA: false, STRIPE_API_URL: undefined, AUTH_SECRET: 'a-long-random-secret-0123456789abcdef' };

describe('start-up check', () => {
  it('lets a real site start with none of the demo behaviours and an AUTH_SECRET', () => {
    expect(startupProblems(realSite)).toEqual([]);
    expect(() => assertSafeToStart(realSite)).not.toThrow();
  });

  it.each([
    ['DEV_OUTBOX_PUBLIC', { DEV_OUTBOX_PUBLIC: true }],
    ['SEED_DEMO_DATA', { SEED_DEMO_DATA: true }],
    ['STRIPE_API_URL', { STRIPE_API_URL: 'http://127.0.0.1:12111' }],
    ['AUTH_SECRET', { AUTH_SECRET: undefined }],
  ] as const)('refuses %s on a real site, naming it', (name, change) => {
    const problems = startupProblems({ ...realSite, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
    expect(() => assertSafeToStart({ ...realSite, ...change })).toThrow(UnsafeStartError);
    expect(() => assertSafeToStart({ ...realSite, ...change })).toThrow(new RegExp(`SITE_URL=https://www.example.com[\\s\\S]*${name}`));
  });

  it('refuses a Stripe API URL on a real site even when it is Stripe-like', () => {
    expect(startupProblems({ ...realSite, STRIPE_API_URL: 'https://stripe-mock.example.com' })[0]).toContain('STRIPE_API_URL');
  });

  it('names every problem at once, and the same settings on 127.0.0.2 count as a real site', () => {
    const everything = { SITE_URL: 'http://127.0.0.2:3102', DEV_OUTBOX_PUBLIC: true, SEED_DEMO_DATA: true, STRIPE_API_URL: 'http://127.0.0.1:12111', AUTH_SECRET: undefined };
    const problems = startupProblems(everything);
    expect(problems.map((p) => p.split(/[= ]/)[0])).toEqual(['DEV_OUTBOX_PUBLIC', 'SEED_DEMO_DATA', 'STRIPE_API_URL', 'AUTH_SECRET']);
  });

  it('allows every demo behaviour on a loopback SITE_URL', () => {
    for (const SITE_URL of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      expect(startupProblems({ SITE_URL, DEV_OUTBOX_PUBLIC: true, SEED_DEMO_DATA: true, STRIPE_API_URL: 'http://127.0.0.1:12111', AUTH_SECRET: undefined })).toEqual([]);
    }
  });
});

describe('npm start (planStart)', () => {
  const generated = () => 'generated-demo-secret';
  const never = () => {
    throw new Error('a real site must not get a generated AUTH_SECRET');
  };

  it('on the default SITE_URL: the demo, listening on loopback, with its defaults', () => {
    const plan = planStart({ PORT: '4123' }, { dev: false, demoAuthSecret: generated });
    expect(plan.demo).toBe(true);
    expect(plan.localStripe).toBe(true);
    expect(plan.host).toBe('127.0.0.1');
    expect(plan.env).toMatchObject({ SITE_URL: 'http://localhost:4123', PORT: '4123', HOST: '127.0.0.1', AUTH_SECRET: 'generated-demo-secret', SEED_DEMO_DATA: 'true', DEV_OUTBOX_PUBLIC: 'true', NODE_ENV: 'production' });
  });

  it('in the demo, HOST, Stripe keys and explicit settings win over the defaults', () => {
    const plan = planStart(
      { SITE_URL: 'http://127.0.0.1:3000', HOST: '0.0.0.0', STRIPE_SECRET_KEY: 'sk_test_123', SEED_DEMO_DATA: 'false', DEV_OUTBOX_PUBLIC: 'false', AUTH_SECRET: 'mine' },
      { dev: true, demoAuthSecret: never },
    );
    expect(plan.demo).toBe(true);
    expect(plan.localStripe).toBe(false);
    expect(plan.host).toBe('0.0.0.0');
    expect(plan.env).toMatchObject({ AUTH_SECRET: 'mine', SEED_DEMO_DATA: 'false', DEV_OUTBOX_PUBLIC: 'false', NODE_ENV: 'development' });
  });

  it("on the README's production command: none of the demo behaviours, every interface", () => {
    const source = { DATABASE_URL: 'postgres://user:pass@db.example.com:5432/steadyspine', SITE_URL: 'https://www.example.com', SEED_DEMO_DATA: 'false', AUTH_SECRET: 'a-long-random-secret' };
    const plan = planStart(source, { dev: false, demoAuthSecret: never });
    expect(plan.demo).toBe(false);
    expect(plan.localStripe).toBe(false);
    expect(plan.host).toBeUndefined();
    expect(plan.env.DEV_OUTBOX_PUBLIC).toBeUndefined();
    expect(plan.env.STRIPE_API_URL).toBeUndefined();
    expect(plan.config).toMatchObject({ SEED_DEMO_DATA: false, DEV_OUTBOX_PUBLIC: false, AUTH_SECRET: 'a-long-random-secret' });
  });

  it.each(['DEV_OUTBOX_PUBLIC=true', 'SEED_DEMO_DATA=true', 'STRIPE_API_URL=http://127.0.0.1:12111', 'AUTH_SECRET='])(
    'on a real site, %s stops the start with a message naming it',
    (setting) => {
      const [name, value] = setting.split('=');
      const source = { SITE_URL: 'https://www.example.com', AUTH_SECRET: 'a-long-random-secret', [name]: value };
      expect(() => planStart(source, { dev: false, demoAuthSecret: never })).toThrow(new RegExp(name));
    },
  );
});
