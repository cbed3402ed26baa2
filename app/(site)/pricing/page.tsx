import type { Metadata } from 'next';
import Link from 'next/link';

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

export default function PricingPage() {
  return (
    <div className="container-page max-w-4xl py-10 sm:py-14">
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
      <section aria-labelledby="join-heading" className="mt-12 rounded-2xl bg-sand-100 p-6 sm:p-8">
        <h2 id="join-heading" className="text-xl font-semibold">Joining</h2>
        <p className="mt-2 text-slate-700">
          Online sign-up with monthly and annual plans is being set up. Until it opens, email us at{' '}
          <a className="font-medium text-brand-700 underline" href="mailto:hello@steadyspine.example">hello@steadyspine.example</a> and we will add you by hand.
        </p>
        <p className="mt-4 text-sm"><Link className="text-brand-700 underline" href="/articles">Keep reading the free articles</Link></p>
      </section>
    </div>
  );
}
