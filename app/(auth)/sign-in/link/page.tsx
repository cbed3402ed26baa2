// /sign-in/link?next=… – the page a magic link opens. Signing in happens only when the
// person presses the button (a form POST), so a mail scanner that follows links cannot
// use up the link.
import type { Metadata } from 'next';
import Link from 'next/link';
import { safeMagicLinkTarget } from '@/lib/auth/magic-link';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MagicLinkConfirmPage({ searchParams }: Props) {
  const next = (await searchParams).next;
  const target = safeMagicLinkTarget(typeof next === 'string' ? next : undefined);
  if (!target) {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight">This link is not valid</h1>
        <p className="mt-4 text-slate-700">Check that you opened the whole link from the email, or <Link className="text-brand-700 underline" href="/sign-in">ask for a new one</Link>.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Sign in to Steady Spine</h1>
      <p className="mt-4 text-slate-700">Press the button to finish signing in on this device.</p>
      {/* A native POST, not a server action: the browser must navigate to Auth.js's callback itself. */}
      <form action="/sign-in/link/continue" method="post" className="mt-6">
        <input type="hidden" name="next" value={target} />
        <button type="submit" className="w-full rounded-full bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700">Sign in</button>
      </form>
    </>
  );
}
