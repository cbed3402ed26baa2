// The limits on what can be abused. Per email and per IP: an attacker rotating emails
// hits the IP limit, one rotating IPs hits the email limit.
import type { RateLimitRule } from './rate-limit';

const minutes = (n: number) => n * 60;

export const rateLimits = {
  /** Wrong passwords: the 11th attempt in 15 minutes for one email is refused. */
  signInPerEmail: { name: 'sign-in:email', limit: 10, windowSeconds: minutes(15) },
  signInPerIp: { name: 'sign-in:ip', limit: 50, windowSeconds: minutes(15) },
  // Per client a looser limit: an office or a mobile carrier puts many people behind one
  // address, and the per-address limit (5 an hour) now stops repeat sign-ups for one email.
  signUpPerIp: { name: 'sign-up:ip', limit: 30, windowSeconds: minutes(60) },
  /** Each sign-up emails the address: the 6th in an hour for one address is refused. */
  signUpPerEmail: { name: 'sign-up:email', limit: 5, windowSeconds: minutes(60) },
  magicLinkPerEmail: { name: 'magic-link:email', limit: 5, windowSeconds: minutes(60) },
  magicLinkPerIp: { name: 'magic-link:ip', limit: 20, windowSeconds: minutes(60) },
  resetPerEmail: { name: 'reset:email', limit: 5, windowSeconds: minutes(60) },
  resetPerIp: { name: 'reset:ip', limit: 20, windowSeconds: minutes(60) },
  verifyResendPerUser: { name: 'verify-resend:user', limit: 5, windowSeconds: minutes(60) },
  /** Each checkout or portal visit is a call to Stripe on our account. */
  /** A real member finishes a few sessions a day; this only stops scripts. */
  completionsPerUser: { name: 'programme-completion:user', limit: 60, windowSeconds: minutes(60) },
  /** Posting comments: a conversation, not a flood. */
  commentsPerUser: { name: 'comment:user', limit: 10, windowSeconds: minutes(10) },
  /** "Show more" in long threads: 20 clicks read a 1,000-comment thread; this stops scrapers. */
  threadPartsPerIp: { name: 'thread-part:ip', limit: 300, windowSeconds: minutes(10) },
  reportsPerUser: { name: 'comment-report:user', limit: 20, windowSeconds: minutes(60) },
  /** Unknown private feed addresses: guessing one is hopeless (256 bits), this stops the noise. */
  privateFeedMissPerIp: { name: 'private-feed-miss:ip', limit: 30, windowSeconds: minutes(10) },
  /** One-click unsubscribe links that match nobody (256-bit tokens): this stops the noise. */
  unsubscribeMissPerIp: { name: 'unsubscribe-miss:ip', limit: 30, windowSeconds: minutes(10) },
  /** A new display name re-renders every thread the member wrote in: no renaming spree. */
  profileChangesPerUser: { name: 'profile-change:user', limit: 10, windowSeconds: minutes(60) },
  /** A member resetting their feed address: a few times is a mistake fixed, more is a script. */
  feedResetPerUser: { name: 'feed-reset:user', limit: 10, windowSeconds: minutes(60) },
  /** The staff dashboard's CSV of members: a whole-table read each, so a script cannot loop it. */
  memberExportPerUser: { name: 'member-export:user', limit: 20, windowSeconds: minutes(10) },
  billingSessionPerUser: { name: 'billing-session:user', limit: 20, windowSeconds: minutes(15) },
} satisfies Record<string, RateLimitRule>;
