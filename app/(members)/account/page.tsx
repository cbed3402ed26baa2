import type { Metadata } from 'next';
import { FormattedDate } from '@/components/content/formatted-date';
import { DisplayName } from '@/components/site/display-name';
import { SignOutForm } from '@/components/site/sign-out-form';
import { getSignInMethods } from '@/lib/auth/account';
import { signOutAction } from '@/lib/auth/actions';
import { requireUser } from '@/lib/auth/guards';
import { isStaffRole } from '@/lib/auth/roles';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { formatPlanPrice, loadPlansForPage } from '@/lib/billing/plans';
import { billingConfigured, billingTestMode } from '@/lib/billing/stripe-client';
import { ChangeEmailForm, ChangeNameForm, ChangePasswordForm, DeleteAccountForm } from './account-forms';
import { MembershipSection } from './membership-section';
import { NotificationSettingsForm } from './notification-settings-form';
import { NewsletterOptInForm } from './newsletter-opt-in-form';
import { getNewsletterOptIn } from '@/lib/newsletters/opt-in';
import { PodcastFeedSection } from './podcast-feed-section';
import { getNotificationSettings } from '@/lib/comments/notifications';
import { choiceField, LIFECYCLE_INFO, MUTABLE_KINDS } from '@/lib/lifecycle/kinds';
import { getMutedLifecycle } from '@/lib/lifecycle/settings';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

const roleLabel = { MEMBER: 'Member', COACH: 'Coach', ADMIN: 'Admin' } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The page's sections, by their headings' ids, for the in-page navigation. */
const ACCOUNT_SECTIONS = [
  ['profile-heading', 'Profile'],
  ['membership-heading', 'Membership'],
  ['podcast-feed-heading', 'Podcast feed'],
  ['notifications-heading', 'Notifications'],
  ['methods-heading', 'Signing in'],
  ['data-heading', 'Your data'],
] as const;

export default async function AccountPage({ searchParams }: Props) {
  const { user, entitlements } = await requireUser('/account');
  const params = await searchParams;
  const emailChanged = params.emailChanged === '1';
  const passwordChanged = params.passwordChanged === '1';
  const [methods, notificationSettings, { plans }, muted] = await Promise.all([getSignInMethods(user.id), getNotificationSettings(user.id), loadPlansForPage(), getMutedLifecycle(user.id)]);
  const lifecycle = MUTABLE_KINDS.map((kind) => ({ field: choiceField(kind), about: LIFECYCLE_INFO[kind].about, on: !muted.includes(kind) }));
  const newsletterOptIn = await getNewsletterOptIn(user.id);
  // The member's own price, as Stripe has it now (none for a price no longer on sale).
  const subscribed = plans.find((p) => p.priceId === entitlements.subscription?.priceId);
  return (
    <div className="container-page max-w-2xl py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
      <nav aria-label="On this page" className="mt-4">
        <ul className="flex flex-wrap gap-2 text-sm">
          {ACCOUNT_SECTIONS.map(([id, label]) => (
            <li key={id}><a href={`#${id}`} className="inline-block rounded-full border border-sand-200 px-3 py-1.5 text-slate-800 hover:bg-sand-100">{label}</a></li>
          ))}
        </ul>
      </nav>
      {passwordChanged && <p role="status" className="mt-4 rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-800">Password changed. You have been signed out on your other devices.</p>}
      {emailChanged && <p role="status" className="mt-4 rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-800">Your email address is changed. We let your old address know.</p>}
      <section aria-labelledby="profile-heading" className="mt-8 rounded-2xl border border-sand-200 p-6">
        <h2 id="profile-heading" className="text-lg font-semibold">Profile</h2>
        <dl className="mt-4 grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-2 gap-y-2 text-sm [overflow-wrap:anywhere] sm:grid-cols-[8rem_minmax(0,1fr)]">
          <dt className="text-slate-600">Name</dt><dd><DisplayName name={user.name} fallback="Not set" /></dd>
          <dt className="text-slate-600">Email</dt><dd>{user.email} {user.emailVerified ? <span className="text-brand-700">(confirmed)</span> : <span className="text-coral-700">(not confirmed yet)</span>}</dd>
          <dt className="text-slate-600">Role</dt><dd>{roleLabel[user.role]}</dd>
          <dt className="text-slate-600">Joined</dt><dd><FormattedDate date={methods.joined} /></dd>
        </dl>
        <div className="mt-6"><ChangeNameForm name={user.name ?? ''} /></div>
      </section>
      {params.alreadyMember === '1' && <p role="status" className="mt-4 rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-800">You already have a membership: manage it below.</p>}
      <MembershipSection entitlements={entitlements} price={subscribed ? formatPlanPrice(subscribed) : null} testMode={billingTestMode()} canManage={billingConfigured()} />
      <PodcastFeedSection userId={user.id} entitled={entitlements.premium} />
      <section aria-labelledby="notifications-heading" className="mt-6 rounded-2xl border border-sand-200 p-6">
        <h2 id="notifications-heading" className="text-lg font-semibold">Email notifications</h2>
        <div className="mt-3"><NotificationSettingsForm settings={notificationSettings} isStaff={isStaffRole(user.role)} lifecycle={lifecycle} /></div>
        <div className="mt-5 border-t border-sand-200 pt-5"><NewsletterOptInForm subscribed={newsletterOptIn} /></div>
      </section>
      <section aria-labelledby="methods-heading" className="mt-6 rounded-2xl border border-sand-200 p-6">
        <h2 id="methods-heading" className="text-lg font-semibold">How you sign in</h2>
        <ul className="mt-4 list-disc space-y-1 pl-5 text-sm">
          {methods.hasPassword && <li>Email and password</li>}
          <li>A sign-in link sent to {user.email}</li>
          {methods.oauth.map((p) => <li key={p}>{p === 'google' ? 'Google' : p === 'github' ? 'GitHub' : p}</li>)}
        </ul>
      </section>
      <section aria-labelledby="password-heading" className="mt-6 rounded-2xl border border-sand-200 p-6">
        <h2 id="password-heading" className="text-lg font-semibold">{methods.hasPassword ? 'Change your password' : 'Set a password'}</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">This signs you out on your other devices.</p>
        <ChangePasswordForm hasPassword={methods.hasPassword} minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} />
      </section>
      <section aria-labelledby="email-heading" className="mt-6 rounded-2xl border border-sand-200 p-6">
        <h2 id="email-heading" className="text-lg font-semibold">Change your email address</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">We send a link to the new address; the change happens when you open it.</p>
        <ChangeEmailForm hasPassword={methods.hasPassword} />
      </section>
      <section aria-labelledby="data-heading" className="mt-6 rounded-2xl border border-sand-200 p-6">
        <h2 id="data-heading" className="text-lg font-semibold">Your data</h2>
        <p className="mt-1 text-sm text-slate-700">Download everything we hold about you as a JSON file.</p>
        <a href="/account/export" download className="mt-4 inline-block rounded-full border border-slate-300 px-5 py-2.5 font-medium hover:bg-sand-50">Download my data</a>
      </section>
      <section aria-labelledby="delete-heading" className="mt-6 rounded-2xl border border-coral-700/40 p-6">
        <h2 id="delete-heading" className="text-lg font-semibold">Delete your account</h2>
        <p className="mb-4 mt-1 text-sm text-slate-700">This removes your account and the emails we sent you, and cannot be undone. Download your data first if you want a copy.</p>
        <DeleteAccountForm hasPassword={methods.hasPassword} />
      </section>
      <SignOutForm action={signOutAction} />
    </div>
  );
}
