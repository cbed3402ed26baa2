'use client';
// Signing out ends on another page without a reload: the header must not keep the name.
import { forgetViewer } from './use-me';

export function SignOutForm({ action }: { action: (form: FormData) => Promise<void> }) {
  return (
    <form action={action} onSubmit={forgetViewer} className="mt-8">
      <button type="submit" className="rounded-full border border-slate-300 px-5 py-2.5 font-medium hover:bg-sand-50">Sign out</button>
    </form>
  );
}
