// The pricing page's selling parts: what members get, the coaches, members' words and
// the questions people ask before joining. Presentational: the page passes the content.
import type { Author } from '@/lib/content/authors';
import type { FaqEntry, Testimonial } from '@/lib/content/pricing';

export interface MemberOffer {
  phases: number;
  sessions: number;
  membersEpisodes: number;
  membersArticles: number;
}

function SectionHeading({ id, children, lead }: { id: string; children: string; lead?: string }) {
  return (
    <>
      <h2 id={id} className="text-2xl font-bold tracking-tight sm:text-3xl">{children}</h2>
      {lead && <p className="mt-2 max-w-2xl text-slate-700">{lead}</p>}
    </>
  );
}

export function WhatMembersGet({ offer }: { offer: MemberOffer }) {
  const items = [
    { figure: String(offer.phases), title: `${offer.phases} programme phases, ${offer.sessions} sessions`, text: 'Short follow-along sessions with video, sets, reps and coaching cues. Repeat a phase until it feels easy; the site counts every run and tells you when you are ready for the next.' },
    { figure: String(offer.membersEpisodes), title: 'Your private podcast feed', text: `Every episode plus ${offer.membersEpisodes} members-only ones, with transcripts, in Apple Podcasts, Overcast or any podcast app.` },
    { figure: '2', title: 'Ask the coaches', text: 'Ask under any session, phase, article or episode. Both physiotherapists answer members themselves, usually within two working days.' },
    { figure: String(offer.membersArticles), title: 'Every members-only guide', text: `The ${offer.membersArticles} full step-by-step guides for members, and a progress dashboard with your runs, streak and how each session felt.` },
  ];
  return (
    <section aria-labelledby="offer-heading" className="mt-16">
      <SectionHeading id="offer-heading" lead="One membership, everything in it.">What members get</SectionHeading>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        {items.map((item) => (
          <li key={item.title} className="flex gap-4 rounded-2xl border border-sand-200 bg-white p-5">
            <span aria-hidden="true" className="flex size-12 shrink-0 items-center justify-center rounded-full bg-brand-50 text-lg font-bold text-brand-700">{item.figure}</span>
            <div className="min-w-0">
              <h3 className="font-semibold">{item.title}</h3>
              <p className="mt-1 text-sm text-slate-700">{item.text}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Coaches({ coaches }: { coaches: Author[] }) {
  return (
    <section aria-labelledby="coaches-heading" className="mt-16">
      <SectionHeading id="coaches-heading" lead="Two physiotherapists write every session and answer members’ questions themselves.">Your coaches</SectionHeading>
      <ul className="mt-6 grid gap-4 md:grid-cols-2">
        {coaches.map((coach) => (
          <li key={coach.slug} className="flex flex-col gap-4 rounded-2xl bg-sand-50 p-5 sm:flex-row sm:p-6" data-testid="coach">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={coach.avatar} alt={`Portrait of ${coach.name}`} width={96} height={96} loading="lazy" className="size-24 shrink-0 rounded-full bg-white" />
            <div className="min-w-0">
              <h3 className="text-lg font-semibold">{coach.name}</h3>
              <p className="text-sm font-medium text-brand-700">{coach.role}</p>
              <p className="mt-1 text-sm text-slate-600" data-testid="credentials">{coach.credentials}</p>
              <p className="mt-3 text-sm text-slate-700">{coach.bio}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Testimonials({ testimonials }: { testimonials: Testimonial[] }) {
  if (testimonials.length === 0) return null;
  return (
    <section aria-labelledby="testimonials-heading" className="mt-16">
      <SectionHeading id="testimonials-heading">What members say</SectionHeading>
      <ul className="mt-6 grid gap-4 lg:grid-cols-3">
        {testimonials.map((t) => (
          <li key={t.slug}>
            <figure className="flex h-full flex-col rounded-2xl border border-sand-200 bg-white p-5">
              <blockquote className="flex-1 space-y-3 text-slate-800">
                {t.paragraphs.map((p, i) => <p key={i}>{i === 0 ? `“${p}` : p}{i === t.paragraphs.length - 1 ? '”' : ''}</p>)}
              </blockquote>
              <figcaption className="mt-4 border-t border-sand-200 pt-3 text-sm">
                <span className="font-semibold text-ink">{t.name}</span>
                <span className="block text-slate-600">{t.context}</span>
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Faq({ entries }: { entries: FaqEntry[] }) {
  return (
    <section aria-labelledby="faq-heading" className="mt-16">
      <SectionHeading id="faq-heading">Questions before joining</SectionHeading>
      <div className="mt-6 divide-y divide-sand-200 rounded-2xl border border-sand-200 bg-white">
        {entries.map((entry) => (
          <details key={entry.question} className="group px-5 py-1">
            <summary className="flex cursor-pointer list-none items-center justify-between gap-4 rounded-lg py-4 font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 [&::-webkit-details-marker]:hidden">
              {entry.question}
              <span aria-hidden="true" className="text-xl leading-none text-brand-700 transition-transform group-open:rotate-45">+</span>
            </summary>
            <p className="pb-4 text-slate-700">{entry.answer}</p>
          </details>
        ))}
      </div>
    </section>
  );
}
