import type { Metadata } from 'next';
import { getAuthors } from '@/lib/content/authors';
import { MdxContent } from '@/lib/content/mdx';
import { getAboutPage } from '@/lib/content/pages';

export function generateMetadata(): Metadata {
  const page = getAboutPage();
  return { title: page.title, description: page.description, alternates: { canonical: '/about' } };
}

export default function AboutPage() {
  const page = getAboutPage();
  const coaches = [...getAuthors().values()];
  return (
    <div className="container-page max-w-3xl py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{page.title}</h1>
      <section aria-labelledby="coaches-heading" className="mt-8">
        <h2 id="coaches-heading" className="sr-only">Our coaches</h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {coaches.map((c) => (
            <li key={c.slug} className="flex gap-4 rounded-2xl bg-sand-50 p-5">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={c.avatar} alt="" width={64} height={64} className="size-16 shrink-0 rounded-full" />
              <div>
                <p className="font-semibold">{c.name}</p>
                <p className="text-sm text-slate-600">{c.role}</p>
                <p className="mt-2 text-sm text-slate-700">{c.bio}</p>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <div className="prose prose-slate mt-10 max-w-none prose-a:text-brand-700">
        <MdxContent source={page.body} />
      </div>
    </div>
  );
}
