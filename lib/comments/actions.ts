'use server';
// Comment actions. Each declares who may ask (lib/viewer/action.ts) and checks the
// thread's own rules itself: an action is a public endpoint whatever page renders its form.
import { revalidatePath, updateTag } from 'next/cache';
import { z } from 'zod';
import { threadTag } from '@/lib/cache/tags';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { rateLimits } from '@/lib/rate-limit/rules';
import { defineAction } from '@/lib/viewer/action';
import { failed, succeeded, type ActionResult } from '@/lib/viewer/action-result';
import { commentBodySchema } from './markdown';
import { reportComment, resolveReports, setBanned, setHidden, setLocked, setPinned, setQuestionClosed } from './moderation';
import { notifyAboutNewComment } from './notifications';
import { deleteComment, editComment, postComment, postProblemMessage } from './store';
import { canPost, resolveTarget, targetSchema, type CommentTarget } from './targets';

/** What the comment forms get back: the comment a post or edit touched, to scroll to it. */
/** `urgentCare`: what to tell a member whose comment mentions a red-flag symptom, at once. */
export type CommentResult = ActionResult<{ commentId: string; urgentCare?: string }>;

const idSchema = z.string().min(1).max(64);
const targetFields = { targetKind: targetSchema.shape.kind, targetSlug: targetSchema.shape.slug };
const targetOf = (input: { targetKind: CommentTarget['kind']; targetSlug: string }) => resolveTarget({ kind: input.targetKind, slug: input.targetSlug });

function refresh(target: CommentTarget) {
  // The author's next render, and every instance's, shows the change.
  updateTag(threadTag(target.kind, target.slug));
  revalidatePath('/staff/inbox');
}

/** Where a comment lives, and who wrote it. */
async function commentContext(commentId: string): Promise<{ target: CommentTarget | null; authorId: string | null }> {
  const comment = await getDb().comment.findUnique({ where: { id: commentId }, select: { targetKind: true, targetSlug: true, authorId: true } });
  if (!comment) return { target: null, authorId: null };
  const ref = targetSchema.safeParse({ kind: comment.targetKind, slug: comment.targetSlug });
  return { target: ref.success ? resolveTarget(ref.data) : null, authorId: comment.authorId };
}

/** The body's own message first: that is what the writer can fix. */
function commentProblem(issues: { path: readonly PropertyKey[]; message: string }[], elsewhere: (field: string) => string): string {
  const body = issues.find((issue) => issue.path[0] === 'body');
  return body ? body.message || 'Check your comment.' : elsewhere(String(issues[0]?.path[0]));
}

export const postCommentAction = defineAction({
  access: 'signed-in',
  input: z.object({ ...targetFields, body: commentBodySchema, parentId: idSchema.optional().or(z.literal('').transform(() => undefined)) }),
  invalid: (issues) => commentProblem(issues, (field) => (field === 'parentId' ? 'The comment you are replying to was not found.' : 'This page no longer takes comments.')),
  keep: ['body'],
  rateLimit: {
    rule: rateLimits.commentsPerUser,
    subject: (_input, { viewer }) => viewer.user.id,
    message: (wait) => `You are posting very quickly. Please wait and try again ${wait}.`,
  },
  async run(input, { viewer }): Promise<CommentResult> {
    const target = targetOf(input);
    if (!target) return failed('This page no longer takes comments.');
    if (!canPost(target, viewer)) return { status: 'error', error: 'unauthorised', message: 'Comments here are for members.' };
    const result = await postComment({ target, authorId: viewer.user.id, authorIsStaff: viewer.isStaff, parentId: input.parentId ?? null, body: input.body });
    if (!result.ok) return failed(postProblemMessage[result.problem]);
    // Email is queued, never sent inline: a slow mail server cannot slow the post.
    await notifyAboutNewComment(result.id).catch((error) => console.error('Comment notification failed:', error));
    refresh(target);
    const posted = input.parentId ? 'Your reply is posted.' : 'Your comment is posted.';
    return succeeded(posted, { commentId: result.id, ...(result.redFlag && { urgentCare: env.URGENT_CARE_MESSAGE }) });
  },
});

