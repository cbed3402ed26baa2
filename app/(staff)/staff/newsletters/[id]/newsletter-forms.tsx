'use client';
// The staff controls of one newsletter: each a small form posting to its server action
// (lib/newsletters/actions.ts). A refusal is shown beside its form; a success is shown and
// announced by the page's status line (NewsletterAnnouncements), because a success often
// removes the form that was used ("Send now" turns the page into the progress view), and a
// live region removed from the page is never read out.
import { createContext, useActionState, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { idleResult, type ActionResult } from '@/lib/viewer/action-result';
import { cancelScheduleAction, discardAction, saveSubjectAction, scheduleAction, sendNowAction } from '@/lib/newsletters/actions';

type Action = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

const button = 'rounded-full px-4 py-2 text-sm font-semibold disabled:opacity-70';
const primary = `${button} bg-brand-600 text-white hover:bg-brand-700`;
const secondary = `${button} border border-slate-300 bg-white text-ink hover:bg-sand-100`;
const input = 'mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-base';

const AnnounceContext = createContext<(message: string) => void>(() => {});

/**
 * The page's status line, above everything that a success can remove. Hand-written (a
 * dozen lines) rather than a global announcer such as @react-aria/live-announcer, because
 * sighted staff need the same words on the page. The line is cleared first, so the same
 * message twice ("Subject saved.") is read out twice.
 */
export function NewsletterAnnouncements({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const announce = useCallback((next: string) => {
    setMessage('');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(next), 100);
  }, []);
  return (
    <AnnounceContext value={announce}>
      <p role="status" className="mt-3 text-sm font-medium text-brand-700" data-testid="newsletter-announcement">{message}</p>
      {children}
    </AnnounceContext>
  );
}

function ActionForm({ action, id, submit, busy, className = primary, children }: { action: Action; id: string; submit: string; busy: string; className?: string; children?: (state: ActionResult) => ReactNode }) {
  const announce = useContext(AnnounceContext);
  const [state, formAction, pending] = useActionState(async (previous: ActionResult, form: FormData) => {
    const result = await action(previous, form);
    if (result.status === 'success') announce(result.message);
    return result;
  }, idleResult);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="id" value={id} />
      {children?.(state)}
      <button type="submit" disabled={pending} className={className}>{pending ? busy : submit}</button>
      <p role="alert" className="basis-full text-sm text-coral-700">{state.status === 'error' ? state.message : ''}</p>
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
