import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Check your email', robots: { index: false } };

export default function ResetSentPage() {
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Check your email</h1>
      <p className="mt-4 text-slate-700">If an account uses that address, a link to reset the password is on its way. It works once, for 30 minutes.</p>
    </>
  );
}
