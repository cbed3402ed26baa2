// /newsletters/unsubscribe?token=… – the link at the foot of every newsletter. The change
// happens on the button's POST, so a mail scanner following the link changes nothing; no
// sign-in needed, the token is the proof. Comment emails stay as they were.
import type { Metadata } from 'next';
import Link from 'next/link';
import { TokenConfirmForm } from '@/components/forms/token-confirm-form';
import { newsletterUnsubscribeAction } from '@/lib/newsletters/opt-in-actions';

// Rendered for each request (it reads the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Stop new-article emails', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewsletterUnsubscribePage({ searchParams }: Props) {
  const { token, done } = await searchParams;
  const accountLink = <Link href="/account" className="font-medium text-brand-700 underline">your account page</Link>;
  if (done === '1') {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight">You are unsubscribed</h1>
        <p role="status" className="mt-4 text-slate-700">We will not email you new articles and episodes any more. Your other email settings are as they were.</p>
        <p className="mt-3 text-slate-700">Changed your mind? Tick the box again on {accountLink}.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Stop new-article emails</h1>
      <p className="mt-4 text-slate-700">We will stop emailing you when a new article or episode is published. Comment emails and sign-in links are not affected.</p>
      <TokenConfirmForm token={typeof token === 'string' ? token.slice(0, 200) : ''} serverAction={newsletterUnsubscribeAction} label="Stop these emails" pendingLabel="Stopping…" />
      <p className="mt-6 text-sm text-slate-600">Rather choose which emails you get? Sign in and go to {accountLink}.</p>
    </>
  );
}
