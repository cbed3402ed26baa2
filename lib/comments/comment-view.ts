// A planned thread as the page and the browser both render it: plain data (JSON-safe),
// with each body already turned into safe HTML on the server (lib/comments/markdown.ts),
// so the comment list renders the same on the server and, for "Show more", in the browser.
import { renderCommentHtml } from './markdown';
import type { ThreadComment } from './store';
import type { MoreComments, PlannedComment } from './thread-plan';

export interface CommentView {
  id: string;
  parentId: string | null;
  authorId: string | null;
  authorName: string;
  /** A coach's portrait (public, from content/authors.json); null for members. */
  authorImage: string | null;
  byStaff: boolean;
  status: ThreadComment['status'];
  /** The author's Markdown, for the edit form. */
  body: string;
  bodyHtml: string;
  awaitingCoach: boolean;
  answered: boolean;
  pinned: boolean;
  createdAt: string;
  editedAt: string | null;
}

export interface PlannedCommentView {
  comment: CommentView;
  level: number;
  replyingTo: string | undefined;
  replies: PlannedCommentView[];
  more: MoreComments | null;
}

export function commentView(c: ThreadComment): CommentView {
  return {
    id: c.id,
    parentId: c.parentId,
    authorId: c.authorId,
    authorName: c.authorName,
    authorImage: c.byStaff ? c.authorImage : null,
    byStaff: c.byStaff,
    status: c.status,
    body: c.body,
    bodyHtml: c.status === 'DELETED' ? '' : renderCommentHtml(c.body),
    awaitingCoach: c.awaitingCoach,
    answered: c.answered,
    pinned: c.pinned,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt?.toISOString() ?? null,
  };
}

export function plannedViews(items: PlannedComment[]): PlannedCommentView[] {
  return items.map((item) => ({ comment: commentView(item.comment), level: item.level, replyingTo: item.replyingTo, replies: plannedViews(item.replies), more: item.more }));
}
