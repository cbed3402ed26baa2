// Every email the site sends, in one place and one voice. Each builder returns what
// queueEmail needs besides the recipient: `queueEmail({ to, ...passwordReset({ … }) })`.
import 'server-only';
import { site } from '@/lib/site';
import { renderEmail, type EmailContent } from './render';

export interface EmailMessageContent {
  /** Which builder made it, e.g. "verify-email": shown in the outbox, used by tests. */
  template: EmailTemplate;
  subject: string;
  text: string;
  html: string;
}

export type EmailTemplate =
  | 'verify-email'
  | 'password-reset'
  | 'magic-link'
  | 'change-email'
  | 'email-changed-notice'
  | 'password-changed-notice'
  | 'account-deleted';

function build(template: EmailTemplate, subject: string, content: EmailContent): EmailMessageContent {
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
  const greeting = name?.trim() ? `Hi ${name.trim()},` : 'Hi,';
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
