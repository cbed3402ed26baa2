// The premium-access rules, without a database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideEntitlements, decideEntitlementsFromRows, type CompState, type SubscriptionState } from '@/lib/billing/entitlements';

const now = new Date('2026-06-15T12:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

function sub(overrides: Partial<SubscriptionState> = {}): SubscriptionState {
  return { id: 'sub_1', status: 'active', priceId: 'price_m', interval: 'month', currentPeriodEnd: days(20), cancelAtPeriodEnd: false, endedAt: null, trialEnd: null, ...overrides };
}
function comp(overrides: Partial<CompState> = {}): CompState {
  return { id: 'comp_1', endsAt: null, revokedAt: null, createdAt: days(-5), ...overrides };
}
const decide = (subscriptions: SubscriptionState[], comps: CompState[] = [], role: 'MEMBER' | 'COACH' | 'ADMIN' = 'MEMBER') =>
  decideEntitlements({ role, subscriptions, comps, now });

describe('premium access', () => {
  it('nobody without a subscription, comp or staff role', () => {
    expect(decide([])).toMatchObject({ premium: false, source: null, subscription: null });
  });

  it.each(['active', 'trialing'])('%s subscriptions grant it', (status) => {
    expect(decide([sub({ status })])).toMatchObject({ premium: true, source: 'subscription', paymentFailed: false, accessEndsAt: null });
  });

  it.each(['canceled', 'unpaid', 'incomplete', 'incomplete_expired', 'paused'])('%s subscriptions do not', (status) => {
    expect(decide([sub({ status })]).premium).toBe(false);
  });

  it('past_due keeps access until the period ends, flagged as a failed payment', () => {
    const during = decide([sub({ status: 'past_due', currentPeriodEnd: days(3) })]);
    expect(during).toMatchObject({ premium: true, paymentFailed: true, accessEndsAt: days(3) });
    expect(decide([sub({ status: 'past_due', currentPeriodEnd: days(-1) })]).premium).toBe(false);
  });

  it('a scheduled cancellation keeps access until the period end, then not', () => {
    expect(decide([sub({ cancelAtPeriodEnd: true, currentPeriodEnd: days(2) })])).toMatchObject({ premium: true, accessEndsAt: days(2) });
    expect(decide([sub({ cancelAtPeriodEnd: true, currentPeriodEnd: days(-1) })]).premium).toBe(false);
  });

  it('prefers the live subscription over an ended one for display', () => {
    const ended = sub({ id: 'sub_old', status: 'canceled', currentPeriodEnd: days(40), endedAt: days(-30) });
    const live = sub({ id: 'sub_new', currentPeriodEnd: days(10) });
    expect(decide([ended, live]).subscription?.id).toBe('sub_new');
    expect(decide([ended]).subscription?.id).toBe('sub_old');
  });

  it('a comp grants access until its end date; revoked or expired comps do not', () => {
    expect(decide([], [comp()])).toMatchObject({ premium: true, source: 'comp', accessEndsAt: null });
    expect(decide([], [comp({ endsAt: days(7) })])).toMatchObject({ premium: true, accessEndsAt: days(7) });
    expect(decide([], [comp({ endsAt: days(-1) })]).premium).toBe(false);
    expect(decide([], [comp({ revokedAt: days(-1) })]).premium).toBe(false);
  });

  it('a comp covers a lapsed subscription', () => {
    expect(decide([sub({ status: 'canceled' })], [comp()])).toMatchObject({ premium: true, source: 'comp' });
  });

  it('coaches and admins see premium content as staff', () => {
    expect(decide([], [], 'COACH')).toMatchObject({ premium: true, source: 'staff' });
    expect(decide([], [], 'ADMIN')).toMatchObject({ premium: true, source: 'staff' });
  });
});

describe('decideEntitlementsFromRows (the JSON columns of a one-statement loader)', () => {
  // PostgreSQL's JSON for a timestamp(3) column: UTC, written without a zone.
  // A machine away from UTC, so reading the timestamps in local time would show.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Asia/Tokyo';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  const row = { id: 'sub_1', status: 'active', priceId: 'price_m', interval: 'month', currentPeriodEnd: '2026-06-15T12:30:00.5', cancelAtPeriodEnd: true, endedAt: null, trialEnd: null };

  it('reads zone-less timestamps as UTC, whatever the machine\'s time zone', () => {
    const e = decideEntitlementsFromRows({ role: 'MEMBER', subscriptions: [row], comps: null, now });
    expect(e.subscription?.currentPeriodEnd.getTime()).toBe(Date.UTC(2026, 5, 15, 12, 30, 0, 500));
    // Half an hour before the cancelled period ends: still in.
    expect(e).toMatchObject({ premium: true, source: 'subscription', accessEndsAt: new Date(Date.UTC(2026, 5, 15, 12, 30, 0, 500)) });
    expect(decideEntitlementsFromRows({ role: 'MEMBER', subscriptions: [row], comps: null, now: days(1) }).premium).toBe(false);
  });

  it('matches decideEntitlements for the same rows, comps and staff included', () => {
    const comps = [{ id: 'comp_1', endsAt: '2026-07-01T00:00:00', revokedAt: null, createdAt: '2026-06-01T00:00:00' }];
    expect(decideEntitlementsFromRows({ role: 'MEMBER', subscriptions: null, comps, now })).toEqual(
      decideEntitlements({ role: 'MEMBER', subscriptions: [], comps: [comp({ endsAt: new Date('2026-07-01T00:00:00Z'), createdAt: new Date('2026-06-01T00:00:00Z') })], now }),
    );
    expect(decideEntitlementsFromRows({ role: 'COACH', subscriptions: null, comps: null, now }).source).toBe('staff');
    expect(decideEntitlementsFromRows({ role: 'MEMBER', subscriptions: null, comps: null, now }).premium).toBe(false);
  });
});
