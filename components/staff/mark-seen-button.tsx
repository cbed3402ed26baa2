'use client';
// "Seen, member contacted" under a red-flag session note in the coach inbox.
import { useActionState } from 'react';
import { markUrgentNoteSeenAction } from '@/lib/triage/actions';
import { idleResult } from '@/lib/viewer/action-result';

export function MarkSeenButton({ completionId, memberName }: { completionId: string; memberName: string }) {
  const [state, action, pending] = useActionState(markUrgentNoteSeenAction, idleResult);
  return (
    <form action={action} className="mt-2">
      <input type="hidden" name="completionId" value={completionId} />
      <button type="submit" disabled={pending} className="rounded-full border border-red-700 px-4 py-2 text-sm font-medium text-red-900 hover:bg-red-100 disabled:opacity-70">
        {pending ? 'Saving…' : <>Seen, {memberName} contacted</>}
      </button>
      {state.status === 'error' && <p role="alert" className="mt-2 text-sm text-coral-700">{state.message}</p>}
    </form>
  );
}
