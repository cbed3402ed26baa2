'use server';
// Email settings for comments: the account page's form, and the unsubscribe page's button
// (no sign-in: the token from the email is the proof).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { lifecycleChoicesSchema, mutedFromChoices } from '@/lib/lifecycle/kinds';
import { setMutedLifecycle } from '@/lib/lifecycle/settings';
import { defineAction } from '@/lib/viewer/action';
import { failed, succeeded } from '@/lib/viewer/action-result';
import { getNotificationSettings, unsubscribeAll, updateNotificationSettings } from './notifications';

const UNSUBSCRIBED_PATH = '/notifications/unsubscribe?done=1';

const settingsSchema = z.object({
  // A checkbox sends "on" when ticked and nothing when not.
  replies: z.enum(['on'], { error: 'Tick the box, or leave it empty.' }).optional().transform((value) => value === 'on'),
  coachQuestions: z.enum(['IMMEDIATE', 'DAILY_DIGEST', 'OFF'], { error: 'Choose how to hear about member questions.' }).optional(),
  ...lifecycleChoicesSchema.shape,
});

export const updateNotificationSettingsAction = defineAction({
  access: 'signed-in',
  input: settingsSchema,
  async run(input, { viewer }) {
    const current = await getNotificationSettings(viewer.user.id);
    // Only coaches and admins get member questions; anyone else's choice stays as it was.
    const coachQuestions = viewer.isStaff ? (input.coachQuestions ?? current.coachQuestions) : current.coachQuestions;
    await updateNotificationSettings(viewer.user.id, { replies: input.replies, coachQuestions });
    const muted = mutedFromChoices(input);
    if (muted) await setMutedLifecycle(viewer.user.id, muted);
    // The form's defaults come from the page: fresh ones, so the reset after saving keeps the choice.
    revalidatePath('/account');
    return succeeded('Your email settings are saved.');
  },
});

const BAD_LINK = 'This unsubscribe link is not valid. Check that you opened the whole link from the email, or sign in and change your email settings on your account page.';

/** The token is not used up: a second click, or the link in an older email, works too. */
export const unsubscribeAction = defineAction({
  access: 'anyone',
  input: z.object({ token: z.string().max(200) }),
  invalid: BAD_LINK,
  async run({ token }) {
    if (!(await unsubscribeAll(token))) return failed(BAD_LINK);
    redirect(UNSUBSCRIBED_PATH);
  },
});
