import type { Metadata } from 'next';
import { RequestResetForm } from './forms';

export const metadata: Metadata = { title: 'Reset your password', robots: { index: false } };

export default function ResetPasswordPage() {
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Reset your password</h1>
      <p className="mb-6 mt-2 text-slate-700">Enter the email address you signed up with and we will send you a link to choose a new password.</p>
      <RequestResetForm />
    </>
  );
}
