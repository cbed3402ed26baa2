// Every email the site sends, in one place and one voice. Each builder returns what
// queueEmail needs besides the recipient: `queueEmail({ to, ...passwordReset({ … }) })`.
import 'server-only';
import { cleanDisplayName } from '@/lib/auth/display-name';
import { site } from '@/lib/site';
import { isolate, renderEmail, type EmailContent } from './render';

export interface EmailMessageContent {
  /** Which builder made it, e.g. "verify-email": shown in the outbox, used by tests. */
  template: EmailTemplate;
  subject: string;
  text: string;
  html: string;
  /** Notifications: where a mail app's "Unsubscribe" button POSTs (List-Unsubscribe, RFC 8058). */
  listUnsubscribeUrl?: string;
}

export type EmailTemplate =
  | 'verify-email'
  | 'sign-up-attempt'
  | 'password-reset'
  | 'password-reset-no-account'
  | 'magic-link'
  | 'change-email'
  | 'email-changed-notice'
  | 'password-changed-notice'
  | 'account-deleted'
  | 'comment-reply'
  | 'coach-question'
  | 'coach-digest'
  | 'feed-reset-by-staff'
  | 'membership-started'
  | `lifecycle-${string}`;

export function build(template: EmailTemplate, subject: string, content: EmailContent): EmailMessageContent {
  return { template, subject, ...renderEmail(content) };
}

/** "15 minutes", "1 hour", "24 hours". */
export function formatExpiry(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 1) throw new Error(`expiresInMinutes must be a positive integer, got ${minutes}`);
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

const writeToUs = `write to us at ${site.contactEmail}`;

export function verifyEmail({ name, url }: { name?: string | null; url: string }): EmailMessageContent {
  const shown = emailName(name, '');
  const greeting = shown ? `Hi ${isolate(shown)},` : 'Hi,';
  return build('verify-email', `Confirm your email address for ${site.name}`, {
    preheader: 'One click and your account is ready.',
    heading: 'Confirm your email address',
    paragraphs: [
      greeting,
      `Thanks for joining ${site.name}. Please confirm this is your email address, so we know we can reach you and you can always get back into your account.`,
    ],
    action: { label: 'Confirm my email address', url },
    footnote: `If you did not create an account with ${site.name}, you can ignore this email: nothing happens unless the link is used.`,
  });
}

export function passwordReset({ url, expiresInMinutes }: { url: string; expiresInMinutes: number }): EmailMessageContent {
  const expiry = formatExpiry(expiresInMinutes);
  return build('password-reset', `Reset your ${site.name} password`, {
    preheader: `Choose a new password. The link expires in ${expiry}.`,
    heading: 'Reset your password',
    paragraphs: [
      `We received a request to reset the password for your ${site.name} account. Use the button below to choose a new one.`,
      `The link works once and expires in ${expiry}.`,
    ],
    action: { label: 'Choose a new password', url },
    footnote: `If you did not ask to reset your password, you can ignore this email: your password stays as it is.`,
  });
}

/**
 * Sent instead of a confirmation link when someone signs up with an address that already
 * has a confirmed account: the owner learns of it, the account stays as it is, and the
 * person signing up sees the same page either way (no account enumeration).
 */
export function signUpAttemptNotice({ signInUrl }: { signInUrl: string }): EmailMessageContent {
  return build('sign-up-attempt', `Someone tried to create a ${site.name} account with your address`, {
    preheader: 'You already have an account. Nothing was changed.',
    heading: 'You already have an account',
    paragraphs: [
      `Someone, perhaps you, just tried to create a new ${site.name} account with this email address. It already has an account, so nothing was created or changed.`,
      'If it was you, sign in instead. Forgotten your password? The sign-in page lets you choose a new one, or sends you a sign-in link.',
    ],
    action: { label: 'Sign in', url: signInUrl },
    footnote: 'If it was not you, you can ignore this email: nobody can use your account without your password or your mailbox.',
  });
}

/** A reset was asked for an address with no account: the same kind of email as a real reset, to the same inbox. */
export function passwordResetNoAccount({ signUpUrl }: { signUpUrl: string }): EmailMessageContent {
  return build('password-reset-no-account', `Reset your ${site.name} password`, {
    preheader: 'There is no account with this email address.',
    heading: 'No account uses this address',
    paragraphs: [
      `We received a request to reset the password of a ${site.name} account for this email address, but no account uses it.`,
      'If it was you, perhaps you signed up with another address. Or create an account with this one:',
    ],
    action: { label: 'Create an account', url: signUpUrl },
    footnote: 'If you did not ask to reset a password, you can ignore this email.',
  });
}

export function magicLink({ url, expiresInMinutes }: { url: string; expiresInMinutes: number }): EmailMessageContent {
  const expiry = formatExpiry(expiresInMinutes);
  return build('magic-link', `Your ${site.name} sign-in link`, {
    preheader: `Sign in with one click. The link expires in ${expiry}.`,
    heading: `Sign in to ${site.name}`,
    paragraphs: [`Use the button below to sign in. No password needed.`, `The link works once and expires in ${expiry}.`],
    action: { label: 'Sign me in', url },
    footnote: `If you did not try to sign in, you can ignore this email: nobody can sign in without this link.`,
  });
}

