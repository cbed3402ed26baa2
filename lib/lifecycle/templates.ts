// The lifecycle emails' words. Each carries its category's one-click unsubscribe (RFC 8058)
// and a link to the settings, except card failed, which a member cannot turn off (kinds.ts).
import 'server-only';
import { env } from '@/lib/env';
import { isolate } from '@/lib/email/render';
import { build, emailName, type EmailMessageContent, type EmailTemplate } from '@/lib/email/templates';
import type { EmailContent } from '@/lib/email/render';
import { site } from '@/lib/site';
import { LIFECYCLE_INFO, type LifecycleCategory } from './kinds';

export interface LifecycleLinks {
  /** The page with a button that turns off this category (absolute). */
  unsubscribeUrl: string;
  /** Where a mail app's Unsubscribe button POSTs, for List-Unsubscribe (absolute). */
  oneClickUnsubscribeUrl: string;
  /** The account page's email settings (absolute). */
  settingsUrl: string;
}

const longDate = (date: Date) => new Intl.DateTimeFormat(env.SITE_LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
const greeting = (name: string | null | undefined) => {
  const shown = emailName(name, '');
  return shown ? `Hi ${isolate(shown)},` : 'Hi,';
};

/** A categorised lifecycle email: why it came, how to stop this kind, and the List-Unsubscribe header. */
function categorised(category: LifecycleCategory, links: LifecycleLinks, template: EmailTemplate, subject: string, content: EmailContent): EmailMessageContent {
  const about = LIFECYCLE_INFO[category].about;
  return {
    ...build(template, subject, {
      ...content,
      footnote: `${content.footnote ? `${content.footnote} ` : ''}You get this email because you are a ${site.name} member and have not turned off emails about ${about}.`,
      footerLinks: [
        ...(content.footerLinks ?? []),
        { label: 'Choose which emails you get', url: links.settingsUrl },
        { label: `Stop emails about ${about}`, url: links.unsubscribeUrl },
      ],
    }),
    listUnsubscribeUrl: links.oneClickUnsubscribeUrl,
  };
}

export interface WelcomeInput {
  name: string | null | undefined;
  /** "Monthly" or "Annual". */
  planLabel: string;
  /** "£19 a month". */
  price: string;
  renewsOn: Date;
  /** Set while a free trial runs: the first payment is on this day. */
  trialEndsOn: Date | null;
  /** Phase One, session 1 (absolute). */
  firstSessionUrl: string;
  accountUrl: string;
  links: LifecycleLinks;
}

/** A membership has just started (or its trial has): what it costs, when it renews, and where to begin. */
export function welcome(input: WelcomeInput): EmailMessageContent {
  const when = input.trialEndsOn
    ? `Your free trial runs until ${longDate(input.trialEndsOn)}: the first payment (${input.price}) is taken then, unless you cancel before.`
    : `It renews on ${longDate(input.renewsOn)} at ${input.price}.`;
  return categorised('welcome', input.links, 'membership-started', `Welcome to your ${site.name} membership`, {
    preheader: `${input.planLabel} membership, ${input.price}. Phase One is ready for you.`,
    heading: 'Your membership has started',
    paragraphs: [
      greeting(input.name),
      `Thank you for joining ${site.name}. Your plan: ${input.planLabel}, ${input.price}. ${when}`,
      'What to do first: start Phase One, session 1, and follow along with the video; the notes under it show how each exercise should feel. Do the sessions of Phase One in order, then repeat the phase: the programme page tells you when you are ready for the next one.',
      'Every members-only article and premium episode is open to you now too, and you can ask the coaches questions under any of them.',
      'You can cancel any time from your account page and keep access until the end of the period you paid for.',
    ],
    action: { label: 'Start Phase One, session 1', url: input.firstSessionUrl },
    footnote: `Payments are taken by Stripe, which sends a receipt for each one. Questions about billing? Write to us at ${site.contactEmail}.`,
    footerLinks: [{ label: 'Your membership on your account page', url: input.accountUrl }],
  });
}

/**
 * A renewal payment failed. Not categorised: a member cannot turn it off (kinds.ts), so it
 * has no unsubscribe link and says why it came.
 */
export function cardFailed(input: { name: string | null | undefined; amount: string | null; nextAttemptOn: Date | null; billingUrl: string }): EmailMessageContent {
  const retry = input.nextAttemptOn ? `We will try the card again on ${longDate(input.nextAttemptOn)}.` : 'We will not try the card again by ourselves.';
  return build('lifecycle-card-failed', `Your ${site.name} payment did not go through`, {
    preheader: 'Update your card to keep your membership.',
    heading: 'Your payment did not go through',
    paragraphs: [
      greeting(input.name),
      `We could not take your membership payment${input.amount ? ` of ${input.amount}` : ''}: your bank or card declined it. ${retry}`,
      'Your access continues for now. To keep your membership, update your card in the billing portal (from your account page): the payment is taken again as soon as the new card is saved. If every attempt fails, the membership ends.',
    ],
    action: { label: 'Update my card', url: input.billingUrl },
    footnote: `You get this email because a payment for your ${site.name} membership failed. It is about your account and your money, so it comes whatever your email settings. Questions? Write to us at ${site.contactEmail}.`,
  });
}

export function endingSoon(input: { name: string | null | undefined; endsOn: Date; accountUrl: string; links: LifecycleLinks }): EmailMessageContent {
  return categorised('ending-soon', input.links, 'lifecycle-ending-soon', `Your ${site.name} membership ends on ${longDate(input.endsOn)}`, {
    preheader: 'Changed your mind? You can keep it with one click.',
    heading: `Your membership ends on ${longDate(input.endsOn)}`,
    paragraphs: [
      greeting(input.name),
      `As you asked, your membership is not renewing: your access to the programme, members-only articles and premium episodes ends on ${longDate(input.endsOn)}.`,
      'Your progress stays saved. Changed your mind? You can keep your membership from your account page until then, and nothing else changes.',
    ],
    action: { label: 'Keep my membership', url: input.accountUrl },
  });
}

export function lapsed(input: { name: string | null | undefined; pricingUrl: string; links: LifecycleLinks }): EmailMessageContent {
  return categorised('lapsed', input.links, 'lifecycle-lapsed', `Your ${site.name} programme is waiting for you`, {
    preheader: 'Your progress is saved. Pick up where you left off.',
    heading: 'Your progress is saved',
    paragraphs: [
      greeting(input.name),
      'Your membership ended a week ago. We kept everything you did: your completed sessions, runs and notes are there when you come back, and the programme picks up where you left off.',
      'Our free articles and podcast are always open to you. If your back is asking for the programme again, you can rejoin any time.',
    ],
    action: { label: 'See the plans', url: input.pricingUrl },
  });
}

export function goneQuiet(input: { name: string | null | undefined; days: number; nextSessionTitle: string; nextSessionUrl: string; links: LifecycleLinks }): EmailMessageContent {
  return categorised('gone-quiet', input.links, 'lifecycle-gone-quiet', 'Ready for your next session?', {
    preheader: `${input.nextSessionTitle} is next.`,
    heading: 'Ready for your next session?',
    paragraphs: [
      greeting(input.name),
      `It has been ${input.days} days since your last session. Backs like regular, gentle work: a short session today keeps what you have built.`,
      `Next up: ${input.nextSessionTitle}. If it has been a while, take it easy and go by how it feels; if something hurts, ask a coach under the session.`,
    ],
    action: { label: 'Start my next session', url: input.nextSessionUrl },
  });
}

export function nextPhase(input: { name: string | null | undefined; phaseTitle: string; nextPhaseTitle: string; nextPhaseUrl: string; links: LifecycleLinks }): EmailMessageContent {
  return categorised('next-phase', input.links, 'lifecycle-next-phase', `You are ready for ${input.nextPhaseTitle}`, {
    preheader: `You have done the recommended runs of ${input.phaseTitle}.`,
    heading: `You are ready for ${input.nextPhaseTitle}`,
    paragraphs: [
      greeting(input.name),
      `Well done: you have done the recommended runs of ${input.phaseTitle}. The programme now recommends ${input.nextPhaseTitle}, which builds on the control you have gained.`,
      `Happy where you are? You can keep repeating ${input.phaseTitle}; moving on is your choice, from the phase page.`,
    ],
    action: { label: `Look at ${input.nextPhaseTitle}`, url: input.nextPhaseUrl },
  });
}
