// /pricing – what membership gives, the plans (read from Stripe, cached), and the way in.
// Signed-out visitors create an account first and return here to the plan they chose.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ChoosePlanForm } from '@/components/billing/billing-forms';
import { TestModeBanner } from '@/components/billing/test-mode-banner';
import { formatPrice, loadPlansForPage } from '@/lib/billing/plans';
import { billingConfigured, billingTestMode } from '@/lib/billing/stripe-client';
import { getViewer } from '@/lib/viewer/viewer';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = {
  title: 'Membership',
  description: 'What a Steady Spine membership gives you: the follow-along programme, every article and episode, and answers from our coaches.',
  alternates: { canonical: '/pricing' },
};

const benefits = [
  { title: 'The follow-along programme', text: 'Phases of short guided sessions. Repeat each phase until it feels easy; the site tracks every run and tells you when you are ready to progress.' },
  { title: 'Every article and episode', text: 'The full members-only guides and premium podcast episodes, with transcripts, in your own private podcast feed.' },
  { title: 'Ask the coaches', text: 'Ask questions under any article, episode or phase. Maya and Tom answer members themselves.' },
];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PricingPage({ searchParams }: Props) {
  const params = await searchParams;
  const chosen = params.plan === 'monthly' || params.plan === 'annual' ? params.plan : null;
  const [{ user, entitlements }, { plans, unavailable }] = await Promise.all([getViewer(), loadPlansForPage()]);
  const monthly = plans.find((p) => p.key === 'monthly');
  return (
    <div className="container-page max-w-4xl py-10 sm:py-14">
      {billingTestMode() && <div className="mb-6"><TestModeBanner /></div>}
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Membership</h1>
      <p className="mt-3 max-w-2xl text-lg text-slate-700">Everything you need to go from “my back is stiff again” to a plan you can follow, with two physiotherapists in your corner.</p>
      <ul className="mt-10 grid gap-4 sm:grid-cols-3">
        {benefits.map((b) => (
          <li key={b.title} className="rounded-2xl border border-sand-200 p-5">
            <h2 className="font-semibold">{b.title}</h2>
            <p className="mt-2 text-sm text-slate-700">{b.text}</p>
          </li>
        ))}
      </ul>

      <section aria-labelledby="plans-heading" className="mt-12">
        <h2 id="plans-heading" className="text-2xl font-bold tracking-tight">Plans</h2>
        {params.cancelled === '1' && <p role="status" className="mt-4 rounded-lg bg-sand-100 px-4 py-3 text-sm">Checkout was cancelled: nothing was charged. Pick a plan whenever you are ready.</p>}
        {entitlements?.premium ? (
          <div className="mt-4 rounded-2xl bg-brand-50 p-6">
            <p className="font-medium text-brand-800">You are a member{entitlements.source === 'comp' ? ' (complimentary)' : entitlements.source === 'staff' ? ' (staff access)' : ''}.</p>
            <p className="mt-2 text-sm"><Link className="text-brand-700 underline" href="/account">See your membership on your account page</Link></p>
          </div>
        ) : plans.length > 0 ? (
          <ul className="mt-6 grid gap-4 sm:grid-cols-2">
            {plans.map((plan) => {
              const saving = plan.interval === 'year' && monthly ? Math.round(100 - (plan.amount / (monthly.amount * 12)) * 100) : 0;
              const label = plan.interval === 'year' ? 'Join yearly' : 'Join monthly';
              return (
                <li key={plan.key} className={`rounded-2xl border p-6 ${chosen === plan.key ? 'border-brand-600 ring-2 ring-brand-600' : 'border-sand-200'}`}>
                  <h3 className="text-lg font-semibold">{plan.interval === 'year' ? 'Annual' : 'Monthly'}</h3>
                  <p className="mt-2"><span className="text-3xl font-bold">{formatPrice(plan)}</span> <span className="text-slate-600">per {plan.interval}</span></p>
                  {saving > 0 && <p className="mt-1 text-sm text-brand-700">Save {saving}% compared with monthly</p>}
                  {plan.trialDays > 0 && <p className="mt-1 text-sm">Starts with a {plan.trialDays}-day free trial.</p>}
                  <p className="mt-2 text-sm text-slate-600">Cancel any time; you keep access until the end of the period you paid for.</p>
                  <ChoosePlanForm plan={plan.key} label={label} highlighted={chosen === plan.key} />
                </li>
              );
            })}
          </ul>
        ) : (
          <div className="mt-4 rounded-2xl bg-sand-100 p-6 sm:p-8">
            <p className="text-slate-700">
              {unavailable || billingConfigured()
                ? 'Plans cannot be shown right now. Please try again in a few minutes.'
                : 'Online sign-up is not available on this site.'}{' '}
              Email us at <a className="font-medium text-brand-700 underline" href="mailto:hello@steadyspine.example">hello@steadyspine.example</a> and we will help you join.
            </p>
          </div>
        )}
        {!user && plans.length > 0 && <p className="mt-4 text-sm text-slate-700">You will create a free account first (or <Link className="text-brand-700 underline" href="/sign-in?callbackUrl=%2Fpricing">sign in</Link>), then pay on Stripe’s secure page.</p>}
        <p className="mt-6 text-sm"><Link className="text-brand-700 underline" href="/articles">Keep reading the free articles</Link></p>
      </section>
    </div>
  );
}
