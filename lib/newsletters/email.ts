// The newsletter email, in the site's one email template. Its text comes only from
// publicTextOf (lib/content/access.ts), the gating function's public channel: for a
// members-only item that is the preview, for members too, so the members' text is never
// emailed (mail is forwarded, archived and scanned). What differs per audience is the
// call to action: members read it now, others are invited to become members.
import 'server-only';
import { publicTextOf } from '@/lib/content/access';
import { renderEmail, type EmailContent } from '@/lib/email/render';
import { absoluteUrl, site } from '@/lib/site';
import type { NewsletterItem } from './items';

export type Audience = 'member' | 'non-member';
export const AUDIENCES: readonly Audience[] = ['member', 'non-member'];

/** Stands for each recipient's unsubscribe token; queue.ts replaces it in SQL. URL-safe and HTML-safe. */
export const TOKEN_PLACEHOLDER = 'NEWSLETTER0UNSUBSCRIBE0TOKEN';
export const NEWSLETTER_TEMPLATE = 'newsletter';
const EXCERPT_CHARS = 600;

export interface NewsletterEmail {
  subject: string;
  text: string;
  html: string;
  /** The one-click (RFC 8058) POST target, with the placeholder token. */
  listUnsubscribeUrl: string;
}

export function newsletterUnsubscribeUrl(token: string): string {
  return absoluteUrl(`/newsletters/unsubscribe?token=${encodeURIComponent(token)}`);
}

export function newsletterOneClickUrl(token: string): string {
  return absoluteUrl(`/api/newsletters/unsubscribe?token=${encodeURIComponent(token)}`);
}

/** The opening of the public text, cut at a sentence end where one is near. */
export function excerptOf(item: NewsletterItem, limit = EXCERPT_CHARS): string {
  const text = publicTextOf(item).replace(/\s+/g, ' ').trim();
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  return sentenceEnd > limit / 2 ? cut.slice(0, sentenceEnd + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** Whether this audience may not read the item on the site: they get the invitation. */
export function isLockedFor(item: NewsletterItem, audience: Audience): boolean {
  return item.access === 'members' && audience === 'non-member';
}

/** The email content for one audience; the token is the placeholder unless a real one is given (previews). */
export function newsletterContent(item: NewsletterItem, audience: Audience, token = TOKEN_PLACEHOLDER): EmailContent {
  const url = absoluteUrl(item.url);
  const locked = isLockedFor(item, audience);
  const what = item.kind === 'article' ? 'article' : 'episode';
  const cover = item.cover ? { url: absoluteUrl(item.cover.src), alt: item.cover.alt } : undefined;
  const paragraphs = [item.description, excerptOf(item)];
  if (locked) paragraphs.push(`This ${what} is for members. Become a member to read the whole of it, and the rest of the programme.`);
  else if (item.access === 'members') paragraphs.push(`This ${what} is for members: read the whole of it on the site.`);
  return {
    preheader: item.description,
    heading: item.title,
    image: cover,
    paragraphs,
    action: locked ? { label: 'Become a member', url: absoluteUrl('/pricing') } : { label: 'Read it now', url },
    footnote: `${locked ? `Read the preview: ${url}\n\n` : ''}You get this email because you asked ${site.name} for new articles and episodes by email.`,
    footerLinks: [
      { label: 'Choose which emails you get', url: absoluteUrl('/account') },
      { label: 'Unsubscribe from new articles and episodes', url: newsletterUnsubscribeUrl(token) },
    ],
  };
}

export function renderNewsletter(item: NewsletterItem, subject: string, audience: Audience, token = TOKEN_PLACEHOLDER): NewsletterEmail {
  return { subject, ...renderEmail(newsletterContent(item, audience, token)), listUnsubscribeUrl: newsletterOneClickUrl(token) };
}
