import type { Metadata } from 'next';
import { ArticleListing } from './article-listing';

export const metadata: Metadata = {
  title: 'Articles',
  description: 'Physiotherapist-written guides to back pain: stiffness, flare-ups, sleep, desk work, lifting and more.',
  alternates: { canonical: '/articles' },
};

export default function ArticlesPage() {
  return <ArticleListing page={1} />;
}
