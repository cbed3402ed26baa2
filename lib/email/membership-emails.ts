// Emails about a member's membership. Amounts are the Stripe price's own, written the
// site's way (SITE_LOCALE), as on the pricing and account pages.
import 'server-only';
import { env } from '@/lib/env';
import { site } from '@/lib/site';
import { isolate } from './render';
import { build, emailName, type EmailMessageContent } from './templates';

export interface MembershipStartedInput {
  name: string | null | undefined;
  /** "Monthly" or "Annual". */
  planLabel: string;
  /** "£19 a month". */
  price: string;
  renewsOn: Date;
  /** Set while a free trial runs: the first payment is on this day. */
  trialEndsOn: Date | null;
  programmeUrl: string;
  accountUrl: string;
}

const longDate = (date: Date) => new Intl.DateTimeFormat(env.SITE_LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);

/** A subscription has just started (or its trial has): what it costs and when it renews. */
export function membershipStarted(input: MembershipStartedInput): EmailMessageContent {
  const shown = emailName(input.name, '');
  const when = input.trialEndsOn
    ? `Your free trial runs until ${longDate(input.trialEndsOn)}: the first payment (${input.price}) is taken then, unless you cancel before.`
    : `It renews on ${longDate(input.renewsOn)} at ${input.price}.`;
  return build('membership-started', `Welcome to your ${site.name} membership`, {
    preheader: `${input.planLabel} membership, ${input.price}. Phase One is ready for you.`,
    heading: 'Your membership has started',
    paragraphs: [
      shown ? `Hi ${isolate(shown)},` : 'Hi,',
      `Thank you for joining ${site.name}. Your plan: ${input.planLabel}, ${input.price}. ${when}`,
      'Every session, members-only article and premium episode is open to you now, and you can ask the coaches questions under any of them. Phase One, session 1 is the place to start.',
      'You can cancel any time from your account page and keep access until the end of the period you paid for.',
    ],
    action: { label: 'Start Phase One', url: input.programmeUrl },
    footnote: `Payments are taken by Stripe, which sends a receipt for each one. Questions about billing? Write to us at ${site.contactEmail}.`,
    footerLinks: [{ label: 'Your membership on your account page', url: input.accountUrl }],
  });
}
