import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Check your email', robots: { index: false } };

export default function CheckEmailForLink() {
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Check your email</h1>
      <p className="mt-4 text-slate-700">If that address can receive email, a sign-in link is on its way. It works once, for 15 minutes.</p>
      <p className="mt-3 text-sm text-slate-600">Nothing after a few minutes? Check your spam folder, or go back and ask again.</p>
    </>
  );
}
