import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Confirm your email', robots: { index: false } };

export default function SignUpCheckEmail() {
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Confirm your email</h1>
      <p className="mt-4 text-slate-700">We have sent a link to confirm your address. Open it to finish creating your account; it works for 24 hours.</p>
      <p className="mt-3 text-sm text-slate-600">Already confirmed? <Link href="/sign-in" className="text-brand-700 underline">Sign in</Link>.</p>
    </>
  );
}
