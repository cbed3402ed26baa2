'use server';
// The newsletter choice on the account page, and the button of the unsubscribe page
// (no sign-in: the token from the email is the proof).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/viewer/action';
import { failed, succeeded } from '@/lib/viewer/action-result';
import { setNewsletterOptIn, unsubscribeFromNewsletter } from './opt-in';

export const updateNewsletterOptInAction = defineAction({
  access: 'signed-in',
  // A checkbox sends "on" when ticked and nothing when not.
  input: z.object({ newsletter: z.enum(['on'], { error: 'Tick the box, or leave it empty.' }).optional().transform((v) => v === 'on') }),
  async run({ newsletter }, { viewer }) {
    await setNewsletterOptIn(viewer.user.id, newsletter);
    revalidatePath('/account');
    return succeeded(newsletter ? 'You will get new articles and episodes by email.' : 'You will not get new articles and episodes by email.');
  },
});

const BAD_LINK = 'This unsubscribe link is not valid. Check that you opened the whole link from the email, or sign in and change your email settings on your account page.';

/** The token is not used up: a second click, or the link in an older email, works too. */
export const newsletterUnsubscribeAction = defineAction({
  access: 'anyone',
  input: z.object({ token: z.string().max(200) }),
  invalid: BAD_LINK,
  async run({ token }) {
    if (!(await unsubscribeFromNewsletter(token))) return failed(BAD_LINK);
    redirect('/newsletters/unsubscribe?done=1');
  },
});
