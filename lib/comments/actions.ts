'use server';
// Comment actions. Every one checks who is asking and whether they may, itself: an
// action is a public endpoint whatever page renders its form.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { FormState } from '@/lib/auth/form-state';
import { purgeSharedCache } from '@/lib/cache/shared-cache';
import { consumeRateLimits, describeWait } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';
import { getDb } from '@/lib/db';
import { commentBodySchema } from './markdown';
import { reportComment, resolveReports, setBanned, setHidden, setLocked, setPinned } from './moderation';
import { notifyAboutNewComment } from './notifications';
import { deleteComment, editComment, postComment, postProblemMessage } from './store';
import { canPost, resolveTarget, targetSchema, type CommentTarget } from './targets';
import { currentCommentViewer } from './viewer';

export type CommentFormState = FormState & { commentId?: string };

const str = (form: FormData, key: string) => (typeof form.get(key) === 'string' ? (form.get(key) as string) : '');
const idSchema = z.string().min(1).max(64);
const SIGN_IN: CommentFormState = { status: 'error', message: 'Sign in to take part in the conversation.' };

function refresh(target: CommentTarget) {
  revalidatePath(target.url);
  purgeSharedCache(target.url);
  revalidatePath('/staff/inbox');
}

/** Where a comment lives, and who wrote it. */
async function commentContext(commentId: string): Promise<{ target: CommentTarget | null; authorId: string | null }> {
  const comment = await getDb().comment.findUnique({ where: { id: commentId }, select: { targetKind: true, targetSlug: true, authorId: true } });
  if (!comment) return { target: null, authorId: null };
  const ref = targetSchema.safeParse({ kind: comment.targetKind, slug: comment.targetSlug });
  return { target: ref.success ? resolveTarget(ref.data) : null, authorId: comment.authorId };
}

export async function postCommentAction(_: CommentFormState, form: FormData): Promise<CommentFormState> {
  const ref = targetSchema.safeParse({ kind: str(form, 'targetKind'), slug: str(form, 'targetSlug') });
  const target = ref.success ? resolveTarget(ref.data) : null;
  if (!target) return { status: 'error', message: 'This page no longer takes comments.' };
  const { user, viewer } = await currentCommentViewer();
  if (!user) return SIGN_IN;
  if (!canPost(target, viewer)) return { status: 'error', message: 'Comments here are for members.' };
  const body = commentBodySchema.safeParse(str(form, 'body'));
  if (!body.success) return { status: 'error', message: body.error.issues[0]?.message ?? 'Check your comment.', fieldErrors: { body: body.error.issues[0]?.message ?? '' }, values: { body: str(form, 'body').slice(0, 6000) } };
  const parentId = str(form, 'parentId') ? idSchema.safeParse(str(form, 'parentId')) : null;
  if (parentId && !parentId.success) return { status: 'error', message: 'The comment you are replying to was not found.' };
  const limit = await consumeRateLimits([{ rule: rateLimits.commentsPerUser, subject: user.id }]);
  if (!limit.allowed) return { status: 'error', message: `You are posting very quickly. Please wait and try again ${describeWait(limit.retryAfterSeconds)}.`, values: { body: body.data } };

  const result = await postComment({ target, authorId: user.id, authorIsStaff: viewer.isStaff, parentId: parentId?.data ?? null, body: body.data });
  if (!result.ok) return { status: 'error', message: postProblemMessage[result.problem], values: { body: body.data } };
  // Email is queued, never sent inline: a slow mail server cannot slow the post.
  await notifyAboutNewComment(result.id).catch((error) => console.error('Comment notification failed:', error));
  refresh(target);
  return { status: 'success', message: parentId ? 'Your reply is posted.' : 'Your comment is posted.', commentId: result.id };
}

export async function editCommentAction(_: CommentFormState, form: FormData): Promise<CommentFormState> {
  const { user } = await currentCommentViewer();
  if (!user) return SIGN_IN;
  const id = idSchema.safeParse(str(form, 'commentId'));
  const body = commentBodySchema.safeParse(str(form, 'body'));
  if (!id.success) return { status: 'error', message: 'That comment was not found.' };
  if (!body.success) return { status: 'error', message: body.error.issues[0]?.message ?? 'Check your comment.', values: { body: str(form, 'body').slice(0, 6000) } };
  const result = await editComment({ id: id.data, authorId: user.id, body: body.data });
  if (!result.ok) {
    const message = { 'not-found': 'That comment was not found.', 'not-author': 'You can only edit your own comments.', 'too-late': 'Comments can be edited for 15 minutes after posting.' }[result.problem];
    return { status: 'error', message, values: { body: body.data } };
  }
  const { target } = await commentContext(id.data);
  if (target) refresh(target);
  return { status: 'success', message: 'Your comment is updated.', commentId: id.data };
}

