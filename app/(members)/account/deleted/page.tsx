import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Account deleted', robots: { index: false } };

export default function AccountDeletedPage() {
  return (
    <div className="container-page max-w-md py-10 sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight">Your account is deleted</h1>
      <p className="mt-4 text-slate-700">We have removed your account and the emails we sent you. Thank you for being part of Steady Spine; the free articles are always here.</p>
      <p className="mt-6"><Link href="/" className="text-brand-700 underline">Back to the home page</Link></p>
    </div>
  );
}
