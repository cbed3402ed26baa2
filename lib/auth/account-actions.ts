'use server';
// Changes a signed-in person makes to their own account. Each is a signed-in action
// (lib/viewer/action.ts) and, where it matters, re-checks the current password.
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signOut } from '@/auth';
import { memberTag } from '@/lib/cache/tags';
import { getDb } from '@/lib/db';
import { queueEmail } from '@/lib/email/send-email';
import { changeEmail, emailChangedNotice, passwordChangedNotice } from '@/lib/email/templates';
import { rateLimits } from '@/lib/rate-limit/rules';
import { absoluteUrl } from '@/lib/site';
import { defineAction, rateLimited } from '@/lib/viewer/action';
import { failed, succeeded, type ActionFailure } from '@/lib/viewer/action-result';
import { deleteAccount } from './account';
import { displayNameSchema } from './name-schema';
import { emailAddressSchema } from './email-address';
import { existingPasswordSchema, hashPassword, newPasswordSchema, verifyPassword } from './password';
import { replacePassword } from './sessions';
import { consumeToken, issueToken, tokenProblemMessage } from './tokens';

/** Checked by confirmCurrentPassword (existingPasswordSchema), only where the account has one. */
const currentPassword = z.string().optional();

/** The current password, where the account has one, guarded like sign-in against guessing. */
async function confirmCurrentPassword(user: { id: string; email: string }, password: string | undefined): Promise<ActionFailure | null> {
  const { passwordHash } = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!passwordHash) return null; // link-only accounts have no password to confirm
  const limited = await rateLimited(rateLimits.signInPerEmail, user.email, (wait) => `Too many attempts. Please try again ${wait}.`);
  if (limited) return limited;
  const parsed = existingPasswordSchema.safeParse(password);
  if (!parsed.success || !(await verifyPassword(passwordHash, parsed.data))) {
    return failed('Your current password is not right.', { fieldErrors: { currentPassword: 'Your current password is not right.' } });
  }
  return null;
}

/** The name others see beside this member's comments: every thread they wrote in shows the new one at once. */
export const changeNameAction = defineAction({
  access: 'signed-in',
  input: z.object({ name: displayNameSchema }),
  keep: ['name'],
  rateLimit: { rule: rateLimits.profileChangesPerUser, subject: (_, { viewer }) => viewer.user.id, message: (wait) => `Too many changes. Please try again ${wait}.` },
  async run({ name }, { viewer }) {
    await getDb().user.update({ where: { id: viewer.user.id }, data: { name } });
    updateTag(memberTag(viewer.user.id));
    return succeeded('Your name is saved.');
  },
});

export const changePasswordAction = defineAction({
  access: 'signed-in',
  input: z.object({ newPassword: newPasswordSchema, currentPassword }),
  invalid: 'Please choose a different new password.',
  async run(input, { viewer }) {
    const problem = await confirmCurrentPassword(viewer.user, input.currentPassword);
    if (problem) return problem;
    // This session goes on; every other one (other devices, copied cookies) ends now.
    await replacePassword({ userId: viewer.user.id, passwordHash: await hashPassword(input.newPassword), keepSessionId: viewer.sessionId });
    await queueEmail({ to: viewer.user.email, ...passwordChangedNotice() });
    // The account page shows the result from the URL (it clears the form too).
    redirect('/account?passwordChanged=1');
  },
});

export const requestEmailChangeAction = defineAction({
  access: 'signed-in',
  input: z.object({ newEmail: emailAddressSchema, currentPassword }),
  keep: ['newEmail'],
  async run({ newEmail, currentPassword }, { viewer }) {
    if (newEmail === viewer.user.email) return failed('That is already your email address.', { fieldErrors: { newEmail: 'That is already your email address.' } });
    const problem = await confirmCurrentPassword(viewer.user, currentPassword);
    if (problem) return problem;
    // Whether the new address is taken is checked when the link is used, so this answer
    // never reveals which addresses have accounts.
    const token = await issueToken({ userId: viewer.user.id, purpose: 'CHANGE_EMAIL', email: newEmail });
    await queueEmail({ to: newEmail, ...changeEmail({ newEmail, url: absoluteUrl(`/account/confirm-email?token=${token}`) }) });
    return succeeded(`We sent a link to ${newEmail}. Your address changes when you open it.`);
  },
});

/** No sign-in: the emailed token is the proof (the link may open in another browser). */
export const confirmEmailChangeAction = defineAction({
  access: 'anyone',
  input: z.object({ token: z.string().max(200) }),
  invalid: tokenProblemMessage.invalid,
  async run(input) {
    const result = await consumeToken(input.token, 'CHANGE_EMAIL');
    if (!result.ok) return failed(tokenProblemMessage[result.reason]);
    const db = getDb();
    const before = await db.user.findUnique({ where: { id: result.userId }, select: { email: true } });
    if (!before) return failed(tokenProblemMessage.invalid);
    const taken = await db.user.findUnique({ where: { email: result.email }, select: { id: true } });
    if (taken) return failed('Another account already uses that address, so yours was not changed.');
    await db.user.update({ where: { id: result.userId }, data: { email: result.email, emailVerified: new Date() } });
    await queueEmail({ to: before.email, ...emailChangedNotice({ newEmail: result.email }) });
    redirect('/account?emailChanged=1');
  },
});

export const deleteAccountAction = defineAction({
  access: 'signed-in',
  input: z.object({
    confirm: z
      .string()
      .optional()
      .refine((value) => value?.trim() === 'DELETE', 'Type DELETE, in capitals, to confirm.'),
    currentPassword,
  }),
  invalid: 'Type DELETE to confirm.',
  async run(input, { viewer }) {
    const problem = await confirmCurrentPassword(viewer.user, input.currentPassword);
    if (problem) return problem;
    try {
      await deleteAccount(viewer.user.id);
    } catch (error) {
      console.error('Account deletion stopped:', error);
      return failed('We could not cancel your membership with our payment provider, so nothing was deleted. Please try again in a minute.');
    }
    // Their comments stay, as "Former member".
    updateTag(memberTag(viewer.user.id));
    // Deleting the user deleted its sessions; this also clears the cookie.
    await signOut({ redirectTo: '/account/deleted' });
    return succeeded('Deleted.');
  },
});
