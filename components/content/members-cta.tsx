import Link from 'next/link';
import type { ReactNode } from 'react';

/** The call to join. `price`: the price line, rendered by the page (this component reads no data). */
export function MembersCta({ heading, price, children }: { heading: string; price?: ReactNode; children?: ReactNode }) {
  return (
    <section aria-labelledby="members-cta" className="not-prose my-10 rounded-2xl bg-brand-800 p-6 text-white sm:p-8">
      <h2 id="members-cta" className="text-xl font-semibold">{heading}</h2>
      {price}
      <div className="mt-2 text-brand-100">
        {children ?? <p>Members get the full library, the follow-along programme, premium podcast episodes and answers from our coaches.</p>}
      </div>
      <div className="mt-5 flex flex-wrap gap-3">
        <Link href="/pricing" className="rounded-full bg-white px-5 py-2.5 font-semibold text-brand-800 hover:bg-brand-50">
          Become a member
        </Link>
        <Link href="/about" className="rounded-full px-5 py-2.5 font-medium text-white underline-offset-4 hover:underline">
          How the programme works
        </Link>
      </div>
    </section>
  );
}
