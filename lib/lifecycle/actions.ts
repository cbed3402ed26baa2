'use server';
// Lifecycle email actions: an admin's on/off switch per kind (/staff/emails), and the
// unsubscribe page's button for one category (no sign-in: the emailed token is the proof).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/viewer/action';
import { failed, succeeded } from '@/lib/viewer/action-result';
import { LIFECYCLE_INFO, lifecycleKindSchema } from './kinds';
import { muteLifecycleByToken, setLifecycleSwitch } from './settings';
import { lifecycleUnsubscribeSchema } from './unsubscribe';

export const setLifecycleSwitchAction = defineAction({
  access: 'admin',
  input: z.object({ kind: lifecycleKindSchema, enabled: z.enum(['on', 'off'], { error: 'Choose on or off.' }) }),
  async run({ kind, enabled }, { viewer }) {
    await setLifecycleSwitch(kind, enabled === 'on', viewer.user.id);
    revalidatePath('/staff/emails');
    return succeeded(`${LIFECYCLE_INFO[kind].label} emails are ${enabled === 'on' ? 'on' : 'off'}.`);
  },
});

const BAD_LINK = 'This unsubscribe link is not valid. Check that you opened the whole link from the email, or sign in and change your email settings on your account page.';

export const unsubscribeLifecycleAction = defineAction({
  access: 'anyone',
  input: lifecycleUnsubscribeSchema,
  invalid: BAD_LINK,
  async run({ token, category }) {
    if (!(await muteLifecycleByToken(token, category))) return failed(BAD_LINK);
    redirect(`/notifications/unsubscribe?done=1&category=${encodeURIComponent(category)}`);
  },
});
