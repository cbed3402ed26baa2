import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/viewer/viewer';
import { safeReturnPath } from '@/lib/auth/guards';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { SignUpForm } from './sign-up-form';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const { callbackUrl: requested } = await searchParams;
  // Where to continue after confirming the address and signing in (e.g. checkout).
  const callbackUrl = safeReturnPath(typeof requested === 'string' ? requested : null);
  if ((await getViewer()).user) redirect(callbackUrl === '/' ? '/account' : callbackUrl);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Create your account</h1>
      <p className="mt-2 text-slate-700">Free to create. Members also get the programme, premium episodes and answers from our coaches.</p>
      <div className="mt-8"><SignUpForm minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} callbackUrl={callbackUrl} /></div>
      <p className="mt-8 text-sm">Already have an account? <Link href={callbackUrl === '/' ? '/sign-in' : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-brand-700 underline">Sign in</Link></p>
    </>
  );
}
