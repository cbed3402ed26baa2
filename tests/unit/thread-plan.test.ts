// The render budget of long threads: the first render shows a bounded number of comments,
// and following every "Show more" shows each comment exactly once, in thread order.
import { describe, expect, it } from 'vitest';
import type { ThreadComment } from '@/lib/comments/store';
import { buildThreadTree, MAX_INDENT, planMore, planThread, plannedCount, type MoreComments, type PlannedComment, type ThreadTree } from '@/lib/comments/thread-plan';

const start = Date.UTC(2026, 10, 1);

function comment(id: string, parentId: string | null, minute: number, extra: Partial<ThreadComment> = {}): ThreadComment {
  return {
    id, parentId, depth: 0, authorId: `author-${id}`, authorName: `Name ${id}`, authorImage: null, byStaff: false, status: 'PUBLISHED',
    body: `Body ${id}`, awaitingCoach: false, answered: false, pinned: false, createdAt: new Date(start + minute * 60_000), editedAt: null, ...extra,
  };
}

/** A ternary tree like the benchmark's: comment i replies to comment floor((i - 1) / 3). */
function ternaryThread(count: number): ThreadComment[] {
  return Array.from({ length: count }, (_, i) => comment(`c${i}`, i === 0 ? null : `c${Math.floor((i - 1) / 3)}`, i));
}

/** Many top-level questions, each with a few replies. */
function questions(count: number, repliesEach: number): ThreadComment[] {
  const all: ThreadComment[] = [];
  let minute = 0;
  for (let q = 0; q < count; q++) {
    all.push(comment(`q${q}`, null, minute++));
    for (let r = 0; r < repliesEach; r++) all.push(comment(`q${q}r${r}`, `q${q}`, minute++));
  }
  return all;
}

/** Ids in reading order, following every "Show more" the way a reader clicking them all would. */
function readEverything(tree: ThreadTree, items: PlannedComment[], more: MoreComments | null, budget?: number): string[] {
  const ids: string[] = [];
  for (const item of items) {
    ids.push(item.comment.id);
    ids.push(...readEverything(tree, item.replies, item.more, budget));
  }
  if (more) {
    const next = planMore(tree, more.parentId, more.offset, budget);
    expect(next).not.toBeNull();
    expect(plannedCount(next!.items) + markers(next!.items, next!.more).reduce((sum, m) => sum + m.count, 0)).toBe(more.count);
    ids.push(...readEverything(tree, next!.items, next!.more, budget));
  }
  return ids;
}

function markers(items: PlannedComment[], more: MoreComments | null): MoreComments[] {
  return [...items.flatMap((i) => markers(i.replies, i.more)), ...(more ? [more] : [])];
}

describe('thread render budget', () => {
  it('shows a short thread whole, with no "show more"', () => {
    const tree = buildThreadTree(questions(5, 3));
    const plan = planThread(tree);
    expect(plannedCount(plan.items)).toBe(20);
    expect(markers(plan.items, plan.more)).toEqual([]);
  });

  it('shows 50 of a 1,000-comment thread and accounts for every other comment in its "show more" counts', () => {
    const tree = buildThreadTree(ternaryThread(1000));
    const plan = planThread(tree);
    expect(plannedCount(plan.items)).toBe(50);
    const hidden = markers(plan.items, plan.more).reduce((sum, m) => sum + m.count, 0);
    expect(hidden).toBe(950);
  });

  it('following every "show more" shows each comment once, in the order an unlimited render would', () => {
    for (const comments of [ternaryThread(1000), questions(80, 4), questions(3, 120)]) {
      const tree = buildThreadTree(comments);
      const whole = planThread(tree, Infinity);
      const expected = readEverything(tree, whole.items, whole.more);
      expect(expected).toHaveLength(comments.length);
      const plan = planThread(tree);
      const read = readEverything(tree, plan.items, plan.more);
      expect(read).toEqual(expected);
      expect(new Set(read).size).toBe(comments.length);
    }
  });

  it('continues flat past four levels, saying whom each deeper reply answers', () => {
    // A chain: each comment replies to the one before.
    const chain = Array.from({ length: 8 }, (_, i) => comment(`d${i}`, i === 0 ? null : `d${i - 1}`, i));
    const plan = planThread(buildThreadTree(chain));
    let item = plan.items[0];
    for (let level = 0; level < MAX_INDENT - 1; level++) {
      expect(item.level).toBe(level);
      item = item.replies[0];
    }
    // Level 3 holds everything below it in one flat list at the indent limit.
    expect(item.comment.id).toBe('d3');
    expect(item.replies.map((r) => [r.comment.id, r.level, r.replyingTo])).toEqual([
      ['d4', MAX_INDENT, 'Name d3'],
      ['d5', MAX_INDENT, 'Name d4'],
      ['d6', MAX_INDENT, 'Name d5'],
      ['d7', MAX_INDENT, 'Name d6'],
    ]);
    expect(item.replies.every((r) => r.replies.length === 0)).toBe(true);
  });

  it('puts a pinned answer first among its siblings', () => {
    const comments = [comment('q', null, 0), comment('a1', 'q', 1), comment('a2', 'q', 2, { pinned: true }), comment('a3', 'q', 3)];
    expect(planThread(buildThreadTree(comments)).items[0].replies.map((r) => r.comment.id)).toEqual(['a2', 'a1', 'a3']);
  });

  it('refuses "show more" for a comment that is gone or whose replies show inside a flat list', () => {
    const chain = Array.from({ length: 8 }, (_, i) => comment(`d${i}`, i === 0 ? null : `d${i - 1}`, i));
    const tree = buildThreadTree(chain);
    expect(planMore(tree, 'missing', 0)).toBeNull();
    expect(planMore(tree, 'd5', 0)).toBeNull();
    expect(planMore(tree, 'd3', 2)!.items.map((i) => i.comment.id)).toEqual(['d6', 'd7']);
  });
});
