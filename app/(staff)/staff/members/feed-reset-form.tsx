'use client';
import { useActionState } from 'react';
import { idleResult } from '@/lib/viewer/action-result';
import { staffResetFeedAction } from '@/lib/podcast/private-feed/actions';

/** Gives a member's private feed a new address; the member is emailed where to find it. */
export function FeedResetForm({ userId, label }: { userId: string; label: string }) {
  const [state, action, pending] = useActionState(staffResetFeedAction, idleResult);
  return (
    <form action={action} className="mt-1">
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-sand-50 disabled:opacity-70">
        {pending ? 'Resetting…' : 'Reset feed address'}<span className="sr-only"> of <bdi>{label}</bdi></span>
      </button>
      <p role={state.status === 'error' ? 'alert' : 'status'} className={`text-xs ${state.status === 'error' ? 'text-coral-700' : 'text-brand-700'}`}>
        {state.status !== 'idle' ? state.message : ''}
      </p>
    </form>
  );
}
