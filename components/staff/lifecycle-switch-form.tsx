'use client';
// One lifecycle email's on/off switch at /staff/emails: a plain form (works without
// JavaScript), a button that says what it will do, and the outcome announced.
import { useActionState } from 'react';
import { setLifecycleSwitchAction } from '@/lib/lifecycle/actions';
import { idleResult } from '@/lib/viewer/action-result';

export function LifecycleSwitchForm({ kind, label, enabled }: { kind: string; label: string; enabled: boolean }) {
  const [state, action, pending] = useActionState(setLifecycleSwitchAction, idleResult);
  return (
    <form action={action}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="enabled" value={enabled ? 'off' : 'on'} />
      <button
        type="submit"
        disabled={pending}
        className={`whitespace-nowrap rounded-full px-4 py-2 text-sm font-medium disabled:opacity-70 ${enabled ? 'border border-slate-400 text-slate-800 hover:bg-sand-100' : 'bg-brand-700 text-white hover:bg-brand-800'}`}
      >
        {enabled ? 'Turn off' : 'Turn on'}<span className="sr-only"> {label} emails</span>
      </button>
      <p role="status" className={`mt-1 text-xs ${state.status === 'error' ? 'text-coral-700' : 'text-slate-600'}`}>{state.status === 'idle' ? '' : state.message}</p>
    </form>
  );
}
