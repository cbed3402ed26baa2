// The admins' CSV of the dashboard's member list (same filters), answered as a Response by
// GET /staff/members.csv. Admins only: money-adjacent (statuses of every paying member)
// and personal data. Visitors are sent to sign in, members get a 404 (staff pages do not
// admit they exist), coaches a 403.
import 'server-only';
import { requireUser } from '@/lib/auth/guards';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { consumeRateLimit } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';
import { toCsv } from './csv';
import { EXPORT_LIMIT, loadMemberList, parseMemberFilter } from './member-list';
import { STATUS_LABELS } from './member-status';

export const MEMBER_CSV_HEADER = ['Name', 'Email', 'Status', 'Phase', 'Joined', 'Last session', 'Sessions in the last 30 days', 'Progress page'];

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '');

export async function memberCsvResponse(request: Request, options: { db?: PrismaClient; now?: Date } = {}): Promise<Response> {
  const url = new URL(request.url);
  const viewer = await requireUser(`/staff${url.search}`);
  if (!viewer.isStaff) return new Response('Not found', { status: 404 });
  if (viewer.user.role !== 'ADMIN') return new Response('Only admins may export the member list.', { status: 403 });
  const db = options.db ?? getDb();
  const limit = await consumeRateLimit(rateLimits.memberExportPerUser, viewer.user.id, { db });
  if (!limit.allowed) return new Response('Too many exports: try again shortly.', { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } });

  const now = options.now ?? new Date();
  const filter = parseMemberFilter(url.searchParams);
  const { rows } = await loadMemberList(db, now, filter, EXPORT_LIMIT);
  const csv = toCsv(
    MEMBER_CSV_HEADER,
    rows.map((m) => [m.name ?? '', m.email, STATUS_LABELS[m.status], m.phaseSlug ?? '', isoDay(m.joinedAt), isoDay(m.lastCompletedAt), m.recentSessions, `${url.origin}/staff/members/${m.userId}/progress`]),
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="members-${isoDay(now)}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
