// What the pricing page tells a visitor besides the prices: the questions people ask
// before joining (content/pricing/faq.json) and members' own words (content/testimonials).
import 'server-only';
import { ContentError, loadCollection, loadJsonFile, memoizeInProduction } from './load-collection';
import { faqFileSchema, testimonialFrontmatterSchema, type FaqEntry } from './schema';

export type { FaqEntry };

export interface Testimonial {
  slug: string;
  name: string;
  context: string;
  /** The member's words, plain text (paragraphs split on blank lines). */
  paragraphs: string[];
}

export const getFaq = memoizeInProduction((): FaqEntry[] => loadJsonFile('pricing/faq.json', faqFileSchema));

export const getTestimonials = memoizeInProduction((): Testimonial[] =>
  loadCollection('testimonials', testimonialFrontmatterSchema)
    .sort((a, b) => a.data.order - b.data.order || a.slug.localeCompare(b.slug))
    .map(({ slug, file, data, body }) => {
      const paragraphs = body.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
      if (paragraphs.length === 0) throw new ContentError(file, ['(body): write the member’s words below the frontmatter']);
      return { slug, name: data.name, context: data.context, paragraphs };
    }),
);
