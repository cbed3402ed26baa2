import type { Metadata } from 'next';
import { TokenConfirmForm } from '@/components/forms/token-confirm-form';
import { confirmEmailChangeAction } from '@/lib/auth/account-actions';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Confirm your new email address', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConfirmEmailChangePage({ searchParams }: Props) {
  const token = (await searchParams).token;
  return (
    <div className="container-page max-w-md py-10 sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight">Confirm your new email address</h1>
      <p className="mt-4 text-slate-700">Your account will use this address from now on.</p>
      <TokenConfirmForm token={typeof token === 'string' ? token.slice(0, 200) : ''} serverAction={confirmEmailChangeAction} label="Confirm my new address" pendingLabel="Confirming…" />
    </div>
  );
}
