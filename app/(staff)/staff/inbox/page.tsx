// /staff/inbox – every member question awaiting a coach, oldest first, with where it
// was asked, what it follows, a reply box and the member's programme progress; then
// open reports.
import type { Metadata } from 'next';
import Link from 'next/link';
import { InboxReply, ReportActions, UnhideButton } from '@/components/comments/comment-controls';
import { DisplayName } from '@/components/site/display-name';
import { cleanDisplayName } from '@/lib/auth/display-name';
import { requireCoach } from '@/lib/auth/guards';
import { loadInbox } from '@/lib/comments/inbox';
import { commentPlainText, renderCommentHtml } from '@/lib/comments/markdown';
import { resolveTarget, targetSchema } from '@/lib/comments/targets';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Coach inbox', robots: { index: false } };

function age(from: Date, now: number): string {
  const minutes = Math.max(1, Math.round((now - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

function targetOf(kind: string, slug: string) {
  const ref = targetSchema.safeParse({ kind, slug });
  return ref.success ? resolveTarget(ref.data) : null;
}

export default async function InboxPage() {
  await requireCoach('/staff/inbox');
  const { questions, reports, hidden } = await loadInbox();
  // eslint-disable-next-line react-hooks/purity -- a server render's own clock, for ages
  const now = Date.now();
  return (
    <div className="container-page max-w-3xl py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight">Coach inbox</h1>
      <p className="mt-2 text-slate-700" aria-live="polite">{questions.length === 0 ? 'No questions are waiting. Well done.' : `${questions.length} ${questions.length === 1 ? 'question is' : 'questions are'} waiting for a coach, oldest first.`}</p>
      <ol className="mt-8 space-y-6" aria-label="Questions awaiting a coach">
        {questions.map((q) => {
          const target = targetOf(q.targetKind, q.targetSlug);
          return (
            <li key={q.id} id={`comment-${q.id}`} className="rounded-2xl border border-sand-200 p-5">
              <article aria-labelledby={`q-${q.id}`}>
                <h2 id={`q-${q.id}`} className="text-base font-semibold">
                  <DisplayName name={q.author?.name} fallback="Former member" /> asked {q.parentId ? 'a follow-up' : 'a question'}{' '}
                  <span className="font-normal text-slate-600">{age(q.createdAt, now)} ago</span>
                </h2>
                <p className="text-sm text-slate-700">
                  On {target ? <Link className="text-brand-700 underline" href={`${target.url}#comment-${q.id}`}>{target.title}</Link> : 'a page that no longer exists'}
                  {q.author && <> · <Link className="text-brand-700 underline" href={`/staff/members/${q.author.id}/progress`}>Programme progress<span className="sr-only"> of <DisplayName name={q.author.name} fallback={q.author.email} /></span></Link></>}
                </p>
                {q.parent && q.parent.status !== 'DELETED' && (
                  <blockquote className="mt-3 border-l-4 border-sand-200 pl-3 text-sm text-slate-600">
                    <p className="font-medium">In reply to <DisplayName name={q.parent.author?.name} fallback="someone" />{q.parent.byStaff ? ' (coach)' : ''}:</p>
                    <p>{commentPlainText(q.parent.body, 300)}</p>
                  </blockquote>
                )}
                <div className="comment-body prose prose-sm prose-slate mt-3 max-w-none" dangerouslySetInnerHTML={{ __html: renderCommentHtml(q.body) }} />
                {target && <InboxReply target={{ kind: target.kind, slug: target.slug }} commentId={q.id} authorName={cleanDisplayName(q.author?.name) || 'the member'} />}
              </article>
            </li>
          );
        })}
      </ol>

      <section aria-labelledby="reports-heading" className="mt-14">
        <h2 id="reports-heading" className="text-2xl font-bold tracking-tight">Reports</h2>
        {reports.length === 0 ? (
          <p className="mt-2 text-slate-700">No open reports.</p>
        ) : (
          <ol className="mt-4 space-y-4">
            {reports.map((r) => {
              const target = targetOf(r.comment.targetKind, r.comment.targetSlug);
              return (
                <li key={r.id} className="rounded-2xl border border-coral-700/30 p-5">
                  <p className="text-sm">
                    <DisplayName name={r.reporter.name} fallback={r.reporter.email} /> reported a comment by <DisplayName name={r.comment.author?.name} fallback="a former member" /> {age(r.createdAt, now)} ago
                    {target && <> on <Link className="text-brand-700 underline" href={`${target.url}#comment-${r.comment.id}`}>{target.title}</Link></>}
                    {r.reason && <>: “{r.reason}”</>}
                  </p>
                  <div className="comment-body prose prose-sm prose-slate mt-2 max-w-none" dangerouslySetInnerHTML={{ __html: renderCommentHtml(r.comment.body) }} />
                  <ReportActions commentId={r.comment.id} hidden={r.comment.status === 'HIDDEN'} />
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="hidden-heading" className="mt-14">
        <h2 id="hidden-heading" className="text-2xl font-bold tracking-tight">Hidden comments</h2>
        {hidden.length === 0 ? (
          <p className="mt-2 text-slate-700">Nothing is hidden.</p>
        ) : (
          <ol className="mt-4 space-y-4">
            {hidden.map((h) => {
              const target = targetOf(h.targetKind, h.targetSlug);
              return (
                <li key={h.id} className="rounded-2xl border border-sand-200 p-5">
                  <p className="text-sm">
                    By <DisplayName name={h.author?.name} fallback="a former member" /> {age(h.createdAt, now)} ago{target && <> on <Link className="text-brand-700 underline" href={target.url}>{target.title}</Link></>}
                  </p>
                  <div className="comment-body prose prose-sm prose-slate mt-2 max-w-none" dangerouslySetInnerHTML={{ __html: renderCommentHtml(h.body) }} />
                  <div className="mt-2"><UnhideButton commentId={h.id} /></div>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
