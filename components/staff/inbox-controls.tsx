'use client';
// The coach inbox's interactive parts. An answered or closed question leaves the list as
// soon as the action returns, taking its form with it, so the confirmation lives above
// the list (InboxStatus) and takes the focus, with a link to the answer or an undo.
import Link from 'next/link';
import { createContext, useActionState, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { CommentForm } from '@/components/comments/comment-controls';
import { DisplayName } from '@/components/site/display-name';
import { closeQuestionAction, type CommentResult } from '@/lib/comments/actions';
import { idleResult } from '@/lib/viewer/action-result';

type Confirmation = { text: string; link?: { href: string; label: string }; reopen?: string };
const ConfirmContext = createContext<(confirmation: Confirmation) => void>(() => undefined);

export function InboxStatus({ children }: { children: ReactNode }) {
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirmation) box.current?.focus();
  }, [confirmation]);
  return (
    <ConfirmContext value={setConfirmation}>
      <div ref={box} tabIndex={-1} role="status" aria-live="polite" className="outline-none focus-visible:ring-2 focus-visible:ring-brand-600" data-testid="inbox-status">
        {confirmation && (
          <div className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-800">
            <span>{confirmation.text}</span>
            {confirmation.link && <Link className="font-medium underline" href={confirmation.link.href}>{confirmation.link.label}</Link>}
            {confirmation.reopen && <ReopenButton commentId={confirmation.reopen} onDone={() => setConfirmation({ text: 'Back in the inbox.' })} />}
          </div>
        )}
      </div>
      {children}
    </ConfirmContext>
  );
}

/** The reply box under a question; the confirmation links to the answer in its thread. */
export function InboxReply({ target, commentId, authorName, threadUrl }: { target: { kind: string; slug: string }; commentId: string; authorName: string; threadUrl: string }) {
  const confirm = useContext(ConfirmContext);
  return (
    <CommentForm
      target={{ ...target, membersOnly: false }}
      parentId={commentId}
      label={<>Answer <DisplayName name={authorName} /></>}
      submitLabel="Post answer"
      onPosted={(answerId) => confirm({ text: `Your answer to ${authorName} is posted.`, link: answerId ? { href: `${threadUrl}#comment-${answerId}`, label: 'See it in the thread' } : undefined })}
    />
  );
}

/**
 * Closes ("No reply needed") or reopens a question. `onDone` runs as the action returns,
 * before the page re-renders: by then the button may no longer be on it.
 */
function useQuestionAction(onDone: () => void) {
  return useActionState(async (previous: CommentResult, form: FormData) => {
    const result = await closeQuestionAction(previous, form);
    if (result.status === 'success') onDone();
    return result;
  }, idleResult);
}

function QuestionFields({ commentId, close }: { commentId: string; close: boolean }) {
  return (
    <>
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="close" value={close ? 'yes' : 'no'} />
    </>
  );
}

/** "No reply needed": closes the question without answering (a thank-you, say). */
export function NoReplyNeeded({ commentId, authorName }: { commentId: string; authorName: string }) {
  const confirm = useContext(ConfirmContext);
  const [state, action, pending] = useQuestionAction(() => confirm({ text: `${authorName}’s comment is marked as no reply needed.`, reopen: commentId }));
  return (
    <form action={action} className="inline">
      <QuestionFields commentId={commentId} close />
      <button type="submit" disabled={pending} className="rounded-full border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-sand-100 disabled:opacity-70">
        {pending ? 'Closing…' : 'No reply needed'}
      </button>
      {state.status === 'error' && <p role="alert" className="mt-2 text-sm text-coral-700">{state.message}</p>}
    </form>
  );
}

/** Puts a closed question back into the inbox (undo, or from the "all" list). */
export function ReopenButton({ commentId, label = 'Undo', onDone }: { commentId: string; label?: string; onDone?: () => void }) {
  const [state, action, pending] = useQuestionAction(() => onDone?.());
  return (
    <form action={action} className="inline">
      <QuestionFields commentId={commentId} close={false} />
      <button type="submit" disabled={pending} className="font-medium underline disabled:opacity-70">{pending ? 'Reopening…' : label}</button>
      {state.status === 'error' && <span role="alert" className="ml-2 text-coral-700">{state.message}</span>}
    </form>
  );
}
