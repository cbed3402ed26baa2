// /podcast/[slug] as everyone shares it: rendered on its first request and cached
// (Cache Components) with its public thread, which is tagged (lib/comments/public-thread.ts)
// so a comment, a moderation step or an author's new name refreshes it at once. Signed-in
// listeners get viewer/page.tsx instead (proxy.ts).
import type { Metadata } from 'next';
import { EpisodeView, episodeMetadata } from './episode-view';

// Not at build time: the thread lives in the database, which the build does not open.
// Cache Components needs one listed path to check the route at build; `_shell` names no
// episode (the proxy answers it with 404).
export function generateStaticParams() {
  return [{ slug: '_shell' }];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return episodeMetadata((await params).slug);
}

export default async function EpisodePage({ params }: Props) {
  return <EpisodeView slug={(await params).slug} forViewer={false} />;
}