export async function deleteCommentAction(_: CommentFormState, form: FormData): Promise<CommentFormState> {
  const { user, viewer } = await currentCommentViewer();
  if (!user) return SIGN_IN;
  const id = idSchema.safeParse(str(form, 'commentId'));
  if (!id.success) return { status: 'error', message: 'That comment was not found.' };
  const { target } = await commentContext(id.data);
  const deleted = await deleteComment(id.data, user.id, { asModerator: viewer.isStaff });
  if (!deleted) return { status: 'error', message: 'That comment could not be deleted: it is not yours, or already gone.' };
  if (target) refresh(target);
  return { status: 'success', message: 'Comment deleted.' };
}

export async function reportCommentAction(_: CommentFormState, form: FormData): Promise<CommentFormState> {
  const { user } = await currentCommentViewer();
  if (!user) return SIGN_IN;
  const id = idSchema.safeParse(str(form, 'commentId'));
  const reason = z.string().trim().max(300).safeParse(str(form, 'reason'));
  if (!id.success || !reason.success) return { status: 'error', message: 'Tell us briefly what is wrong (up to 300 characters).' };
  const limit = await consumeRateLimits([{ rule: rateLimits.reportsPerUser, subject: user.id }]);
  if (!limit.allowed) return { status: 'error', message: `Too many reports. Please try again ${describeWait(limit.retryAfterSeconds)}.` };
  if (!(await reportComment(id.data, user.id, reason.data || null))) return { status: 'error', message: 'That comment is no longer there.' };
  revalidatePath('/staff/inbox');
  return { status: 'success', message: 'Thank you: a coach will look at it.' };
}

const moderationSchema = z.object({
  action: z.enum(['hide', 'unhide', 'delete', 'pin', 'unpin', 'ban', 'unban', 'dismiss-reports']),
  commentId: idSchema,
});

export async function moderateCommentAction(_: CommentFormState, form: FormData): Promise<CommentFormState> {
  const { user, viewer } = await currentCommentViewer();
  if (!user || !viewer.isStaff) return { status: 'error', message: 'Only coaches and admins can moderate.' };
  const parsed = moderationSchema.safeParse({ action: str(form, 'action'), commentId: str(form, 'commentId') });
  if (!parsed.success) return { status: 'error', message: 'Choose a moderation action.' };
  const { action, commentId } = parsed.data;
  const { target, authorId } = await commentContext(commentId);
  if (!target) return { status: 'error', message: 'That comment was not found.' };
  let done = true;
  if (action === 'hide' || action === 'unhide') done = await setHidden(commentId, action === 'hide');
  if (action === 'delete') done = await deleteComment(commentId, user.id, { asModerator: true });
  if (action === 'pin' || action === 'unpin') done = await setPinned(commentId, action === 'pin');
  if (action === 'dismiss-reports') done = (await resolveReports(commentId)) > 0;
  if (action === 'ban' || action === 'unban') {
    if (!authorId || authorId === user.id) return { status: 'error', message: 'That author cannot be banned.' };
    await setBanned(authorId, action === 'ban', user.id, null);
  }
  refresh(target);
  const messages = { hide: 'Hidden from everyone but staff.', unhide: 'Visible again.', delete: 'Deleted.', pin: 'Pinned.', unpin: 'Unpinned.', ban: 'The author can no longer comment.', unban: 'The author can comment again.', 'dismiss-reports': 'Reports dismissed.' };
  return done ? { status: 'success', message: messages[action] } : { status: 'error', message: 'Nothing changed: it may already be done.' };
}

export async function lockThreadAction(_: CommentFormState, form: FormData): Promise<CommentFormState> {
  const { user, viewer } = await currentCommentViewer();
  if (!user || !viewer.isStaff) return { status: 'error', message: 'Only coaches and admins can lock threads.' };
  const ref = targetSchema.safeParse({ kind: str(form, 'targetKind'), slug: str(form, 'targetSlug') });
  const target = ref.success ? resolveTarget(ref.data) : null;
  if (!target) return { status: 'error', message: 'That thread was not found.' };
  const lock = str(form, 'lock') === 'yes';
  await setLocked(target, lock, user.id);
  refresh(target);
  return { status: 'success', message: lock ? 'Thread locked: no new comments.' : 'Thread unlocked.' };
}
