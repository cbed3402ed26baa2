// A sample of each lifecycle email, for the admins' preview at /staff/emails: the real
// templates with made-up details and links that change nothing (the token is not a token).
import 'server-only';
import type { EmailMessageContent } from '@/lib/email/templates';
import { phaseDefinitions } from '@/lib/programme/store';
import { absoluteUrl } from '@/lib/site';
import type { LifecycleCategory, LifecycleKind } from './kinds';
import { cardFailed, endingSoon, goneQuiet, lapsed, nextPhase, welcome, type LifecycleLinks } from './templates';
import { firstSessionPath } from './welcome';

const DAY_MS = 86_400_000;

function sampleLinks(category: LifecycleCategory): LifecycleLinks {
  return {
    unsubscribeUrl: absoluteUrl(`/notifications/unsubscribe?token=sample&category=${category}`),
    oneClickUnsubscribeUrl: absoluteUrl(`/api/notifications/unsubscribe?token=sample&category=${category}`),
    settingsUrl: absoluteUrl('/account#notifications-heading'),
  };
}

export function sampleLifecycleEmail(kind: LifecycleKind, now: Date = new Date()): EmailMessageContent {
  const name = 'Sam Sample';
  const inDays = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const [first, second] = phaseDefinitions();
  switch (kind) {
    case 'welcome':
      return welcome({ name, planLabel: 'Monthly', price: '£19 a month', renewsOn: inDays(30), trialEndsOn: null, firstSessionUrl: absoluteUrl(firstSessionPath()), accountUrl: absoluteUrl('/account#membership-heading'), links: sampleLinks(kind) });
    case 'card-failed':
      return cardFailed({ name, amount: '£19', nextAttemptOn: inDays(3), billingUrl: absoluteUrl('/account#membership-heading') });
    case 'ending-soon':
      return endingSoon({ name, endsOn: inDays(3), accountUrl: absoluteUrl('/account#membership-heading'), links: sampleLinks(kind) });
    case 'lapsed':
      return lapsed({ name, pricingUrl: absoluteUrl('/pricing'), links: sampleLinks(kind) });
    case 'gone-quiet':
      return goneQuiet({ name, days: 10, nextSessionTitle: 'Dead bug basics', nextSessionUrl: absoluteUrl(firstSessionPath()), links: sampleLinks(kind) });
    case 'next-phase':
      return nextPhase({ name, phaseTitle: first?.title ?? 'Phase One', nextPhaseTitle: second?.title ?? 'Phase Two', nextPhaseUrl: absoluteUrl(`/programme/${second?.slug ?? ''}`), links: sampleLinks(kind) });
  }
}
