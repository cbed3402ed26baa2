// Email-link tokens: stored hashed, single use (even when two requests race), expiring,
// bound to their purpose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeToken, issueToken, issueTokenForAddress, TOKEN_LIFETIME_MINUTES } from '@/lib/auth/tokens';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
let userId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  userId = (await db.connection.prisma.user.create({ data: { email: 'token@example.com' } })).id;
});
afterAll(() => db.drop());

describe(`auth tokens on ${testDatabaseKind()}`, () => {
  const opts = () => ({ db: db.connection.prisma });

  it('stores only a hash and works exactly once', async () => {
    const token = await issueToken({ userId, purpose: 'CHANGE_EMAIL', email: 'token@example.com' }, opts());
    const rows = await db.connection.prisma.authToken.findMany({ where: { userId } });
    expect(rows.some((r) => r.tokenHash === token || r.tokenHash.includes(token))).toBe(false);
    expect(await consumeToken(token, 'CHANGE_EMAIL', opts())).toEqual({ ok: true, userId, email: 'token@example.com' });
    expect(await consumeToken(token, 'CHANGE_EMAIL', opts())).toEqual({ ok: false, reason: 'used' });
  });

  it('lets only one of two simultaneous uses succeed', async () => {
    const token = await issueToken({ userId, purpose: 'RESET_PASSWORD', email: 'token@example.com' }, opts());
    const results = await Promise.all(Array.from({ length: 8 }, () => consumeToken(token, 'RESET_PASSWORD', opts())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('expires after its lifetime', async () => {
    const issuedAt = new Date('2026-01-01T10:00:00Z');
    const token = await issueToken({ userId, purpose: 'RESET_PASSWORD', email: 'token@example.com' }, { ...opts(), now: issuedAt });
    const justAfter = new Date(issuedAt.getTime() + TOKEN_LIFETIME_MINUTES.RESET_PASSWORD * 60_000 + 1);
    expect(await consumeToken(token, 'RESET_PASSWORD', { ...opts(), now: justAfter })).toEqual({ ok: false, reason: 'expired' });
  });

  it('works only for its own purpose, and a newer link replaces an older one', async () => {
    const older = await issueToken({ userId, purpose: 'RESET_PASSWORD', email: 'token@example.com' }, opts());
    const newer = await issueToken({ userId, purpose: 'RESET_PASSWORD', email: 'token@example.com' }, opts());
    expect(await consumeToken(newer, 'CHANGE_EMAIL', opts())).toEqual({ ok: false, reason: 'invalid' });
    expect(await consumeToken(older, 'RESET_PASSWORD', opts())).toEqual({ ok: false, reason: 'used' });
    expect((await consumeToken(newer, 'RESET_PASSWORD', opts())).ok).toBe(true);
  });

  it('issues a link for an address only when an account has it, retiring the older one either way', async () => {
    const older = await issueToken({ userId, purpose: 'RESET_PASSWORD', email: 'token@example.com' }, opts());
    const byAddress = await issueTokenForAddress({ purpose: 'RESET_PASSWORD', email: 'token@example.com' }, opts());
    expect(byAddress).not.toBeNull();
    expect(await consumeToken(older, 'RESET_PASSWORD', opts())).toEqual({ ok: false, reason: 'used' });
    expect(await consumeToken(byAddress!, 'RESET_PASSWORD', opts())).toEqual({ ok: true, userId, email: 'token@example.com' });
    const before = await db.connection.prisma.authToken.count();
    expect(await issueTokenForAddress({ purpose: 'RESET_PASSWORD', email: 'nobody@example.com' }, opts())).toBeNull();
    expect(await db.connection.prisma.authToken.count()).toBe(before);
  });

  it('rejects unknown, malformed and oversized tokens without touching the database rows', async () => {
    for (const bad of ['', 'short', 'x'.repeat(10_000), "'; DROP TABLE \"AuthToken\"; --", 'A'.repeat(43)]) {
      expect((await consumeToken(bad, 'CHANGE_EMAIL', opts())).ok).toBe(false);
    }
    expect(await db.connection.prisma.authToken.count()).toBeGreaterThan(0);
  });
});
