// Session notes with a red flag (lib/triage/red-flags.ts; lib/programme/store.ts marks
// them as it records the completion): every coach is emailed at once, whatever their email
// setting, and the note stays at the top of the coach inbox until a coach marks it seen.
import 'server-only';
import { notificationLinks } from '@/lib/comments/notifications';
import { getPhase } from '@/lib/content/programme';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { queueEmail } from '@/lib/email/send-email';
import { coachQuestion } from '@/lib/email/templates';
import { absoluteUrl } from '@/lib/site';
import { findRedFlags } from './red-flags';

type Options = { db?: PrismaClient };

/** Where in the inbox the urgent notes are. */
export const URGENT_NOTES_ANCHOR = 'urgent-notes';

/** "Phase Two, Single-leg balance": where a note was written. */
export function sessionTitle(phaseSlug: string, sessionSlug: string): string {
  const phase = getPhase(phaseSlug);
  const session = phase?.sessions.find((s) => s.slug === sessionSlug);
  return `${phase?.title.split(':')[0].trim() ?? phaseSlug}, ${session?.title ?? sessionSlug}`;
}

/** Emails every coach and admin about the flagged note of `userId`'s completion `requestKey`; returns the addresses. */
export async function notifyCoachesOfRedFlagNote(userId: string, requestKey: string, { db = getDb() }: Options = {}): Promise<string[]> {
  const note = await db.sessionCompletion.findUnique({
    where: { userId_requestKey: { userId, requestKey } },
    select: { note: true, redFlag: true, phaseSlug: true, sessionSlug: true, user: { select: { name: true } } },
  });
  if (!note?.redFlag || !note.note) return [];
  const coaches = await db.user.findMany({ where: { role: { in: ['COACH', 'ADMIN'] }, id: { not: userId } }, orderBy: { createdAt: 'asc' }, select: { id: true, email: true } });
  const labels = findRedFlags(note.note).map((flag) => flag.label);
  const emailed: string[] = [];
  for (const coach of coaches) {
    try {
      const message = coachQuestion({
        askerName: note.user.name,
        followUp: false,
        targetTitle: `a session note (${sessionTitle(note.phaseSlug, note.sessionSlug)})`,
        excerpt: note.note,
        url: absoluteUrl(`/staff/inbox#${URGENT_NOTES_ANCHOR}`),
        links: await notificationLinks(db, coach.id),
        redFlags: labels,
      });
      await queueEmail({ to: coach.email, ...message }, db);
      emailed.push(coach.email);
    } catch (error) {
      console.error(`[triage] could not queue the red-flag email for coach ${coach.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return emailed;
}

/** Flagged notes no coach has marked seen, oldest first. */
export async function loadUrgentNotes({ db = getDb() }: Options = {}) {
  const rows = await db.sessionCompletion.findMany({
    where: { redFlag: true, redFlagSeenAt: null },
    orderBy: [{ completedAt: 'asc' }, { id: 'asc' }],
    take: 50,
    select: { id: true, note: true, completedAt: true, phaseSlug: true, sessionSlug: true, user: { select: { id: true, name: true } } },
  });
  return rows.map((row) => ({ ...row, where: sessionTitle(row.phaseSlug, row.sessionSlug), signs: findRedFlags(row.note ?? '').map((flag) => flag.label) }));
}
export type UrgentNote = Awaited<ReturnType<typeof loadUrgentNotes>>[number];

/** A coach has seen the note (and contacted the member): it leaves the top of the inbox. */
export async function markUrgentNoteSeen(id: string, { db = getDb() }: Options = {}): Promise<boolean> {
  const { count } = await db.sessionCompletion.updateMany({ where: { id, redFlag: true, redFlagSeenAt: null }, data: { redFlagSeenAt: new Date() } });
  return count === 1;
}
