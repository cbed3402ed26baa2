// What staff do with a newsletter before it goes: change its subject, schedule it, take
// a schedule back, or discard it. Each is one conditional UPDATE, so nothing changes a
// newsletter that is already being sent, whoever clicks what at the same moment.
import 'server-only';
import { z } from 'zod';
import { getDb, type PrismaClient } from '@/lib/db';

/** The newsletter could not be changed, and why, in words staff can act on. */
export type ManageOutcome = { ok: true } | { ok: false; message: string };

const EDITABLE = ['DRAFT', 'SCHEDULED'] as const;
const YEAR_MS = 365 * 86_400_000;

export const newsletterIdSchema = z.string().trim().min(1, 'That newsletter was not found.').max(64, 'That newsletter was not found.');

export const subjectSchema = z
  .string()
  .trim()
  .min(1, 'Write a subject.')
  .max(200, 'Keep the subject under 200 characters.')
  .refine((s) => !/[\r\n]/.test(s), 'The subject must be one line.');

/** A `datetime-local` value, read as UTC (the form says so): "2026-12-10T08:00". */
export const scheduleTimeSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Choose a date and time, like 2026-12-10 08:00.')
  // A date that rolls over (30 February) is refused, not moved to March.
  .refine((value) => {
    const date = new Date(`${value}Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 16) === value.slice(0, 16);
  }, 'That is not a real date and time.')
  .transform((value) => new Date(`${value}Z`));

async function outcomeOf(db: PrismaClient, id: string, count: number): Promise<ManageOutcome> {
  if (count > 0) return { ok: true };
  const row = await db.newsletter.findUnique({ where: { id }, select: { status: true } });
  if (!row) return { ok: false, message: 'That newsletter was not found.' };
  return { ok: false, message: `This newsletter is ${row.status.toLowerCase()}: it can no longer be changed.` };
}

export async function setSubject(id: string, subject: string, { db = getDb() }: { db?: PrismaClient } = {}): Promise<ManageOutcome> {
  const { count } = await db.newsletter.updateMany({ where: { id, status: { in: [...EDITABLE] } }, data: { subject } });
  return outcomeOf(db, id, count);
}

export async function scheduleNewsletter(
  id: string,
  when: Date,
  { db = getDb(), now = new Date(), staffId }: { db?: PrismaClient; now?: Date; staffId?: string } = {},
): Promise<ManageOutcome> {
  if (when.getTime() <= now.getTime()) return { ok: false, message: 'Choose a time in the future, or send it now.' };
  if (when.getTime() > now.getTime() + YEAR_MS) return { ok: false, message: 'Choose a time within the next year.' };
  const { count } = await db.newsletter.updateMany({ where: { id, status: { in: [...EDITABLE] } }, data: { status: 'SCHEDULED', scheduledFor: when, sentById: staffId } });
  return outcomeOf(db, id, count);
}

/** Back to a draft: it goes only when someone sends or schedules it again. */
export async function cancelSchedule(id: string, { db = getDb() }: { db?: PrismaClient } = {}): Promise<ManageOutcome> {
  const { count } = await db.newsletter.updateMany({ where: { id, status: 'SCHEDULED' }, data: { status: 'DRAFT', scheduledFor: null } });
  if (count === 0 && (await db.newsletter.findUnique({ where: { id }, select: { status: true } }))?.status === 'DRAFT') {
    return { ok: false, message: 'This newsletter is not scheduled.' };
  }
  return outcomeOf(db, id, count);
}

/** Not to be sent at all (the item stays on the site, of course). */
export async function discardNewsletter(id: string, { db = getDb() }: { db?: PrismaClient } = {}): Promise<ManageOutcome> {
  const { count } = await db.newsletter.updateMany({ where: { id, status: { in: [...EDITABLE] } }, data: { status: 'CANCELLED', scheduledFor: null } });
  return outcomeOf(db, id, count);
}
