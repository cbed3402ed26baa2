// Site-wide identity used by pages, feeds and metadata. Not secret, not per-deployment
// except the origin, which comes from SITE_URL.
import { env } from '@/lib/env';

export const site = {
  name: 'Steady Spine',
  tagline: 'Calm, practical coaching for a stronger back',
  description:
    'Articles, a podcast and a follow-along programme from two physiotherapists who help people move on from back pain.',
  language: 'en-GB',
  url: env.SITE_URL,
  contactEmail: 'hello@steadyspine.example',
  podcast: {
    title: 'The Steady Spine Podcast',
    description:
      'Two physiotherapists talk plainly about back pain: why it happens, what helps, and how to get back to the things you love. Short, practical episodes.',
    owner: 'Steady Spine',
    category: 'Health & Fitness',
    subcategory: 'Medicine',
    artwork: '/images/podcast/show-cover.png',
  },
} as const;

export function absoluteUrl(path: string): string {
  return new URL(path, `${site.url}/`).toString();
}

/** Spread into every page's `openGraph`: Next replaces, not merges, the root's object. */
export const openGraphBase = { siteName: site.name, locale: site.language.replace('-', '_') } as const;
