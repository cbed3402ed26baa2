// The limiter is one atomic statement: concurrent requests, from one client or from two
// app-like clients on the same PostgreSQL, never let more than the limit through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeRateLimit, consumeRateLimits, pruneRateLimits, refundRateLimits, type RateLimitRule } from '@/lib/rate-limit/rate-limit';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const rule = (name: string, limit = 10, windowSeconds = 900): RateLimitRule => ({ name, limit, windowSeconds });

describe(`rate limits on ${testDatabaseKind()}`, () => {
  it('allows exactly the limit in one window and refuses the next, with a retry time', async () => {
    const r = rule('sequential', 10);
    const now = new Date('2026-01-01T10:00:00Z');
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await consumeRateLimit(r, 'a@example.com', { db: db.connection.prisma, now }));
    expect(results.slice(0, 10).every((x) => x.allowed)).toBe(true);
    expect(results[9].remaining).toBe(0);
    expect(results[10].allowed).toBe(false);
    expect(results[10].retryAfterSeconds).toBe(900);
  });

  it('opens the window at the first request, so a burst across a minute boundary is still limited', async () => {
    const r = rule('windows', 2, 60);
    const prisma = db.connection.prisma;
    const at = (s: string) => ({ db: prisma, now: new Date(`2026-01-01T10:${s}Z`) });
    expect((await consumeRateLimit(r, 'x', at('00:59'))).allowed).toBe(true);
    expect((await consumeRateLimit(r, 'x', at('01:00'))).allowed).toBe(true);
    const third = await consumeRateLimit(r, 'x', at('01:01'));
    expect(third.allowed).toBe(false);
    expect(third.retryAfterSeconds).toBe(58);
    expect((await consumeRateLimit(r, 'y', at('01:01'))).allowed).toBe(true);
    // Once the window that opened at 00:59 has closed, counting starts again.
    const fresh = await consumeRateLimit(r, 'x', at('01:59'));
    expect(fresh).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('treats an email the same whatever its case and spacing', async () => {
    const r = rule('case', 1);
    const prisma = db.connection.prisma;
    expect((await consumeRateLimit(r, 'Member@Example.com', { db: prisma })).allowed).toBe(true);
    expect((await consumeRateLimit(r, ' member@example.com ', { db: prisma })).allowed).toBe(false);
  });

  it('never lets more than the limit through under 60 concurrent requests', async () => {
    const r = rule('concurrent-one-client', 10);
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 60 }, () => consumeRateLimit(r, 'race@example.com', { db: db.connection.prisma, now })));
    expect(results.filter((x) => x.allowed)).toHaveLength(10);
  });

  it('refuses when any of several rules refuses, and counts a refused request nowhere', async () => {
    const perEmail = rule('combo-email', 2);
    const perIp = rule('combo-ip', 100);
    const prisma = db.connection.prisma;
    const check = () => consumeRateLimits([{ rule: perEmail, subject: 'c@example.com' }, { rule: perIp, subject: '203.0.113.9' }], { db: prisma });
    expect((await check()).allowed).toBe(true);
    expect((await check()).allowed).toBe(true);
    const third = await check();
    expect(third.allowed).toBe(false);
    expect(third.retryAfterSeconds).toBeGreaterThan(0);
    // Two counted (the refused third gave its per-IP unit back), and this one.
    expect((await consumeRateLimit(perIp, '203.0.113.9', { db: prisma })).remaining).toBe(97);
  });

  it('gives a unit back in its own window only', async () => {
    const r = rule('refund', 2, 60);
    const prisma = db.connection.prisma;
    const at = (s: string) => ({ db: prisma, now: new Date(`2026-01-01T11:${s}Z`) });
    const first = await consumeRateLimit(r, 'z', at('00:00'));
    await consumeRateLimit(r, 'z', at('00:10'));
    await refundRateLimits(first.counted, { db: prisma });
    expect((await consumeRateLimit(r, 'z', at('00:20'))).allowed).toBe(true);
    const over = await consumeRateLimit(r, 'z', at('00:30'));
    expect(over.allowed).toBe(false);
    // A unit from the closed window is not credited to the next one.
    const next = await consumeRateLimit(r, 'z', at('01:05'));
    await refundRateLimits(over.counted, { db: prisma });
    expect(next.remaining).toBe(1);
    expect((await consumeRateLimit(r, 'z', at('01:06'))).remaining).toBe(0);
  });

  it('stores no email address in the clear, and prunes finished windows', async () => {
    const prisma = db.connection.prisma;
    const keys = await prisma.rateLimitBucket.findMany({ select: { key: true } });
    expect(keys.some((k) => k.key.includes('@'))).toBe(false);
    const before = await prisma.rateLimitBucket.count();
    const pruned = await pruneRateLimits({ db: prisma, now: new Date('2099-01-01') });
    expect(pruned).toBe(before);
    expect(await prisma.rateLimitBucket.count()).toBe(0);
  });
});
