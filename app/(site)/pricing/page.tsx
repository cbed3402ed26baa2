// /pricing – the plans (read from Stripe, cached), what membership gives, the coaches,
// members' words, the questions people ask, and the way in. Signed-out visitors create an
// account first and return here to the plan they chose.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ChoosePlanForm } from '@/components/billing/billing-forms';
import { Coaches, Faq, Testimonials, WhatMembersGet } from '@/components/billing/pricing-sections';
import { TestModeBanner } from '@/components/billing/test-mode-banner';
import { formatPrice, loadPlansForPage, type Plan } from '@/lib/billing/plans';
import { billingConfigured, billingTestMode } from '@/lib/billing/stripe-client';
import { getAllArticles } from '@/lib/content/articles';
import { getAuthors } from '@/lib/content/authors';
import { getFaq, getTestimonials } from '@/lib/content/pricing';
import { getPhases } from '@/lib/content/programme';
import { getAllEpisodes } from '@/lib/podcast/episodes';
import { site } from '@/lib/site';
import { getViewer } from '@/lib/viewer/viewer';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = {
  title: 'Membership',
  description: 'What a Steady Spine membership gives you: the follow-along programme, every article and episode, and answers from our coaches.',
  alternates: { canonical: '/pricing' },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function memberOffer() {
  const phases = getPhases();
  return {
    phases: phases.length,
    sessions: phases.reduce((total, phase) => total + phase.sessions.length, 0),
    membersEpisodes: getAllEpisodes().filter((e) => e.access === 'members').length,
    membersArticles: getAllArticles().filter((a) => a.access === 'members').length,
  };
}

function PlanCard({ plan, monthly, chosen }: { plan: Plan; monthly: Plan | undefined; chosen: boolean }) {
  const yearly = plan.interval === 'year';
  const saving = yearly && monthly ? Math.round(100 - (plan.amount / (monthly.amount * 12)) * 100) : 0;
  const label = yearly ? 'Join yearly' : 'Join monthly';
  return (
    <li className={`relative flex flex-col rounded-2xl border bg-white p-6 ${chosen ? 'border-brand-600 ring-2 ring-brand-600' : 'border-sand-200'}`}>
      <h3 className="text-lg font-semibold">{yearly ? 'Annual' : 'Monthly'}</h3>
      {saving > 0 && <p className="mt-1 w-fit rounded-full bg-brand-50 px-3 py-0.5 text-sm font-medium text-brand-800">Save {saving}% compared with monthly</p>}
      <p className="mt-3"><span className="text-4xl font-bold tracking-tight" data-testid="plan-price">{formatPrice(plan)}</span> <span className="text-slate-600">a {plan.interval}</span></p>
      {yearly && <p className="mt-1 text-sm text-slate-600">That is {formatPrice({ amount: Math.round(plan.amount / 12), currency: plan.currency })} a month, paid once a year.</p>}
      {plan.trialDays > 0 && <p className="mt-2 text-sm font-medium text-brand-800">Starts with a {plan.trialDays}-day free trial: nothing is taken until it ends.</p>}
      <p className="mt-2 text-sm text-slate-600">Cancel any time; you keep access until the end of the period you paid for.</p>
      <div className="mt-auto"><ChoosePlanForm plan={plan.key} label={label} highlighted={chosen} /></div>
    </li>
  );
}

export default async function PricingPage({ searchParams }: Props) {
  const params = await searchParams;
  const chosen = params.plan === 'monthly' || params.plan === 'annual' ? params.plan : null;
  const [{ user, entitlements }, { plans, unavailable }] = await Promise.all([getViewer(), loadPlansForPage()]);
  const monthly = plans.find((p) => p.key === 'monthly');
  const trialDays = Math.max(0, ...plans.map((p) => p.trialDays));
  return (
    <div className="container-page max-w-5xl py-10 sm:py-14">
      {billingTestMode() && <div className="mb-6"><TestModeBanner /></div>}
      <header className="max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Membership</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-5xl">A plan for your back, with two physiotherapists in your corner</h1>
        <p className="mt-4 text-lg text-slate-700">Everything you need to go from “my back is stiff again” to a programme you can follow at home, in twenty minutes a session.</p>
        {trialDays > 0 && !entitlements?.premium && <p className="mt-4 w-fit rounded-full bg-coral-500/15 px-4 py-1.5 font-medium text-coral-700">Try it free for {trialDays} days</p>}
      </header>

      <section aria-labelledby="plans-heading" className="mt-10 scroll-mt-24">
        <h2 id="plans-heading" className="text-2xl font-bold tracking-tight sm:text-3xl">Plans</h2>
        {params.cancelled === '1' && <p role="status" className="mt-4 rounded-lg bg-sand-100 px-4 py-3 text-sm">Checkout was cancelled: nothing was charged. Pick a plan whenever you are ready.</p>}
        {entitlements?.premium ? (
          <div className="mt-4 rounded-2xl bg-brand-50 p-6">
            <p className="font-medium text-brand-800">You are a member{entitlements.source === 'comp' ? ' (complimentary)' : entitlements.source === 'staff' ? ' (staff access)' : ''}.</p>
            <p className="mt-2 text-sm"><Link className="text-brand-700 underline" href="/account">See your membership on your account page</Link></p>
          </div>
        ) : plans.length > 0 ? (
          <ul className="mt-6 grid gap-4 sm:grid-cols-2">
            {plans.map((plan) => <PlanCard key={plan.key} plan={plan} monthly={monthly} chosen={chosen === plan.key} />)}
          </ul>
        ) : (
          <div className="mt-4 rounded-2xl bg-sand-100 p-6 sm:p-8">
            <p className="text-slate-700">
              {unavailable || billingConfigured()
                ? 'Plans cannot be shown right now. Please try again in a few minutes.'
                : 'Online sign-up is not available on this site.'}{' '}
              Email us at <a className="font-medium text-brand-700 underline" href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a> and we will help you join.
            </p>
          </div>
        )}
        {!user && plans.length > 0 && <p className="mt-4 text-sm text-slate-700">You will create a free account first (or <Link className="text-brand-700 underline" href="/sign-in?callbackUrl=%2Fpricing">sign in</Link>), then pay on Stripe’s secure page.</p>}
      </section>

      <WhatMembersGet offer={memberOffer()} />
      <Coaches coaches={[...getAuthors().values()]} />
      <Testimonials testimonials={getTestimonials()} />
      <Faq entries={getFaq()} />

      <section aria-labelledby="join-heading" className="mt-16 rounded-2xl bg-brand-800 p-6 text-white sm:p-10">
        <h2 id="join-heading" className="text-2xl font-bold tracking-tight">Ready when you are</h2>
        <p className="mt-2 max-w-2xl text-brand-100">Start with Phase One, session 1 today. If it is not for you, cancel in two clicks from your account page.</p>
        <div className="mt-5 flex flex-wrap gap-3">
          {!entitlements?.premium && plans.length > 0 && <a href="#plans-heading" className="rounded-full bg-white px-5 py-2.5 font-semibold text-brand-800 hover:bg-brand-50">Choose a plan</a>}
          <Link href="/articles" className="rounded-full px-5 py-2.5 font-medium text-white underline-offset-4 hover:underline">Keep reading the free articles</Link>
        </div>
      </section>
    </div>
  );
}
