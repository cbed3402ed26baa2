// The email a member gets when their membership starts: the price as the site writes it
// (SITE_LOCALE, en-GB: pounds), the renewal or trial date, and the way to Phase One.
import { describe, expect, it } from 'vitest';
import { formatPlanPrice } from '@/lib/billing/plans';
import { welcome as membershipStarted } from '@/lib/lifecycle/templates';
import { startsMembership } from '@/lib/lifecycle/welcome';

const base = {
  name: 'Morgan Member',
  planLabel: 'Monthly',
  price: formatPlanPrice({ amount: 1900, currency: 'gbp', interval: 'month' }),
  renewsOn: new Date('2027-01-06T10:00:00Z'),
  trialEndsOn: null,
  firstSessionUrl: 'http://localhost:3000/programme/phase-one/breathing-and-bracing',
  accountUrl: 'http://localhost:3000/account#membership-heading',
  links: {
    unsubscribeUrl: 'http://localhost:3000/notifications/unsubscribe?token=t&category=welcome',
    oneClickUnsubscribeUrl: 'http://localhost:3000/api/notifications/unsubscribe?token=t&category=welcome',
    settingsUrl: 'http://localhost:3000/account#notifications-heading',
  },
};

describe('membershipStarted email', () => {
  it('names the plan and its price in pounds, and when it renews', () => {
    const email = membershipStarted(base);
    expect(email.template).toBe('membership-started');
    expect(email.subject).toBe('Welcome to your Steady Spine membership');
    for (const version of [email.text, email.html]) {
      expect(version).toContain('Your plan: Monthly, £19 a month.');
      expect(version).toContain('It renews on 6 January 2027 at £19 a month.');
      expect(version).not.toContain('$');
    }
    expect(email.html).toContain('href="http://localhost:3000/programme/phase-one/breathing-and-bracing"');
    expect(email.text).toContain('What to do first: start Phase One, session 1');
    // A lifecycle email of the welcome category: one click turns off only that.
    expect(email.listUnsubscribeUrl).toBe(base.links.oneClickUnsubscribeUrl);
    expect(email.text).toContain(`Stop emails about a welcome when a membership starts: ${base.links.unsubscribeUrl}`);
  });

  it('says when a free trial ends and what is taken then', () => {
    const email = membershipStarted({ ...base, trialEndsOn: new Date('2026-12-20T00:00:00Z') });
    expect(email.text).toContain('Your free trial runs until 20 December 2026: the first payment (£19 a month) is taken then');
    expect(email.text).not.toContain('renews on');
  });

  it('never makes a member’s name a link', () => {
    expect(membershipStarted({ ...base, name: 'www.evil.example' }).text).not.toContain('evil');
  });
});

describe('startsMembership', () => {
  it('is true only for the sync that sees the subscription start', () => {
    expect(startsMembership(null, 'active')).toBe(true);
    expect(startsMembership(null, 'trialing')).toBe(true);
    expect(startsMembership('incomplete', 'active')).toBe(true);
    expect(startsMembership(null, 'incomplete')).toBe(false);
    expect(startsMembership('active', 'active')).toBe(false);
    expect(startsMembership('past_due', 'active')).toBe(false);
    expect(startsMembership('trialing', 'active')).toBe(false);
  });
});
