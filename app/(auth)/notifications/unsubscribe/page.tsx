// /notifications/unsubscribe?token=…[&category=…] – the link at the foot of every comment
// email, and (with a category) of every categorised lifecycle email, which then stops only
// that kind. Unsubscribing happens on the button's POST, so a mail scanner following the
// link changes nothing; no sign-in needed, the token is the proof.
import type { Metadata } from 'next';
import Link from 'next/link';
import { TokenConfirmForm } from '@/components/forms/token-confirm-form';
import { unsubscribeAction } from '@/lib/comments/notification-actions';
import { unsubscribeLifecycleAction } from '@/lib/lifecycle/actions';
import { LIFECYCLE_INFO, lifecycleCategorySchema } from '@/lib/lifecycle/kinds';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Stop emails', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const accountLink = <Link href="/account" className="font-medium text-brand-700 underline">your account page</Link>;

export default async function UnsubscribePage({ searchParams }: Props) {
  const { token, done, category } = await searchParams;
  const shownToken = typeof token === 'string' ? token.slice(0, 200) : '';
  if (category !== undefined) {
    const parsed = lifecycleCategorySchema.safeParse(category);
    if (!parsed.success) {
      return (
        <>
          <h1 className="text-3xl font-bold tracking-tight">This link does not work</h1>
          <p className="mt-4 text-slate-700">This unsubscribe link is not valid. Check that you opened the whole link from the email, or choose which emails you get on {accountLink}.</p>
        </>
      );
    }
    const about = LIFECYCLE_INFO[parsed.data].about;
    if (done === '1') {
      return (
        <>
          <h1 className="text-3xl font-bold tracking-tight">You are unsubscribed</h1>
          <p role="status" className="mt-4 text-slate-700">We will not email you about {about} any more. Your other emails are unchanged.</p>
          <p className="mt-3 text-slate-700">Changed your mind? Turn it back on, or choose exactly which emails you get, on {accountLink}.</p>
        </>
      );
    }
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight">Stop emails about {about}</h1>
        <p className="mt-4 text-slate-700">
          We will stop emailing you about {about}. Only this kind stops: other emails, such as comment replies, other membership emails and sign-in links, still come.
        </p>
        <TokenConfirmForm token={shownToken} fields={{ category: parsed.data }} serverAction={unsubscribeLifecycleAction} label="Stop these emails" pendingLabel="Stopping…" />
        <p className="mt-6 text-sm text-slate-600">Rather choose which emails you get? Sign in and go to {accountLink}.</p>
      </>
    );
  }
  if (done === '1') {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight">You are unsubscribed</h1>
        <p role="status" className="mt-4 text-slate-700">We will not email you about comments any more: no replies, no member questions.</p>
        <p className="mt-3 text-slate-700">Want some of them back? Choose exactly which emails you get on {accountLink}.</p>
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
      <TokenConfirmForm token={shownToken} serverAction={unsubscribeAction} label="Stop these emails" pendingLabel="Stopping…" />
      <p className="mt-6 text-sm text-slate-600">Rather choose which emails you get? Sign in and go to {accountLink}.</p>
    </>
  );
}
