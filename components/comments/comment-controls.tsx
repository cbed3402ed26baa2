'use client';
// The interactive parts of a thread. A public thread is cached for everyone, so who may
// reply, edit or moderate is decided here from the viewer store (use-me.ts), and again on
// the server by every action.
import Link from 'next/link';
import { useActionState, useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { UrgentCareNotice } from '@/components/forms/urgent-care-notice';
import { DisplayName } from '@/components/site/display-name';
import { useMe, type Me } from '@/components/site/use-me';
import { idleResult } from '@/lib/viewer/action-result';
import { isStaffRole } from '@/lib/auth/roles';
import {
  deleteCommentAction,
  editCommentAction,
  lockThreadAction,
  moderateCommentAction,
  postCommentAction,
  reportCommentAction,
  type CommentResult,
} from '@/lib/comments/actions';
import { COMMENT_MAX_LENGTH, EDIT_WINDOW_MS } from '@/lib/comments/limits';
import type { PostedComment } from '@/lib/comments/thread-parts';
import { CommentCard } from './comment-card';
import { fetchPostedComment } from './thread-api';

export type TargetProps = { kind: string; slug: string; membersOnly: boolean };

function mayPost(me: Me | null, target: TargetProps): boolean {
  return me?.signedIn === true && (!target.membersOnly || me.entitled);
}

const smallButton = 'rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-sand-100 disabled:opacity-60';

export function CommentForm({
  target,
  parentId,
  label,
  submitLabel,
  onDone,
  onPosted,
  autoFocus,
}: {
  target: TargetProps;
  parentId?: string;
  label: ReactNode;
  submitLabel: string;
  /** `urgentCare`: the post mentioned a red-flag symptom; what to tell the member at once. */
  onDone?: (commentId: string | undefined, urgentCare: string | undefined) => void;
  /** Called as the post succeeds, before the page re-renders (which may remove this form). */
  onPosted?: (commentId: string | undefined) => void;
  autoFocus?: boolean;
}) {
  const [state, action, pending] = useActionState(async (previous: CommentResult, form: FormData) => {
    const result = await postCommentAction(previous, form);
    if (result.status === 'success') onPosted?.(result.data?.commentId);
    return result;
  }, idleResult);
  const [text, setText] = useState('');
  const id = useId();
  useEffect(() => {
    // The action's response already carries the page rendered afresh (its tags were updated).
    if (state.status !== 'success') return;
    onDone?.(state.data?.commentId, state.data?.urgentCare);
  }, [state, onDone]);
  const error = state.status === 'error';
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="targetKind" value={target.kind} />
      <input type="hidden" name="targetSlug" value={target.slug} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <textarea
        id={id}
        name="body"
        rows={parentId ? 3 : 4}
        maxLength={COMMENT_MAX_LENGTH}
        required
        autoFocus={autoFocus}
        // Controlled, so the text survives an error (React resets uncontrolled fields after an action).
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-hint`}
        aria-invalid={error && Boolean(state.fieldErrors?.body)}
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">**bold**, *italic*, lists and links work. {text.length > COMMENT_MAX_LENGTH - 500 ? `${COMMENT_MAX_LENGTH - text.length} characters left.` : ''}</p>
      <FormMessage state={state.status === 'success' ? idleResult : state} />
      <button type="submit" disabled={pending} className="rounded-full bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
        {pending ? 'Posting…' : submitLabel}
      </button>
    </form>
  );
}

/**
 * The author's just-posted comment, when the thread's first render stops before it (a
 * long thread shows its first comments only): a copy here, until the thread shows it.
 */
function JustPosted({ target, id }: { target: TargetProps; id: string }) {
  const [copy, setCopy] = useState<PostedComment | null>(null);
  useEffect(() => {
    let cancelled = false;
    const inThread = () => document.getElementById(`comment-${id}`) !== null;
    if (!inThread()) {
      fetchPostedComment({ kind: target.kind, slug: target.slug }, id).then(
        (posted) => !cancelled && !inThread() && setCopy(posted),
        () => undefined, // the thread itself still has it on the next load
      );
    }
    // A thread that reloads after the post (members threads) may bring it in after all.
    const observer = new MutationObserver(() => inThread() && setCopy(null));
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [id, target.kind, target.slug]);
  if (!copy) return null;
  return (
    <div className="mt-3 space-y-2" data-testid="just-posted">
      <p className="text-xs text-slate-600">Posted. It is further down this long thread, so here it is:</p>
      <CommentCard item={{ comment: copy.comment, level: 0, replyingTo: copy.replyingTo ?? undefined, replies: [], more: null }} copy />
    </div>
  );
}

export function CommentComposer({ target, returnTo }: { target: TargetProps; returnTo: string }) {
  const me = useMe();
  const [posted, setPosted] = useState(0);
  const [lastPosted, setLastPosted] = useState<string | null>(null);
  const [urgentCare, setUrgentCare] = useState<string | null>(null);
  const onPosted = useCallback((id: string | undefined, urgent: string | undefined) => {
    setPosted((n) => n + 1);
    setLastPosted(id ?? null);
    setUrgentCare(urgent ?? null);
  }, []);
  if (!me) return <div className="mt-4 h-10" aria-hidden="true" />;
  if (!me.signedIn) {
    return <p className="mt-4 text-sm"><Link className="font-medium text-brand-700 underline" href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}>Sign in</Link> to ask a question or join in.</p>;
  }
  if (!mayPost(me, target)) return <p className="mt-4 text-sm">Questions here are for members. <Link className="font-medium text-brand-700 underline" href="/pricing">Become a member</Link></p>;
  return (
    <div>
      {posted > 0 && (urgentCare ? <UrgentCareNotice saved="Your comment is posted." message={urgentCare} /> : <p role="status" className="mt-3 rounded-lg bg-brand-50 px-4 py-2 text-sm text-brand-800">Your comment is posted.</p>)}
      {/* A fresh form after each post: the key resets it. */}
      <CommentForm key={posted} target={target} label="Ask a question or add a comment" submitLabel="Post" onDone={onPosted} />
      {lastPosted && <JustPosted key={lastPosted} target={target} id={lastPosted} />}
    </div>
  );
}

function ActionButton({ action, fields, label, pendingLabel, confirm }: { action: (s: CommentResult, f: FormData) => Promise<CommentResult>; fields: Record<string, string>; label: string; pendingLabel: string; confirm?: string }) {
  const [state, formAction, pending] = useActionState(action, idleResult);
  return (
    <form action={formAction} className="inline" onSubmit={(e) => { if (confirm && !window.confirm(confirm)) e.preventDefault(); }}>
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <button type="submit" disabled={pending} className={smallButton}>{pending ? pendingLabel : label}</button>
      {state.status !== 'idle' && <span role={state.status === 'error' ? 'alert' : 'status'} className={`ml-1 text-xs ${state.status === 'error' ? 'text-coral-700' : 'text-brand-800'}`}>{state.message}</span>}
    </form>
  );
}

function EditForm({ id, body, onDone }: { id: string; body: string; onDone: () => void }) {
  const [state, action, pending] = useActionState(editCommentAction, idleResult);
  const fieldId = useId();
  useEffect(() => {
    if (state.status !== 'success') return;
    onDone();
  }, [state, onDone]);
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="commentId" value={id} />
      <label htmlFor={fieldId} className="block text-sm font-medium">Edit your comment</label>
      <textarea id={fieldId} name="body" rows={3} maxLength={COMMENT_MAX_LENGTH} defaultValue={body} required className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      <FormMessage state={state} />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded-full bg-brand-600 px-4 py-1.5 text-sm font-semibold text-white disabled:opacity-70">{pending ? 'Saving…' : 'Save'}</button>
        <button type="button" onClick={onDone} className="rounded-full border border-slate-300 px-4 py-1.5 text-sm">Cancel</button>
      </div>
    </form>
  );
}

export function CommentActions({
  comment,
  target,
}: {
  comment: { id: string; authorId: string | null; authorName: string; body: string; createdAt: string; status: string; pinned: boolean };
  target: TargetProps;
}) {
  const me = useMe();
  const [open, setOpen] = useState<'reply' | 'edit' | 'report' | null>(null);
  const [replied, setReplied] = useState<string | null>(null);
  const [urgentCare, setUrgentCare] = useState<string | null>(null);
  // Read on the client only: a server render (a prerender too) has no viewer, so no controls.
  const [now] = useState(() => (typeof window === 'undefined' ? 0 : Date.now()));
  const close = useCallback(() => setOpen(null), []);
  const onReplied = useCallback((id: string | undefined, urgent: string | undefined) => {
    setOpen(null);
    setReplied(id ?? null);
    setUrgentCare(urgent ?? null);
  }, []);
  if (!me?.signedIn) return null;
  const own = me.id === comment.authorId;
  const staff = isStaffRole(me.role);
  const canEdit = own && now - new Date(comment.createdAt).getTime() < EDIT_WINDOW_MS;
  const about = <>comment by <DisplayName name={comment.authorName} /></>;
  return (
    <div className="mt-2">
      <div className="flex flex-wrap items-center gap-1">
        {mayPost(me, target) && comment.status === 'PUBLISHED' && (
          <button type="button" className={smallButton} aria-expanded={open === 'reply'} onClick={() => setOpen(open === 'reply' ? null : 'reply')}>Reply<span className="sr-only"> to {about}</span></button>
        )}
        {canEdit && <button type="button" className={smallButton} aria-expanded={open === 'edit'} onClick={() => setOpen(open === 'edit' ? null : 'edit')}>Edit<span className="sr-only"> your comment</span></button>}
        {own && <ActionButton action={deleteCommentAction} fields={{ commentId: comment.id }} label="Delete" pendingLabel="Deleting…" confirm="Delete your comment? Replies stay in place." />}
        {!own && !staff && <button type="button" className={smallButton} aria-expanded={open === 'report'} onClick={() => setOpen(open === 'report' ? null : 'report')}>Report<span className="sr-only"> {about}</span></button>}
        {staff && !own && (
          <>
            <ActionButton action={moderateCommentAction} fields={{ commentId: comment.id, action: comment.status === 'HIDDEN' ? 'unhide' : 'hide' }} label={comment.status === 'HIDDEN' ? 'Unhide' : 'Hide'} pendingLabel="…" />
            <ActionButton action={moderateCommentAction} fields={{ commentId: comment.id, action: 'delete' }} label="Delete" pendingLabel="…" confirm="Delete this comment for everyone?" />
            <ActionButton action={moderateCommentAction} fields={{ commentId: comment.id, action: 'ban' }} label="Ban author" pendingLabel="…" confirm={`Stop ${comment.authorName} from commenting?`} />
          </>
        )}
        {staff && comment.status === 'PUBLISHED' && (
          <ActionButton action={moderateCommentAction} fields={{ commentId: comment.id, action: comment.pinned ? 'unpin' : 'pin' }} label={comment.pinned ? 'Unpin' : 'Pin'} pendingLabel="…" />
        )}
      </div>
      {open === 'reply' && <CommentForm target={target} parentId={comment.id} label={<>Reply to <DisplayName name={comment.authorName} /></>} submitLabel="Post reply" onDone={onReplied} autoFocus />}
      {replied && urgentCare && <UrgentCareNotice saved="Your reply is posted." message={urgentCare} />}
      {replied && <JustPosted key={replied} target={target} id={replied} />}
      {open === 'edit' && <EditForm id={comment.id} body={comment.body} onDone={close} />}
      {open === 'report' && (
        <ReportForm id={comment.id} about={about} />
      )}
    </div>
  );
}

function ReportForm({ id, about }: { id: string; about: ReactNode }) {
  const [state, action, pending] = useActionState(reportCommentAction, idleResult);
  const fieldId = useId();
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="commentId" value={id} />
      <label htmlFor={fieldId} className="block text-sm font-medium">What is wrong with this {about}? (optional)</label>
      <input id={fieldId} name="reason" maxLength={300} className="w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
      <FormMessage state={state} />
      {state.status !== 'success' && <button type="submit" disabled={pending} className="rounded-full border border-slate-300 px-4 py-1.5 text-sm">{pending ? 'Sending…' : 'Send report'}</button>}
    </form>
  );
}

export function ThreadLockControl({ target, locked }: { target: { kind: string; slug: string }; locked: boolean }) {
  const me = useMe();
  if (!me?.signedIn || !isStaffRole(me.role)) return null;
  return (
    <div className="mt-2">
      <ActionButton action={lockThreadAction} fields={{ targetKind: target.kind, targetSlug: target.slug, lock: locked ? 'no' : 'yes' }} label={locked ? 'Unlock thread' : 'Lock thread'} pendingLabel="…" />
    </div>
  );
}

/** Moderation buttons for a reported comment in the inbox. */
export function ReportActions({ commentId, hidden }: { commentId: string; hidden: boolean }) {
  return (
    <div className="mt-2 flex flex-wrap gap-1">
      {!hidden && <ActionButton action={moderateCommentAction} fields={{ commentId, action: 'hide' }} label="Hide comment" pendingLabel="Hiding…" />}
      <ActionButton action={moderateCommentAction} fields={{ commentId, action: 'dismiss-reports' }} label="Dismiss reports" pendingLabel="…" />
      <ActionButton action={moderateCommentAction} fields={{ commentId, action: 'ban' }} label="Ban author" pendingLabel="…" confirm="Stop this author from commenting?" />
    </div>
  );
}

export function UnhideButton({ commentId }: { commentId: string }) {
  return <ActionButton action={moderateCommentAction} fields={{ commentId, action: 'unhide' }} label="Unhide" pendingLabel="…" />;
}
