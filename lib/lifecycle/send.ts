// Sending one lifecycle email exactly once: the LifecycleEmail row (unique per user, kind
// and key) and the queued email are written in the caller's transaction, so whichever
// webhook delivery or job run gets there first sends it and every other one finds the
// row and sends nothing. Rolled back together: a failure leaves no trace and no email.
import 'server-only';
import type { PrismaClient } from '@/lib/db/generated/client';
import { oneClickUnsubscribeUrl, unsubscribeToken, unsubscribeUrl } from '@/lib/comments/notifications';
import { queueEmailInTransaction } from '@/lib/email/send-email';
import type { EmailMessageContent } from '@/lib/email/templates';
import { absoluteUrl } from '@/lib/site';
import type { LifecycleCategory, LifecycleKind } from './kinds';
import type { LifecycleLinks } from './templates';

export type LifecycleTx = Pick<PrismaClient, 'lifecycleEmail' | 'lifecycleSwitch' | 'notificationSettings' | 'outboxEmail' | 'user'>;

/** The category's links, with the person's unsubscribe token (the comment emails' token). */
export async function lifecycleLinks(tx: Pick<PrismaClient, 'notificationSettings'>, userId: string, category: LifecycleCategory): Promise<LifecycleLinks> {
  const token = await unsubscribeToken(userId, { db: tx });
  const withCategory = (url: string) => `${url}&category=${encodeURIComponent(category)}`;
  return {
    unsubscribeUrl: withCategory(unsubscribeUrl(token)),
    oneClickUnsubscribeUrl: withCategory(oneClickUnsubscribeUrl(token)),
    settingsUrl: absoluteUrl('/account#notifications-heading'),
  };
}

export interface LifecycleSend {
  userId: string;
  to: string;
  kind: LifecycleKind;
  /** The occasion: a second send with the same user, kind and key sends nothing. */
  key: string;
  now: Date;
  message: EmailMessageContent;
}

/** Records the send and queues the email, in `tx`; false (and nothing queued) when it was already sent. */
export async function recordAndQueue(tx: LifecycleTx, send: LifecycleSend): Promise<boolean> {
  const { count } = await tx.lifecycleEmail.createMany({ data: [{ userId: send.userId, kind: send.kind, key: send.key, sentAt: send.now }], skipDuplicates: true });
  if (count === 0) return false;
  await queueEmailInTransaction(tx, { to: send.to, ...send.message });
  return true;
}

/** Whether `userId` may get `kind` now: the admins' switch is on and (for a category) the person has not muted it. */
export async function mayReceive(tx: Pick<PrismaClient, 'lifecycleSwitch' | 'notificationSettings'>, userId: string, kind: LifecycleKind, mutable: boolean): Promise<boolean> {
  // One after the other: queries of one interactive transaction share its connection.
  const switched = await tx.lifecycleSwitch.findUnique({ where: { kind }, select: { enabled: true } });
  if (!(switched?.enabled ?? true)) return false;
  if (!mutable) return true;
  const settings = await tx.notificationSettings.findUnique({ where: { userId }, select: { mutedLifecycle: true } });
  return !(settings?.mutedLifecycle ?? []).includes(kind);
}
