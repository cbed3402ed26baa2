'use server';
// Email settings for comments: the account page's form, and the unsubscribe page's button
// (no sign-in: the token from the email is the proof).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/lib/auth/form-state';
import { requireUser } from '@/lib/auth/guards';
import { isStaffRole } from '@/lib/auth/roles';
import { getNotificationSettings, unsubscribeAll, updateNotificationSettings } from './notifications';

const UNSUBSCRIBED_PATH = '/notifications/unsubscribe?done=1';

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === 'string' ? value : undefined;
};

const settingsSchema = z.object({
  // A checkbox sends "on" when ticked and nothing when not.
  replies: z.enum(['on'], { error: 'Tick the box, or leave it empty.' }).optional().transform((value) => value === 'on'),
  coachQuestions: z.enum(['IMMEDIATE', 'DAILY_DIGEST', 'OFF'], { error: 'Choose how to hear about member questions.' }).optional(),
});

export async function updateNotificationSettingsAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser('/account');
  const parsed = settingsSchema.safeParse({ replies: text(form, 'replies'), coachQuestions: text(form, 'coachQuestions') });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { status: 'error', message: issue.message, fieldErrors: { [String(issue.path[0] ?? 'form')]: issue.message } };
  }
  const isStaff = isStaffRole(user.role);
  const current = await getNotificationSettings(user.id);
  // Only coaches and admins get member questions; anyone else's choice stays as it was.
  const coachQuestions = isStaff ? (parsed.data.coachQuestions ?? current.coachQuestions) : current.coachQuestions;
  await updateNotificationSettings(user.id, { replies: parsed.data.replies, coachQuestions });
  // The form's defaults come from the page: fresh ones, so the reset after saving keeps the choice.
  revalidatePath('/account');
  return { status: 'success', message: 'Your email settings are saved.' };
}

/** The token is not used up: a second click, or the link in an older email, works too. */
export async function unsubscribeAction(_: FormState, form: FormData): Promise<FormState> {
  const token = z.string().max(200).safeParse(text(form, 'token'));
  if (!token.success || !(await unsubscribeAll(token.data))) {
    return {
      status: 'error',
      message: 'This unsubscribe link is not valid. Check that you opened the whole link from the email, or sign in and change your email settings on your account page.',
    };
  }
  redirect(UNSUBSCRIBED_PATH);
}
