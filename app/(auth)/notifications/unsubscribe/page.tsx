// /notifications/unsubscribe?token=… – the link at the foot of every comment email.
// Unsubscribing happens on the button's POST, so a mail scanner following the link
// changes nothing; no sign-in needed, the token is the proof.
import type { Metadata } from 'next';
import Link from 'next/link';
import { TokenConfirmForm } from '@/components/forms/token-confirm-form';
import { unsubscribeAction } from '@/lib/comments/notification-actions';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Stop comment emails', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UnsubscribePage({ searchParams }: Props) {
  const { token, done } = await searchParams;
  if (done === '1') {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight">You are unsubscribed</h1>
        <p role="status" className="mt-4 text-slate-700">We will not email you about comments any more: no replies, no member questions.</p>
        <p className="mt-3 text-slate-700">
          Want some of them back? Choose exactly which emails you get on{' '}
          <Link href="/account" className="font-medium text-brand-700 underline">your account page</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Stop comment emails</h1>
      <p className="mt-4 text-slate-700">
        We will stop emailing you about replies to your comments and, for coaches, about member questions. Other emails, such as sign-in links, still
        come.
      </p>
      <TokenConfirmForm token={typeof token === 'string' ? token.slice(0, 200) : ''} serverAction={unsubscribeAction} label="Stop these emails" pendingLabel="Stopping…" />
      <p className="mt-6 text-sm text-slate-600">
        Rather choose which emails you get? Sign in and go to <Link href="/account" className="font-medium text-brand-700 underline">your account page</Link>.
      </p>
    </>
  );
}
