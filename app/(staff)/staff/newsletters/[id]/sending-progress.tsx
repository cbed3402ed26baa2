'use client';
// Sending progress, refreshed every few seconds from the progress route while copies are
// left to deliver. The counts are a polite live region: a screen reader hears them change
// without losing its place.
import { useEffect, useState } from 'react';
import type { NewsletterProgress } from '@/lib/newsletters/queries';

const POLL_MS = 3_000;

export function SendingProgress({ id, initial }: { id: string; initial: NewsletterProgress }) {
  const [progress, setProgress] = useState(initial);
  const done = progress.left === 0;
  useEffect(() => {
    if (done) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/staff/newsletters/${encodeURIComponent(id)}/progress`, { cache: 'no-store' }).catch(() => null);
      if (response?.ok) setProgress((await response.json()) as NewsletterProgress);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [id, done]);
  const share = progress.total === 0 ? 100 : Math.round(((progress.sent + progress.failed) / progress.total) * 100);
  return (
    <div>
      <progress value={progress.sent + progress.failed} max={Math.max(progress.total, 1)} aria-label="Delivered so far" className="h-3 w-full accent-brand-600" />
      <dl role="status" aria-live="polite" className="mt-3 grid grid-cols-3 gap-3 text-center" data-testid="newsletter-progress">
        {([['Sent', progress.sent], ['Failed', progress.failed], ['Left', progress.left]] as const).map(([label, value]) => (
          <div key={label} className="rounded-xl border border-sand-200 p-3">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-sm text-slate-700">{share}% of {progress.total} handled{done ? '.' : '; this updates by itself.'}</p>
    </div>
  );
}
