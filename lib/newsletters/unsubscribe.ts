// Leaving the newsletter: the token is the one every notification carries
// (NotificationSettings.unsubscribeToken, lib/comments/notifications.ts), but these links
// turn off only the newsletter, so comment emails stay as the person chose.
import 'server-only';
import { HMAC_TOKEN_PATTERN, sha256Hex } from '@/lib/auth/server-secret';
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
  return handleOneClick(request, (token) => unsubscribeFromNewsletter(token, options), 'Unsubscribed from new articles and episodes.');
}