/** Sent to the new address, to prove the member owns it. */
export function changeEmail({ newEmail, url }: { newEmail: string; url: string }): EmailMessageContent {
  return build('change-email', 'Confirm your new email address', {
    preheader: `Confirm ${newEmail} for your ${site.name} account.`,
    heading: 'Confirm your new email address',
    paragraphs: [
      `You asked to use ${newEmail} for your ${site.name} account. Please confirm it, and we will switch your account over to this address.`,
    ],
    action: { label: 'Confirm my new address', url },
    footnote: `If you did not ask for this, you can ignore this email: the account keeps its current address.`,
  });
}

/** Sent to the old address once the change is done, so a hijacked account does not go unnoticed. */
export function emailChangedNotice({ newEmail }: { newEmail: string }): EmailMessageContent {
  return build('email-changed-notice', `Your ${site.name} email address was changed`, {
    preheader: `Your account now uses ${newEmail}.`,
    heading: 'Your email address was changed',
    paragraphs: [
      `The email address of your ${site.name} account has just been changed to ${newEmail}. From now on, we will write to you there.`,
      'If you made this change, there is nothing else to do.',
    ],
    footnote: `If you did not make this change, please ${writeToUs} straight away and we will help you secure your account.`,
  });
}

export function passwordChangedNotice(): EmailMessageContent {
  return build('password-changed-notice', `Your ${site.name} password was changed`, {
    preheader: 'A quick note to keep your account safe.',
    heading: 'Your password was changed',
    paragraphs: [`The password of your ${site.name} account has just been changed.`, 'If this was you, there is nothing else to do.'],
    footnote: `If you did not change your password, please ${writeToUs} straight away and we will help you secure your account.`,
  });
}

export function accountDeleted(): EmailMessageContent {
  return build('account-deleted', `Your ${site.name} account has been deleted`, {
    preheader: 'Thank you for spending time with us.',
    heading: 'Your account has been deleted',
    paragraphs: [
      `As you asked, we have deleted your ${site.name} account.`,
      'Thank you for spending time with us. We hope your back keeps feeling stronger, and our free articles and podcast are always there if you need them.',
    ],
    footnote: `If you did not ask us to delete your account, please ${writeToUs} and we will look into it.`,
  });
}

/** Staff gave a member's private podcast feed a new address (it was being fetched from many places). */
export function feedResetByStaff({ accountUrl }: { accountUrl: string }): EmailMessageContent {
  return build('feed-reset-by-staff', `Your private podcast feed has a new address`, {
    preheader: 'Add the new address to your podcast app to keep listening.',
    heading: 'Your private podcast feed has a new address',
    paragraphs: [
      'Your private podcast feed was being fetched from many different apps and places in one day, which usually means its address was shared, so we gave it a new one. The old address has stopped working.',
      'Your membership is unchanged. To keep listening, copy the new address from your account page and add it to your podcast app.',
    ],
    action: { label: 'Get my new feed address', url: accountUrl },
    footnote: `If you think this was a mistake, ${writeToUs} and we will sort it out.`,
  });
}

// ---------------------------------------------------------------------------------------
// Comment notifications. Names and titles arrive as people typed them: the subject is a
// mail header, so every piece that goes into it is folded onto one line and capped.

/** One line, at most `max` characters (a name with a line break cannot break a header). */
function oneLine(value: string, max: number): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/**
 * What mail apps turn into links by themselves: a scheme or address (`:`, `@`, slashes),
 * a domain (`evil.example`, also with ideographic full stops), an IPv4 address.
 */
const LINKABLE = [/[:@/\\\uFF20\uFF0F]/, /[\p{L}\p{N}_-][.\u3002\uFF0E\uFF61][\p{L}\p{N}-]{2,}/u, /\d{1,3}(?:\.\d{1,3}){3}/];

/**
 * A member's name as an email shows it: cleaned of bidi and control characters, on one
 * line, and never a link. Someone may call themselves "www.evil.example" to get a link into
 * our mail; such a name becomes `fallback`, a neutral word. Names never go into an href.
 */
export function emailName(name: string | null | undefined, fallback: string): string {
  const clean = cleanDisplayName(name);
  // Invisible format characters (zero-width space, joiners, soft hyphen) do not stop a link.
  const visible = clean.replace(/\p{Cf}/gu, '');
  if (!visible || LINKABLE.some((pattern) => pattern.test(visible))) return fallback;
  return oneLine(clean, 60);
}

const displayName = (name: string | null | undefined) => emailName(name, 'A member');

/** Why this notification came, with working links to change that (in both versions). */
function notificationFooter(reason: string, { unsubscribeUrl, settingsUrl }: NotificationLinks): Pick<EmailContent, 'footnote' | 'footerLinks'> {
  return {
    footnote: `You get this email because ${reason}.`,
    footerLinks: [
      { label: 'Choose which emails you get', url: settingsUrl },
      { label: 'Stop all comment emails', url: unsubscribeUrl },
    ],
  };
}

