// The lifecycle emails' timing rules as functions of `now`, and what every template carries:
// its category's one-click unsubscribe, except card failed, which a member cannot turn off.
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_KINDS, MUTABLE_KINDS, mutedFromChoices } from '@/lib/lifecycle/kinds';
import { endingSoonKey, endingSoonWindow, goneQuietKey, lapsedWindow, quietSince } from '@/lib/lifecycle/rules';
import { sampleLifecycleEmail } from '@/lib/lifecycle/samples';

const DAY = 86_400_000;
const now = new Date('2030-03-01T09:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * DAY);

describe('lifecycle rules', () => {
  it('ending soon looks 3 days ahead; lapsed 7 to 14 days back', () => {
    expect(endingSoonWindow(now)).toEqual({ after: now, until: days(3) });
    expect(lapsedWindow(now)).toEqual({ after: days(-14), until: days(-7) });
    expect(endingSoonKey('sub_1', new Date('2030-03-04T09:00:00.500Z'))).toBe('sub_1@1898845200');
  });

  it('a quiet spell counts from the later of the last session and the start of access', () => {
    expect(quietSince(days(-20), days(-12))).toEqual(days(-12));
    expect(quietSince(null, days(-12))).toEqual(days(-12));
    expect(quietSince(days(-3), null)).toEqual(days(-3));
    expect(quietSince(null, null)).toBeNull();
  });

  it('gives one gone-quiet key per fortnight of a quiet spell', () => {
    const since = days(-40);
    const keyAt = (d: number) => goneQuietKey(since, days(-40 + d));
    expect(keyAt(10)).toBe(`${since.toISOString()}/0`);
    expect(keyAt(23.9)).toBe(keyAt(10));
    expect(keyAt(24)).toBe(`${since.toISOString()}/1`);
    expect(keyAt(38)).toBe(`${since.toISOString()}/2`);
  });

  it('reads the account form: unticked categories are muted, no fieldset changes nothing', () => {
    expect(mutedFromChoices({ 'lifecycle-form': '1', 'lifecycle-welcome': 'on', 'lifecycle-lapsed': 'on' })).toEqual(['ending-soon', 'gone-quiet', 'next-phase']);
    expect(mutedFromChoices({ 'lifecycle-welcome': 'on' })).toBeNull();
    expect(MUTABLE_KINDS).not.toContain('card-failed');
  });
});

describe('lifecycle templates', () => {
  it('every categorised email carries its own one-click unsubscribe; card failed carries none', () => {
    for (const kind of LIFECYCLE_KINDS) {
      const email = sampleLifecycleEmail(kind, now);
      if (kind === 'card-failed') {
        expect(email.listUnsubscribeUrl).toBeUndefined();
        expect(email.text).toContain('it comes whatever your email settings');
      } else {
        expect(email.listUnsubscribeUrl).toMatch(new RegExp(`/api/notifications/unsubscribe\\?token=sample&category=${kind}$`));
        expect(email.text).toContain(`/notifications/unsubscribe?token=sample&category=${kind}`);
      }
    }
  });
});
