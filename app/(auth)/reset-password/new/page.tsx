import type { Metadata } from 'next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { NewPasswordForm } from '../forms';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewPasswordPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Choose a new password</h1>
      <p className="mb-6 mt-2 text-slate-700">Saving it signs you out everywhere else.</p>
      <NewPasswordForm token={typeof token === 'string' ? token.slice(0, 200) : ''} minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} />
    </>
  );
}
