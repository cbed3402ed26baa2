// Who gets the newsletter: an opt-in on NotificationSettings (off unless ticked, at sign-up
// or on the account page). Leaving it: the token is the one every notification carries
// (NotificationSettings.unsubscribeToken, lib/comments/notifications.ts), but these links
// turn off only the newsletter, so comment emails stay as the person chose.
import 'server-only';
import { HMAC_TOKEN_PATTERN, sha256Hex } from '@/lib/auth/server-secret';
import { placeholderTokenHash } from '@/lib/comments/notifications';
import { getDb, type PrismaClient } from '@/lib/db';
import { handleOneClick } from '@/lib/email/one-click-unsubscribe';

/** False for a token that matches nobody; using one twice is fine. */
export async function unsubscribeFromNewsletter(token: string, { db = getDb() }: { db?: PrismaClient } = {}): Promise<boolean> {
  if (!HMAC_TOKEN_PATTERN.test(token)) return false;
  const { count } = await db.notificationSettings.updateMany({ where: { unsubscribeToken: sha256Hex(token) }, data: { newsletter: false } });
  return count === 1;
}

/** POST from a mail app's Unsubscribe button (RFC 8058): app/api/newsletters/unsubscribe. */
export async function handleNewsletterOneClick(request: Request, options: { db?: PrismaClient } = {}): Promise<Response> {
  return handleOneClick(request, (token) => unsubscribeFromNewsletter(token, options), 'Unsubscribed from new articles and episodes.', options);
}

export async function getNewsletterOptIn(userId: string, { db = getDb() }: { db?: PrismaClient } = {}): Promise<boolean> {
  const row = await db.notificationSettings.findUnique({ where: { userId }, select: { newsletter: true } });
  return row?.newsletter ?? false;
}

/** Sets the choice, creating the settings row (with the other defaults) if there is none. */
export async function setNewsletterOptIn(userId: string, newsletter: boolean, { db = getDb() }: { db?: PrismaClient } = {}): Promise<void> {
  // A new row's token hash matches no token; the first email made for them puts the real one in.
  await db.notificationSettings.upsert({
    where: { userId },
    create: { userId, newsletter, unsubscribeToken: placeholderTokenHash() },
    update: { newsletter },
  });
}
