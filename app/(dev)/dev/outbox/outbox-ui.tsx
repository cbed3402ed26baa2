// Small presentational pieces shared by the outbox list and detail pages.
import type { OutboxStatus } from '@/lib/email/outbox';

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

export function OutboxTime({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{timeFormat.format(date)} UTC</time>;
}

const statusStyles: Record<OutboxStatus, string> = {
  PENDING: 'bg-sand-100 text-slate-800 ring-sand-200',
  SENT: 'bg-brand-50 text-brand-800 ring-brand-100',
  FAILED: 'bg-coral-500/10 text-coral-700 ring-coral-500/30',
};

const statusLabels: Record<OutboxStatus, string> = { PENDING: 'Pending', SENT: 'Sent', FAILED: 'Failed' };

export function StatusBadge({ status }: { status: OutboxStatus }) {
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${statusStyles[status]}`}>{statusLabels[status]}</span>
  );
}
