// /verify-email?token=… – confirming happens on the button's POST, so a mail scanner
// following the link does not use it up.
import type { Metadata } from 'next';
import { TokenConfirmForm } from '@/components/forms/token-confirm-form';
import { verifyEmailAction } from '@/lib/auth/actions';
import { safeReturnPath } from '@/lib/auth/guards';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Confirm your email', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token, next } = await searchParams;
  // Checked here too (the action re-checks): the page never carries a foreign address.
  const continueTo = safeReturnPath(next);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Confirm your email address</h1>
      <p className="mt-4 text-slate-700">One click and your account is ready.</p>
      <TokenConfirmForm token={typeof token === 'string' ? token.slice(0, 200) : ''} serverAction={verifyEmailAction} label="Confirm my email address" pendingLabel="Confirming…" next={continueTo === '/' ? undefined : continueTo} />
    </>
  );
}