export const editCommentAction = defineAction({
  access: 'signed-in',
  input: z.object({ commentId: idSchema, body: commentBodySchema }),
  invalid: (issues) => commentProblem(issues, () => 'That comment was not found.'),
  keep: ['body'],
  async run(input, { viewer }): Promise<CommentResult> {
    const result = await editComment({ id: input.commentId, authorId: viewer.user.id, body: input.body });
    if (!result.ok) {
      return failed({ 'not-found': 'That comment was not found.', 'not-author': 'You can only edit your own comments.', 'too-late': 'Comments can be edited for 15 minutes after posting.' }[result.problem]);
    }
    const { target } = await commentContext(input.commentId);
    if (target) refresh(target);
    return succeeded('Your comment is updated.', { commentId: input.commentId });
  },
});

export const deleteCommentAction = defineAction({
  access: 'signed-in',
  input: z.object({ commentId: idSchema }),
  invalid: 'That comment was not found.',
  async run({ commentId }, { viewer }): Promise<CommentResult> {
    const { target } = await commentContext(commentId);
    const deleted = await deleteComment(commentId, viewer.user.id, { asModerator: viewer.isStaff });
    if (!deleted) return failed('That comment could not be deleted: it is not yours, or already gone.');
    if (target) refresh(target);
    return succeeded('Comment deleted.');
  },
});

export const reportCommentAction = defineAction({
  access: 'signed-in',
  input: z.object({ commentId: idSchema, reason: z.string().trim().max(300).prefault('') }),
  invalid: 'Tell us briefly what is wrong (up to 300 characters).',
  rateLimit: {
    rule: rateLimits.reportsPerUser,
    subject: (_input, { viewer }) => viewer.user.id,
    message: (wait) => `Too many reports. Please try again ${wait}.`,
  },
  async run({ commentId, reason }, { viewer }): Promise<CommentResult> {
    if (!(await reportComment(commentId, viewer.user.id, reason || null))) return failed('That comment is no longer there.');
    revalidatePath('/staff/inbox');
    return succeeded('Thank you: a coach will look at it.');
  },
});

const MODERATION_DONE = {
  hide: 'Hidden from everyone but staff.',
  unhide: 'Visible again.',
  delete: 'Deleted.',
  pin: 'Pinned.',
  unpin: 'Unpinned.',
  ban: 'The author can no longer comment.',
  unban: 'The author can comment again.',
  'dismiss-reports': 'Reports dismissed.',
} as const;

export const moderateCommentAction = defineAction({
  access: 'coach',
  input: z.object({ action: z.enum(Object.keys(MODERATION_DONE) as [keyof typeof MODERATION_DONE]), commentId: idSchema }),
  invalid: 'Choose a moderation action.',
  async run({ action, commentId }, { viewer }): Promise<CommentResult> {
    const { target, authorId } = await commentContext(commentId);
    if (!target) return failed('That comment was not found.');
    let done = true;
    if (action === 'hide' || action === 'unhide') done = await setHidden(commentId, action === 'hide');
    if (action === 'delete') done = await deleteComment(commentId, viewer.user.id, { asModerator: true });
    if (action === 'pin' || action === 'unpin') done = await setPinned(commentId, action === 'pin');
    if (action === 'dismiss-reports') done = (await resolveReports(commentId)) > 0;
    if (action === 'ban' || action === 'unban') {
      if (!authorId || authorId === viewer.user.id) return failed('That author cannot be banned.');
      await setBanned(authorId, action === 'ban', viewer.user.id, null);
    }
    refresh(target);
    return done ? succeeded(MODERATION_DONE[action]) : failed('Nothing changed: it may already be done.');
  },
});

export const closeQuestionAction = defineAction({
  access: 'coach',
  input: z.object({ commentId: idSchema, close: z.enum(['yes', 'no']) }),
  invalid: 'That question was not found.',
  async run({ commentId, close }, { viewer }): Promise<CommentResult> {
    const { target } = await commentContext(commentId);
    if (!target) return failed('That question was not found.');
    const done = await setQuestionClosed(commentId, close === 'yes', viewer.user.id);
    if (!done) return failed(close === 'yes' ? 'This question is no longer waiting: a coach may have answered it.' : 'This question is not closed.');
    refresh(target);
    return succeeded(close === 'yes' ? 'Marked as no reply needed.' : 'Back in the inbox.', { commentId });
  },
});

export const lockThreadAction = defineAction({
  access: 'coach',
  input: z.object({ ...targetFields, lock: z.string().optional() }),
  invalid: 'That thread was not found.',
  async run(input, { viewer }): Promise<CommentResult> {
    const target = targetOf(input);
    if (!target) return failed('That thread was not found.');
    const lock = input.lock === 'yes';
    await setLocked(target, lock, viewer.user.id);
    refresh(target);
    return succeeded(lock ? 'Thread locked: no new comments.' : 'Thread unlocked.');
  },
});
