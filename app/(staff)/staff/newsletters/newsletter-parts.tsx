// Small pieces shared by the newsletter pages (server components).
import type { NewsletterStatus } from '@/lib/newsletters/queries';

const STATUS: Record<NewsletterStatus, { label: string; className: string }> = {
  DRAFT: { label: 'Draft', className: 'bg-sand-200 text-slate-800' },
  SCHEDULED: { label: 'Scheduled', className: 'bg-brand-50 text-brand-800' },
  SENDING: { label: 'Sending', className: 'bg-orange-50 text-coral-700' },
  SENT: { label: 'Sent', className: 'bg-brand-700 text-white' },
  CANCELLED: { label: 'Discarded', className: 'bg-slate-100 text-slate-700' },
};

export function NewsletterStatusBadge({ status }: { status: NewsletterStatus }) {
  const { label, className } = STATUS[status];
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${className}`}>{label}</span>;
}

/** "6 Dec 2026, 09:45 UTC": staff schedule in UTC, so the pages show UTC. */
export function utcDateTime(date: Date): string {
  return `${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(date)} UTC`;
}
