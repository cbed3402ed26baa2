// Comment benchmarks, in-process against a real database (run by bench/run.ts with
// --conditions=react-server; lib/ modules are server-only):
//   posting   postComment (ban/lock/duplicate checks, coach bookkeeping, insert), 8 at a
//             time from 40 members, beside a bare single-row insert as the floor; then
//             every post is counted: none may be lost.
//   a thread  loading a 1,000-comment thread and rendering the Markdown of the comments a
//             page shows (and, for scale, of all of them), p50/p99 over repeated runs,
//             beside a 10-comment thread.
// BENCH_DATABASE_URL: a PostgreSQL server; otherwise embedded PGlite in memory.
import { openBenchDatabase, runBenchmark, timeConcurrently } from './harness';
import { renderCommentHtml } from '../lib/comments/markdown';
import { loadThread, postComment } from '../lib/comments/store';
import { buildThreadTree, planThread, RENDER_BUDGET, type PlannedComment } from '../lib/comments/thread-plan';
import type { CommentTarget } from '../lib/comments/targets';

const POSTS = Number(process.env.BENCH_COMMENT_POSTS ?? 600);
const CONCURRENCY = 8;


function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const target = (slug: string): CommentTarget => ({ kind: 'article', slug, title: slug, url: `/articles/${slug}`, membersOnly: false });
const BODY = 'Is it normal that **my hips click** when I do the *rocking* drill?\n\n- only on the left\n- no pain\n\nSee https://example.com/notes for what I tried.';

async function main() {
  const { connection, label, drop } = await openBenchDatabase('bench_comments');
  const db = connection.prisma;
  try {
    const members = await Promise.all(Array.from({ length: 40 }, (_, i) => db.user.create({ data: { email: `poster-${i}@example.com`, name: `Poster ${i}` } })));
    const coach = await db.user.create({ data: { email: 'coach@example.com', name: 'Coach', role: 'COACH' } });

    // Floor: one plain insert per comment.
    const floorSeconds = await timeConcurrently(POSTS, CONCURRENCY, async (i) => {
      await db.comment.create({ data: { targetKind: 'article', targetSlug: 'floor', authorId: members[i % 40].id, body: `${BODY} ${i}`, bodyHash: `floor-${i}` } });
    });
    // The real thing: half top-level questions, half replies (some by the coach).
    const root = await postComment({ target: target('posting'), authorId: members[0].id, authorIsStaff: false, parentId: null, body: 'Root' }, { db });
    if (!root.ok) throw new Error('root post failed');
    let refused = 0;
    const postSeconds = await timeConcurrently(POSTS, CONCURRENCY, async (i) => {
      const byCoach = i % 10 === 0;
      const result = await postComment({ target: target('posting'), authorId: byCoach ? coach.id : members[i % 40].id, authorIsStaff: byCoach, parentId: i % 2 ? root.id : null, body: `${BODY} (${i})` }, { db });
      if (!result.ok) refused++;
    });
    const stored = await db.comment.count({ where: { targetSlug: 'posting' } });
    const lost = POSTS + 1 - refused - stored;

    // A 1,000-comment thread, nested, and a 10-comment one.
    const thread = (slug: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({ id: `${slug}-${i}`, targetKind: 'article', targetSlug: slug, parentId: i === 0 ? null : `${slug}-${Math.floor((i - 1) / 3)}`, rootId: `${slug}-0`, depth: Math.min(i, 6), authorId: members[i % 40].id, body: `${BODY} ${i}`, bodyHash: `${slug}-${i}` }));
    await db.comment.createMany({ data: thread('big', 1000) });
    await db.comment.createMany({ data: thread('small', 10) });
    // What a page render does (load, plan, Markdown of the comments it shows), or with
    // every comment's Markdown (a reader who opens every "Show more").
    const time = async (slug: string, runs: number, every = false) => {
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        const started = performance.now();
        const { comments } = await loadThread(target(slug), { db });
        if (every) for (const c of comments) renderCommentHtml(c.body);
        else renderPlanned(planThread(buildThreadTree(comments)).items);
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b);
    };
    const renderPlanned = (items: PlannedComment[]): void => items.forEach((i) => (renderCommentHtml(i.comment.body), renderPlanned(i.replies)));
    await time('big', 3); // warm-up
    const small = await time('small', 60);
    const big = await time('big', 60);
    const bigEvery = await time('big', 60, true);

    const rate = (n: number, s: number) => n / s;
    console.log(`\nComments. Database: ${label}.`);
    console.log(`${'posting, 8 at a time'.padEnd(60)}${'posts/s'.padStart(10)}${'vs base'.padStart(10)}${'lost'.padStart(6)}`);
    console.log(`${'baseline: a bare insert per comment'.padEnd(60)}${rate(POSTS, floorSeconds).toFixed(0).padStart(10)}${'1.00x'.padStart(10)}${'-'.padStart(6)}`);
    console.log(`${'postComment (checks, coach bookkeeping, insert)'.padEnd(60)}${rate(POSTS, postSeconds).toFixed(0).padStart(10)}${`${(rate(POSTS, postSeconds) / rate(POSTS, floorSeconds)).toFixed(2)}x`.padStart(10)}${String(lost).padStart(6)}`);
    console.log(`posts: ${POSTS} sent, ${refused} refused, ${stored - 1} stored: ${lost === 0 ? 'none lost' : `${lost} LOST`}`);
    console.log(`${'thread load (one statement) + plan + Markdown'.padEnd(60)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}`);
    console.log(`${'baseline: 10 comments'.padEnd(60)}${percentile(small, 50).toFixed(1).padStart(10)}${percentile(small, 99).toFixed(1).padStart(10)}`);
    console.log(`${`1,000 comments, first render (${RENDER_BUDGET} shown)`.padEnd(60)}${percentile(big, 50).toFixed(1).padStart(10)}${percentile(big, 99).toFixed(1).padStart(10)}`);
    console.log(`${'1,000 comments, every comment\'s Markdown'.padEnd(60)}${percentile(bigEvery, 50).toFixed(1).padStart(10)}${percentile(bigEvery, 99).toFixed(1).padStart(10)}`);
    console.log(`(the data and Markdown part only; the whole page, React included, is measured by the page runs above)`);
  } finally {
    await drop();
  }
}

runBenchmark(main);
