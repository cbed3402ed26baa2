// Formatting for the staff dashboard (pure: server components use it).
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Jun 26". */
export const monthLabel = (month: Date) => monthFormat.format(month);
/** "15 Jun". */
export const dayLabel = (day: Date) => dayFormat.format(day);

/** "45 min", "3.5 h", "2.1 days". */
export function formatDuration(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 2 * 86_400) return `${(seconds / 3600).toFixed(1).replace(/\.0$/, '')} h`;
  return `${(seconds / 86_400).toFixed(1).replace(/\.0$/, '')} days`;
}

/** 0.034 → "3.4%". */
export const formatPercent = (ratio: number) => `${(ratio * 100).toFixed(1).replace(/\.0$/, '')}%`;

/** Whole days between two moments, "today" for under one. */
export function daysAgo(date: Date, now: Date): string {
  const days = Math.floor((now.getTime() - date.getTime()) / 86_400_000);
  return days < 1 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}

/** The member's progress page: every list on the dashboard links here. */
export const progressHref = (userId: string) => `/staff/members/${encodeURIComponent(userId)}/progress`;
