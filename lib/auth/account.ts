import 'server-only';
import { getDb } from '@/lib/db';
import type Stripe from 'stripe';
import { cancelAllSubscriptions } from '@/lib/billing/checkout';
import { getStripe } from '@/lib/billing/stripe-client';
import type { PrismaClient } from '@/lib/db/generated/client';

/** What the account page shows about how a person signs in. */
export async function getSignInMethods(userId: string) {
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, createdAt: true, accounts: { select: { provider: true } } },
  });
  return { hasPassword: user.passwordHash !== null, oauth: user.accounts.map((a) => a.provider), joined: user.createdAt };
}

/** Everything the site holds about a person, as they can download it before leaving. */
export async function exportAccountData(userId: string, db: PrismaClient = getDb()) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true, email: true, name: true, role: true, emailVerified: true, image: true, createdAt: true, updatedAt: true,
      passwordHash: true,
      accounts: { select: { provider: true, providerAccountId: true } },
      subscriptions: { select: { id: true, status: true, interval: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, createdAt: true, endedAt: true } },
      compGrants: { select: { endsAt: true, revokedAt: true, createdAt: true } },
      completions: { orderBy: { completedAt: 'asc' }, select: { phaseSlug: true, sessionSlug: true, completedAt: true, note: true, effort: true, pain: true } },
      programme: { select: { currentPhaseSlug: true, restartedAt: true } },
      // The feed's address is left out: it is a secret, and shown on the account page.
      podcastFeed: { select: { createdAt: true, resetAt: true, fetches: { orderBy: { day: 'asc' }, select: { day: true, agent: true, count: true } } } },
      // The unsubscribe token is left out: it is a secret, as the feed's address is.
      notificationSettings: { select: { replies: true, coachQuestions: true, newsletter: true, mutedLifecycle: true } },
      comments: { orderBy: { createdAt: 'asc' }, select: { targetKind: true, targetSlug: true, body: true, status: true, createdAt: true, editedAt: true } },
    },
  });
  const emails = await db.outboxEmail.findMany({
    where: { to: user.email },
    orderBy: { createdAt: 'asc' },
    select: { subject: true, template: true, status: true, createdAt: true, sentAt: true },
  });
  const { passwordHash, accounts, subscriptions, compGrants, completions, programme, podcastFeed, notificationSettings, comments, ...profile } = user;
  return {
    exportedAt: new Date().toISOString(),
    profile: { ...profile, hasPassword: passwordHash !== null },
    signInAccounts: accounts,
    subscriptions,
    complimentaryMemberships: compGrants,
    programme: { ...programme, completedSessions: completions },
    emailChoices: notificationSettings,
    comments,
    emailsSent: emails,
    privatePodcastFeed: podcastFeed && { createdAt: podcastFeed.createdAt, resetAt: podcastFeed.resetAt, fetchesPerDayAndApp: podcastFeed.fetches },
  };
}

/**
 * Removes a person: their user row (linked accounts, sessions and tokens cascade, so every
 * session ends at once), a pending sign-up for their address, and the emails
 * sent to them. Rate-limit counters hold only hashes and expire by themselves.
 */
export async function deleteAccount(userId: string, db: PrismaClient = getDb(), stripe?: Stripe): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, stripeCustomerId: true } });
  if (!user) return;
  // Nobody should keep paying for an account that no longer exists. If Stripe cannot be
  // reached this throws and nothing is deleted; the member can try again.
  if (user.stripeCustomerId) await cancelAllSubscriptions(user.stripeCustomerId, stripe ?? getStripe());
  await db.$transaction([
    db.outboxEmail.deleteMany({ where: { to: user.email } }),
    db.verificationToken.deleteMany({ where: { identifier: user.email } }),
    db.signUpRequest.deleteMany({ where: { email: user.email } }),
    db.user.delete({ where: { id: userId } }),
  ]);
}
