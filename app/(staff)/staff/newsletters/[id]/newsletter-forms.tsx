'use client';
// The staff controls of one newsletter: each a small form posting to its server action
// (lib/newsletters/actions.ts), with the result announced beside it.
import { useActionState, type ReactNode } from 'react';
import { idleResult, type ActionResult } from '@/lib/viewer/action-result';
import { cancelScheduleAction, discardAction, saveSubjectAction, scheduleAction, sendNowAction } from '@/lib/newsletters/actions';

type Action = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

const button = 'rounded-full px-4 py-2 text-sm font-semibold disabled:opacity-70';
const primary = `${button} bg-brand-600 text-white hover:bg-brand-700`;
const secondary = `${button} border border-slate-300 bg-white text-ink hover:bg-sand-100`;
const input = 'mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-base';

function ActionForm({ action, id, submit, busy, className = primary, children }: { action: Action; id: string; submit: string; busy: string; className?: string; children?: (state: ActionResult) => ReactNode }) {
  const [state, formAction, pending] = useActionState(action, idleResult);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="id" value={id} />
      {children?.(state)}
      <button type="submit" disabled={pending} className={className}>{pending ? busy : submit}</button>
      <p role={state.status === 'error' ? 'alert' : 'status'} className={`basis-full text-sm ${state.status === 'error' ? 'text-coral-700' : 'text-brand-700'}`}>
        {state.status !== 'idle' ? state.message : ''}
      </p>
    </form>
  );
}

export function SubjectForm({ id, subject }: { id: string; subject: string }) {
  return (
    <ActionForm action={saveSubjectAction} id={id} submit="Save subject" busy="Saving…" className={secondary}>
      {(state) => (
        <label className="min-w-0 flex-1 text-sm font-medium">
          Subject
          <input name="subject" defaultValue={state.status === 'error' ? (state.values?.subject ?? subject) : subject} maxLength={200} required className={input} />
        </label>
      )}
    </ActionForm>
  );
}

export function SendNowForm({ id, recipients }: { id: string; recipients: number }) {
  return <ActionForm action={sendNowAction} id={id} submit={`Send now to ${recipients === 1 ? '1 person' : `${recipients} people`}`} busy="Queuing…" />;
}

export function ScheduleForm({ id, scheduledFor }: { id: string; scheduledFor: string }) {
  return (
    <ActionForm action={scheduleAction} id={id} submit="Schedule" busy="Scheduling…" className={secondary}>
      {() => (
        <label className="text-sm font-medium">
          Send at (UTC)
          <input type="datetime-local" name="scheduledFor" defaultValue={scheduledFor} required className={input} />
        </label>
      )}
    </ActionForm>
  );
}

export function CancelScheduleForm({ id }: { id: string }) {
  return <ActionForm action={cancelScheduleAction} id={id} submit="Cancel the schedule" busy="Cancelling…" className={secondary} />;
}

export function DiscardForm({ id }: { id: string }) {
  return <ActionForm action={discardAction} id={id} submit="Discard: never send" busy="Discarding…" className={secondary} />;
}
