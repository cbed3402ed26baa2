'use server';
// What members and staff do with private feeds. Each action declares who may ask
// (lib/viewer/action.ts): a server action is a public endpoint whatever page renders its form.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { cleanDisplayName } from '@/lib/auth/display-name';
import { getDb } from '@/lib/db';
import { queueEmail } from '@/lib/email/send-email';
import { feedResetByStaff } from '@/lib/email/templates';
import { rateLimits } from '@/lib/rate-limit/rules';
import { absoluteUrl } from '@/lib/site';
import { defineAction } from '@/lib/viewer/action';
import { failed, succeeded } from '@/lib/viewer/action-result';
import { resetPrivateFeed } from './tokens';

const CONFIRM_RESET = 'Tick the box to confirm: your podcast app will need the new address.';

export const resetMyFeedAction = defineAction({
  access: 'signed-in',
  input: z.object({ confirm: z.literal('yes', { error: CONFIRM_RESET }) }),
  invalid: CONFIRM_RESET,
  rateLimit: {
    rule: rateLimits.feedResetPerUser,
    subject: (_input, { viewer }) => viewer.user.id,
    message: (wait) => `You have reset your feed many times in a row. Please try again ${wait}.`,
  },
  async run(_input, { viewer }) {
    if (!(await resetPrivateFeed(viewer.user.id))) return failed('You have no private feed to reset yet.');
    revalidatePath('/account');
    return succeeded('Your feed has a new address, shown above. The old one has stopped working: add the new one to your podcast app.');
  },
});

export const staffResetFeedAction = defineAction({
  access: 'coach',
  input: z.object({ userId: z.string().min(1).max(64) }),
  invalid: 'That member could not be found.',
  async run({ userId }) {
    const member = await getDb().user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
    if (!member || !(await resetPrivateFeed(userId))) return failed('That member has no private feed.');
    // They would otherwise only find out when their app stops getting episodes.
    await queueEmail({ to: member.email, ...feedResetByStaff({ accountUrl: absoluteUrl('/account#podcast-feed-heading') }) });
    // No revalidatePath: the row would vanish from the flagged list, taking this message with it.
    return succeeded(`New feed address made for ${cleanDisplayName(member.name) || member.email}; we emailed them where to find it.`);
  },
});
