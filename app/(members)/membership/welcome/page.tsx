// /membership/welcome?session_id=… – where Stripe Checkout returns. The subscription is
// synced from Stripe here too, so access starts at once even if the webhook is late.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { TestModeBanner } from '@/components/billing/test-mode-banner';
import { FormattedDate } from '@/components/content/formatted-date';
import { firstName } from '@/lib/auth/display-name';
import { getPhases } from '@/lib/content/programme';
import { requireUser } from '@/lib/auth/guards';
import { loadEntitlements } from '@/lib/billing/entitlements';
import { billingConfigured, billingTestMode, getStripe } from '@/lib/billing/stripe-client';
import { syncSubscription } from '@/lib/billing/sync';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Welcome to the membership', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const sessionIdSchema = z.string().regex(/^cs_[A-Za-z0-9_]{1,200}$/);

const UNCONFIRMED = 'We could not confirm your payment with Stripe just now. If you were charged, your membership starts within a few minutes.';

/** Syncs the session's subscription; returns what to tell the member if that was not possible. */
async function confirmCheckout(sessionId: string, userId: string): Promise<string | null> {
  let session;
  try {
    session = await getStripe().checkout.sessions.retrieve(sessionId);
  } catch (error) {
    console.error('Could not read the checkout session from Stripe:', error);
    return UNCONFIRMED;
  }
  // Someone else's session id tells this user nothing.
  if (session.client_reference_id !== userId) notFound();
  const subscriptionId = typeof session.subscription === 'string' ? session.subscription : session.subscription?.id;
  if (session.status !== 'complete' || !subscriptionId) return 'Your payment has not completed yet. If you were charged, your membership starts within a few minutes.';
  try {
    await syncSubscription(subscriptionId, { userIdHint: userId });
    return null;
  } catch (error) {
    console.error('Could not sync the new subscription:', error);
    return UNCONFIRMED;
  }
}

export default async function WelcomePage({ searchParams }: Props) {
  const sessionId = sessionIdSchema.safeParse((await searchParams).session_id);
  const viewer = await requireUser(sessionId.success ? `/membership/welcome?session_id=${sessionId.data}` : '/account');
  // No Stripe keys: no checkout ever sent anyone here.
  if (!sessionId.success || !billingConfigured()) notFound();

  const { user } = viewer;
  const problem = await confirmCheckout(sessionId.data, user.id);
  // Fresh, not the per-request cache: the sync above just changed it.
  const entitlements = problem ? viewer.entitlements : await loadEntitlements(user.id);
  const phaseOne = getPhases()[0];
  const session = phaseOne?.sessions[0];
  const firstSession = session && { ...session, phaseTitle: phaseOne.title.split(':')[0] };
  return (
    <div className="container-page max-w-2xl py-10 sm:py-14">
      {billingTestMode() && <div className="mb-6"><TestModeBanner /></div>}
      {entitlements.premium ? (
        <>
          <h1 className="text-3xl font-bold tracking-tight">Welcome to the membership{firstName(user.name) && <>, <bdi>{firstName(user.name)}</bdi></>}</h1>
          <p className="mt-4 text-lg text-slate-700">Everything is open to you now.</p>
          {entitlements.subscription && (
            <p className="mt-2 text-slate-700">
              {entitlements.subscription.status === 'trialing' && entitlements.subscription.trialEnd ? <>Your free trial runs until <FormattedDate date={entitlements.subscription.trialEnd} />.</> : <>Your membership renews on <FormattedDate date={entitlements.subscription.currentPeriodEnd} />.</>}
            </p>
          )}
          {firstSession && (
            <section aria-labelledby="start-heading" className="mt-8 rounded-2xl border border-brand-600 bg-brand-50 p-6">
              <h2 id="start-heading" className="text-lg font-semibold">Start with {firstSession.phaseTitle}, session 1</h2>
              <p className="mt-1 text-slate-700">{firstSession.title}: {firstSession.durationMinutes} minutes.</p>
              <Link href={firstSession.url} className="mt-4 inline-block rounded-full bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700" data-testid="first-session">Start the first session</Link>
            </section>
          )}
          <ul className="mt-8 space-y-3">
            <li><Link className="font-medium text-brand-700 underline" href="/dashboard">See your progress</Link></li>
            <li><Link className="font-medium text-brand-700 underline" href="/articles">Read the members-only articles</Link></li>
            <li><Link className="font-medium text-brand-700 underline" href="/podcast">Listen to the premium episodes</Link></li>
            <li><Link className="font-medium text-brand-700 underline" href="/account">See your membership</Link></li>
          </ul>
        </>
      ) : (
        <>
          <h1 className="text-3xl font-bold tracking-tight">Almost there</h1>
          <p role="status" className="mt-4 text-slate-700">{problem ?? 'Your membership is being set up.'} Reload this page in a moment.</p>
          <p className="mt-6"><Link className="text-brand-700 underline" href="/account">Go to your account</Link></p>
        </>
      )}
    </div>
  );
}
