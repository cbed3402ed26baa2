// The inbox's reports and hidden comments: each with where it was, what it says and the
// moderation that deals with it.
import Link from 'next/link';
import { ReportActions, UnhideButton } from '@/components/comments/comment-controls';
import { DisplayName } from '@/components/site/display-name';
import type { loadHidden, loadReports } from '@/lib/comments/inbox';
import { renderCommentHtml } from '@/lib/comments/markdown';
import { formatAge } from '@/lib/comments/notifications';
import type { CommentTarget } from '@/lib/comments/targets';

type TargetOf = (kind: string, slug: string) => CommentTarget | null;
type Reports = Awaited<ReturnType<typeof loadReports>>['reports'];
type Hidden = Awaited<ReturnType<typeof loadHidden>>['hidden'];

export function ReportList({ reports, targetOf, now }: { reports: Reports; targetOf: TargetOf; now: number }) {
  return (
    <ol className="mt-6 space-y-4" aria-label="Open reports">
      {reports.map((r) => {
        const target = targetOf(r.comment.targetKind, r.comment.targetSlug);
        return (
          <li key={r.id} className="rounded-xl border border-coral-700/30 p-4">
            <p className="text-sm">
              <DisplayName name={r.reporter.name} fallback={r.reporter.email} /> reported a comment by <DisplayName name={r.comment.author?.name} fallback="a former member" /> {formatAge(now - r.createdAt.getTime())}
              {target && <> on <Link className="text-brand-700 underline" href={`${target.url}#comment-${r.comment.id}`}>{target.title}</Link></>}
              {r.reason && <>: “{r.reason}”</>}
            </p>
            <div className="comment-body prose prose-sm prose-slate mt-2 max-w-none" dangerouslySetInnerHTML={{ __html: renderCommentHtml(r.comment.body) }} />
            <ReportActions commentId={r.comment.id} hidden={r.comment.status === 'HIDDEN'} />
          </li>
        );
      })}
    </ol>
  );
}

export function HiddenList({ hidden, targetOf, now }: { hidden: Hidden; targetOf: TargetOf; now: number }) {
  return (
    <ol className="mt-6 space-y-4" aria-label="Hidden comments">
      {hidden.map((h) => {
        const target = targetOf(h.targetKind, h.targetSlug);
        return (
          <li key={h.id} className="rounded-xl border border-sand-200 p-4">
            <p className="text-sm">
              By <DisplayName name={h.author?.name} fallback="a former member" /> {formatAge(now - h.createdAt.getTime())}{target && <> on <Link className="text-brand-700 underline" href={target.url}>{target.title}</Link></>}
            </p>
            <div className="comment-body prose prose-sm prose-slate mt-2 max-w-none" dangerouslySetInnerHTML={{ __html: renderCommentHtml(h.body) }} />
            <div className="mt-2"><UnhideButton commentId={h.id} /></div>
          </li>
        );
      })}
    </ol>
  );
}
