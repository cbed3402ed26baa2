'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { SIGN_IN_FIRST } from '@/lib/viewer/action-result';

/** The form-level result, announced to screen readers when it appears. */
export function FormMessage({ state }: { state: { status: string; message?: string } }) {
  const pathname = usePathname();
  if (state.status === 'idle' || !state.message) return <div role="status" aria-live="polite" />;
  const error = state.status === 'error';
  return (
    <div role={error ? 'alert' : 'status'} className={`rounded-lg px-4 py-3 text-sm ${error ? 'bg-orange-50 text-coral-700' : 'bg-brand-50 text-brand-800'}`}>
      {state.message}
      {/* A signed-out refusal says where to go next, and comes back here afterwards. */}
      {state.message === SIGN_IN_FIRST && (
        <> <Link className="font-medium underline" href={`/sign-in?callbackUrl=${encodeURIComponent(pathname)}`}>Sign in</Link></>
      )}
    </div>
  );
}
