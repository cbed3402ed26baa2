// Which comments of a thread one render shows. A thread is loaded whole (one query), but
// a page renders at most RENDER_BUDGET comments, depth first, so a 1,000-comment thread
// costs about what a 50-comment one does; where a list stops, a "more" marker says
// which list, from where and how many comments (replies included) are still to show.
// Pure data, so both the page and the "show more" action plan the same way.
import type { ThreadComment } from './store';

/** Replies indent to this many levels; deeper ones continue flat under the last indented one. */
export const MAX_INDENT = 4;
/** Comments per render: the page's first render and each "show more". */
export const RENDER_BUDGET = 50;

export interface MoreComments {
  /** Whose replies continue (null: the thread's top-level comments). */
  parentId: string | null;
  /** How many of that list are already shown. */
  offset: number;
  /** Comments not shown yet in that list, replies included. */
  count: number;
}

export interface PlannedComment {
  comment: ThreadComment;
  /** 0 for top-level comments, up to MAX_INDENT (the flat continuation). */
  level: number;
  /** The parent's author, for "replying to NAME". */
  replyingTo: string | undefined;
  replies: PlannedComment[];
  /** Replies not shown in this render. */
  more: MoreComments | null;
}

interface Node {
  comment: ThreadComment;
  children: Node[];
  /** This comment and everything below it. */
  size: number;
}

export interface ThreadTree {
  roots: Node[];
  byId: Map<string, Node>;
  names: Map<string, string>;
}

export function buildThreadTree(comments: ThreadComment[]): ThreadTree {
  const byId = new Map(comments.map((c) => [c.id, { comment: c, children: [] as Node[], size: 1 }]));
  const roots: Node[] = [];
  for (const node of byId.values()) {
    const parent = node.comment.parentId ? byId.get(node.comment.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  // A pinned answer comes first among its siblings; otherwise oldest first.
  const order = (list: Node[]): number => {
    list.sort((a, b) => Number(b.comment.pinned) - Number(a.comment.pinned) || a.comment.createdAt.getTime() - b.comment.createdAt.getTime());
    let total = 0;
    for (const node of list) {
      node.size = 1 + order(node.children);
      total += node.size;
    }
    return total;
  };
  order(roots);
  return { roots, byId, names: new Map(comments.map((c) => [c.id, c.authorName])) };
}

/** The level a comment is shown at: its depth in the tree, capped at the flat continuation. */
function levelOf(tree: ThreadTree, node: Node): number {
  let level = 0;
  for (let at = node; at.comment.parentId && tree.byId.has(at.comment.parentId); at = tree.byId.get(at.comment.parentId)!) level++;
  return Math.min(level, MAX_INDENT);
}

/** Everything below a node, oldest first: the flat continuation past the indent limit. */
function descendants(node: Node): Node[] {
  const all: Node[] = [];
  const walk = (n: Node) => n.children.forEach((c) => (all.push(c), walk(c)));
  walk(node);
  return all.sort((a, b) => a.comment.createdAt.getTime() - b.comment.createdAt.getTime());
}

/** A node's reply list as shown: its children, or past the indent limit everything below it, flat. */
function replyList(node: Node, level: number): { list: Node[]; level: number; flat: boolean } | null {
  if (level >= MAX_INDENT) return null; // shown inside an ancestor's flat list
  if (level === MAX_INDENT - 1) return { list: descendants(node), level: MAX_INDENT, flat: true };
  return { list: node.children, level: level + 1, flat: false };
}

function planList(tree: ThreadTree, owner: string | null, list: Node[], level: number, flat: boolean, offset: number, budget: { left: number }) {
  const items: PlannedComment[] = [];
  for (let i = offset; i < list.length; i++) {
    if (budget.left <= 0) {
      const count = flat ? list.length - i : list.slice(i).reduce((sum, n) => sum + n.size, 0);
      return { items, more: { parentId: owner, offset: i, count } };
    }
    budget.left--;
    const node = list[i];
    const item: PlannedComment = {
      comment: node.comment,
      level,
      replyingTo: node.comment.parentId ? tree.names.get(node.comment.parentId) : undefined,
      replies: [],
      more: null,
    };
    const below = flat ? null : replyList(node, level);
    if (below && below.list.length) {
      const planned = planList(tree, node.comment.id, below.list, below.level, below.flat, 0, budget);
      item.replies = planned.items;
      item.more = planned.more;
    }
    items.push(item);
  }
  return { items, more: null };
}

/** The first render of a thread: its top-level comments, depth first, within the budget. */
export function planThread(tree: ThreadTree, budget = RENDER_BUDGET): { items: PlannedComment[]; more: MoreComments | null } {
  return planList(tree, null, tree.roots, 0, false, 0, { left: budget });
}

/**
 * "Show more": the list that continues after `offset` under `parentId` (null: the top
 * level). Null when that comment is gone or its replies are shown inside another list.
 */
export function planMore(tree: ThreadTree, parentId: string | null, offset: number, budget = RENDER_BUDGET): { items: PlannedComment[]; more: MoreComments | null } | null {
  if (parentId === null) return planList(tree, null, tree.roots, 0, false, offset, { left: budget });
  const parent = tree.byId.get(parentId);
  if (!parent) return null;
  const below = replyList(parent, levelOf(tree, parent));
  if (!below) return null;
  return planList(tree, parentId, below.list, below.level, below.flat, offset, { left: budget });
}

/** How many comments a plan shows, replies included. */
export function plannedCount(items: PlannedComment[]): number {
  return items.reduce((sum, item) => sum + 1 + plannedCount(item.replies), 0);
}