/** A notification: built like any email, plus the header mail apps show an Unsubscribe button for. */
function asNotification(links: NotificationLinks, template: EmailTemplate, subject: string, content: EmailContent): EmailMessageContent {
  return { ...build(template, subject, content), listUnsubscribeUrl: links.oneClickUnsubscribeUrl };
}

export interface NotificationLinks {
  /** /notifications/unsubscribe?token=… (absolute): a page with a button. */
  unsubscribeUrl: string;
  /** /api/notifications/unsubscribe?token=… (absolute): the one-click POST mail apps use. */
  oneClickUnsubscribeUrl: string;
  /** The account page, where the settings are (absolute). */
  settingsUrl: string;
}

/** Someone answered the recipient's comment. `excerpt` is the reply as plain text. */
export function commentReply({
  replierName,
  byStaff,
  targetTitle,
  excerpt,
  url,
  links,
}: {
  replierName: string | null;
  /** Written by a coach or admin: "(coach)" after the name. */
  byStaff: boolean;
  targetTitle: string;
  excerpt: string;
  url: string;
  links: NotificationLinks;
}): EmailMessageContent {
  const name = displayName(replierName);
  const coach = byStaff ? ' (coach)' : '';
  const who = `${isolate(name)}${coach}`;
  const title = oneLine(targetTitle, 120);
  return asNotification(links, 'comment-reply', `${name}${coach} replied to your comment`, {
    preheader: oneLine(excerpt, 140),
    heading: `${who} replied to your comment`,
    paragraphs: [`On “${title}”, ${who} wrote:`, excerpt],
    action: { label: 'Read the reply', url },
    ...notificationFooter(`someone replied to your comment on ${site.name}`, links),
  });
}

/** A member asked a coach something (or followed up after an answer). */
export function coachQuestion({
  askerName,
  followUp,
  targetTitle,
  excerpt,
  url,
  links,
  redFlags,
}: {
  askerName: string | null;
  /** A reply in a thread a coach already answered, rather than a new top-level question. */
  followUp: boolean;
  targetTitle: string;
  excerpt: string;
  url: string;
  links: NotificationLinks;
  /** The red-flag signs it mentions (lib/triage/red-flags.ts): sent at once to every coach, marked urgent. */
  redFlags?: string[];
}): EmailMessageContent {
  const name = displayName(askerName);
  const who = isolate(name);
  const title = oneLine(targetTitle, 120);
  const what = followUp ? 'followed up' : 'asked a question';
  if (redFlags?.length) {
    return asNotification(links, 'coach-question', `URGENT: possible red flag from ${name} on “${oneLine(targetTitle, 80)}”`, {
      preheader: `Possible red flag: ${oneLine(redFlags.join('; '), 120)}`,
      heading: 'Possible red flag: please act today',
      paragraphs: [`${who} wrote on “${title}” about what may be a red-flag symptom (${redFlags.join('; ')}):`, excerpt, 'They were told on the site to seek urgent medical care. Please check in with them directly today.'],
      action: { label: 'Open it in the coach inbox', url },
      ...notificationFooter('a member wrote about a possible red-flag symptom, which reaches every coach at once whatever their email settings', links),
    });
  }
  return asNotification(links, 'coach-question', `${name} ${what} on “${oneLine(targetTitle, 80)}”`, {
    preheader: oneLine(excerpt, 140),
    heading: followUp ? 'A member followed up' : 'A member asked a question',
    paragraphs: [`${who} ${what} on “${title}”:`, excerpt],
    action: { label: 'Answer in the coach inbox', url },
    ...notificationFooter('you chose to hear about each new member question as it comes in', links),
  });
}

export interface DigestQuestion {
  askerName: string | null;
  targetTitle: string;
  /** "3 hours ago". */
  age: string;
  excerpt: string;
}

/** Once a day: the member questions still waiting for a coach, oldest first. */
export function coachDigest({
  questions,
  more,
  url,
  links,
}: {
  questions: DigestQuestion[];
  /** Waiting questions beyond those listed. */
  more: number;
  url: string;
  links: NotificationLinks;
}): EmailMessageContent {
  const total = questions.length + more;
  if (questions.length === 0) throw new Error('A coach digest needs at least one question');
  const count = total === 1 ? 'One member question is' : `${total} member questions are`;
  return asNotification(links, 'coach-digest', `${count} waiting for a coach`, {
    preheader: `Oldest first: ${oneLine(questions[0].excerpt, 100)}`,
    heading: `${count} waiting for a coach`,
    paragraphs: [
      `Since your last digest, ${total === 1 ? 'this question has' : 'these questions have'} come in and nobody has answered yet. Oldest first:`,
      ...questions.map((q, i) => `${i + 1}. ${isolate(displayName(q.askerName))}, ${q.age}, on “${oneLine(q.targetTitle, 120)}”:\n${q.excerpt}`),
      ...(more > 0 ? [`…and ${more} more in the inbox.`] : []),
    ],
    action: { label: 'Open the coach inbox', url },
    ...notificationFooter('you chose one email a day about member questions waiting for a coach', links),
  });
}
