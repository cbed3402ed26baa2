// The account page's private podcast feed: the address while entitled (made on the first
// visit), still shown after a lapse (the feed keeps working with the public episodes),
// and a way in for people who are not members.
import Link from 'next/link';
import { PrivateFeedLinks } from '@/components/podcast/private-feed-links';
import { ensurePrivateFeed, existingPrivateFeedToken, privateFeedUrl } from '@/lib/podcast/private-feed/tokens';
import { ResetFeedForm } from './reset-feed-form';

export async function PodcastFeedSection({ userId, entitled }: { userId: string; entitled: boolean }) {
  const token = entitled ? (await ensurePrivateFeed(userId)).token : await existingPrivateFeedToken(userId);
  return (
    <section aria-labelledby="podcast-feed-heading" className="mt-6 rounded-2xl border border-sand-200 p-6">
      <h2 id="podcast-feed-heading" className="text-lg font-semibold">Your private podcast feed</h2>
      {token === null ? (
        <p className="mt-2 text-sm text-slate-700">
          Members get a private feed with every episode, members-only ones included, in the podcast app they already use.{' '}
          <Link href="/pricing" className="font-medium text-brand-700 underline">See membership</Link>
        </p>
      ) : (
        <>
          <p className="mb-4 mt-1 text-sm text-slate-700">
            {entitled
              ? 'Every episode, members-only ones included, in the podcast app you already use.'
              : 'Your membership has ended, so this feed now has the public episodes and a note on how to renew. Renew and the members’ episodes come back to it, with nothing to change in your app.'}
          </p>
          <PrivateFeedLinks feedUrl={privateFeedUrl(token)} />
          <ResetFeedForm />
        </>
      )}
    </section>
  );
}
