'use server';
// What members and staff do with private feeds. Each action checks who is asking
// itself: a server action is a public endpoint whatever page renders its form.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { cleanDisplayName } from '@/lib/auth/display-name';
import type { FormState } from '@/lib/auth/form-state';
import { requireCoach, requireUser } from '@/lib/auth/guards';
import { getDb } from '@/lib/db';
import { queueEmail } from '@/lib/email/send-email';
import { feedResetByStaff } from '@/lib/email/templates';
import { consumeRateLimit, describeWait } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';
import { absoluteUrl } from '@/lib/site';
import { resetPrivateFeed } from './tokens';

export async function resetMyFeedAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser('/account');
  if (form.get('confirm') !== 'yes') return { status: 'error', message: 'Tick the box to confirm: your podcast app will need the new address.' };
  const limit = await consumeRateLimit(rateLimits.feedResetPerUser, user.id);
  if (!limit.allowed) return { status: 'error', message: `You have reset your feed many times in a row. Please try again ${describeWait(limit.retryAfterSeconds)}.` };
  if (!(await resetPrivateFeed(user.id))) return { status: 'error', message: 'You have no private feed to reset yet.' };
  revalidatePath('/account');
  return { status: 'success', message: 'Your feed has a new address, shown above. The old one has stopped working: add the new one to your podcast app.' };
}

const staffResetSchema = z.object({ userId: z.string().min(1).max(64) });

export async function staffResetFeedAction(_: FormState, form: FormData): Promise<FormState> {
  await requireCoach('/staff/members');
  const parsed = staffResetSchema.safeParse({ userId: form.get('userId') });
  if (!parsed.success) return { status: 'error', message: 'That member could not be found.' };
  const db = getDb();
  const member = await db.user.findUnique({ where: { id: parsed.data.userId }, select: { email: true, name: true } });
  if (!member || !(await resetPrivateFeed(parsed.data.userId))) return { status: 'error', message: 'That member has no private feed.' };
  // They would otherwise only find out when their app stops getting episodes.
  await queueEmail({ to: member.email, ...feedResetByStaff({ accountUrl: absoluteUrl('/account#podcast-feed-heading') }) });
  // No revalidatePath: the row would vanish from the flagged list, taking this message with it.
  return { status: 'success', message: `New feed address made for ${cleanDisplayName(member.name) || member.email}; we emailed them where to find it.` };
}
