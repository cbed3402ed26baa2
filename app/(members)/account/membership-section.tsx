// The account page's membership panel: plan, status, renewal or end date, and the
// notices a member must not miss (failed payment, scheduled cancellation).
import Link from 'next/link';
import { ManageMembershipForm } from '@/components/billing/billing-forms';
import { TestModeBanner } from '@/components/billing/test-mode-banner';
import { FormattedDate } from '@/components/content/formatted-date';
import type { Entitlements } from '@/lib/billing/entitlements';

const statusLabel: Record<string, string> = {
  active: 'Active',
  trialing: 'Free trial',
  past_due: 'Payment failed',
  canceled: 'Ended',
  unpaid: 'Unpaid',
  incomplete: 'Payment not completed',
  incomplete_expired: 'Payment not completed',
  paused: 'Paused',
};

/** `price`: what the member's plan costs ("£19 a month"), when Stripe still sells it. */
export function MembershipSection({ entitlements, price, testMode, canManage }: { entitlements: Entitlements; price: string | null; testMode: boolean; canManage: boolean }) {
  const { subscription, comp, source } = entitlements;
  const live = source === 'subscription' && subscription;
  return (
    <section aria-labelledby="membership-heading" className="mt-6 rounded-2xl border border-sand-200 p-6">
      <h2 id="membership-heading" className="text-lg font-semibold">Membership</h2>
      {testMode && <div className="mt-3"><TestModeBanner /></div>}
      {live && entitlements.paymentFailed && (
        <div role="alert" className="mt-4 rounded-lg border border-coral-700/40 bg-orange-50 px-4 py-3 text-sm text-coral-700">
          <p className="font-semibold">Your last payment failed.</p>
          <p className="mt-1">Update your card to keep your membership. You keep access until <FormattedDate date={subscription.currentPeriodEnd} />.</p>
        </div>
      )}
      {live && subscription.cancelAtPeriodEnd && (
        <p role="status" className="mt-4 rounded-lg bg-sand-100 px-4 py-3 text-sm">
          Your membership is cancelled and ends on <FormattedDate date={subscription.currentPeriodEnd} />. You keep access until then, and can resume it any time before.
        </p>
      )}
      {live ? (
        <dl className="mt-4 grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-2 gap-y-2 text-sm [overflow-wrap:anywhere] sm:grid-cols-[8rem_minmax(0,1fr)]">
          <dt className="text-slate-600">Plan</dt><dd data-testid="membership-plan">{subscription.interval === 'year' ? 'Annual' : 'Monthly'}{price && <>, {price}</>}</dd>
          <dt className="text-slate-600">Status</dt><dd data-testid="membership-status">{subscription.cancelAtPeriodEnd ? 'Cancelled (access until the period ends)' : statusLabel[subscription.status] ?? subscription.status}</dd>
          <dt className="text-slate-600">{subscription.cancelAtPeriodEnd || subscription.status === 'past_due' ? 'Access until' : subscription.status === 'trialing' ? 'Trial ends' : 'Renews on'}</dt>
          <dd><FormattedDate date={subscription.status === 'trialing' && subscription.trialEnd ? subscription.trialEnd : subscription.currentPeriodEnd} /></dd>
        </dl>
      ) : source === 'comp' && comp ? (
        <p className="mt-4 text-sm" data-testid="membership-status">Complimentary membership{comp.endsAt ? <> until <FormattedDate date={comp.endsAt} /></> : ' with no end date'}.</p>
      ) : source === 'staff' ? (
        <p className="mt-4 text-sm" data-testid="membership-status">As staff you see everything members see.</p>
      ) : (
        <div className="mt-4 text-sm">
          <p data-testid="membership-status">
            {subscription?.status === 'canceled' || subscription?.endedAt ? <>Your membership ended{subscription.endedAt ? <> on <FormattedDate date={subscription.endedAt} /></> : ''}.</> : 'You are not a member yet.'}
          </p>
          <p className="mt-3"><Link href="/pricing" className="inline-block rounded-full bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700">{subscription ? 'Rejoin' : 'Become a member'}</Link></p>
        </div>
      )}
      {canManage && (live || subscription) && <ManageMembershipForm label={entitlements.paymentFailed ? 'Update your card' : 'Manage membership and payment'} />}
    </section>
  );
}
