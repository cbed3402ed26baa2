// /podcast/[slug] for a signed-in listener (proxy.ts rewrites here when the request has a
// session cookie; this address itself answers 404): rendered for each request, with the
// members' part, a members-only thread and the viewer's controls in the same response.
import type { Metadata } from 'next';
import { EpisodeView, episodeMetadata } from '../episode-view';

// Rendered for each request (it reads the session), so it may block.
export const instant = false;

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return episodeMetadata((await params).slug);
}

export default async function EpisodeForViewerPage({ params }: Props) {
  return <EpisodeView slug={(await params).slug} forViewer />;
}
