'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { idleResult } from '@/lib/viewer/action-result';
import { resetMyFeedAction } from '@/lib/podcast/private-feed/actions';

/** Behind a disclosure and a confirmation: a reset means re-adding the feed in every app. */
export function ResetFeedForm() {
  const [state, action, pending] = useActionState(resetMyFeedAction, idleResult);
  return (
    <details className="mt-4 text-sm" open={state.status !== 'idle'}>
      <summary className="cursor-pointer font-medium text-slate-800">Reset the address</summary>
      <form action={action} className="mt-3 space-y-3">
        <p className="text-slate-700">Use this if you shared the address by mistake. The current address stops working at once, in every app that has it.</p>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="confirm" value="yes" required className="mt-1" />
          <span>I understand I will need to add the new address to my podcast app.</span>
        </label>
        <FormMessage state={state} />
        <button type="submit" disabled={pending} className="rounded-full border border-coral-700/60 px-5 py-2 font-medium text-coral-700 hover:bg-orange-50 disabled:opacity-70">
          {pending ? 'Making a new address…' : 'Reset my feed address'}
        </button>
      </form>
    </details>
  );
}
