import type { Metadata } from 'next';
import { AuthorCard } from '@/components/content/author-card';
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
          {coaches.map((c) => <AuthorCard key={c.slug} author={c} as="li" />)}
        </ul>
      </section>
      <div className="prose prose-slate mt-10 max-w-none prose-a:text-brand-700">
        <MdxContent source={page.body} />
      </div>
    </div>
  );
}
