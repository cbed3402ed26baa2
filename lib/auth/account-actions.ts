'use server';
// Changes a signed-in person makes to their own account. Each action re-checks the
// session itself and, where it matters, the current password.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signOut } from '@/auth';
import { getDb } from '@/lib/db';
import { queueEmail } from '@/lib/email/send-email';
import { changeEmail, emailChangedNotice, passwordChangedNotice } from '@/lib/email/templates';
import { consumeRateLimits, describeWait } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';
import { absoluteUrl } from '@/lib/site';
import { deleteAccount } from './account';
import { getCurrentSessionId } from './current-user';
import { emailAddressSchema } from './email-address';
import { fieldErrorsOf, type FormState } from './form-state';
import { requireUser } from './guards';
import { existingPasswordSchema, hashPassword, newPasswordSchema, verifyPassword } from './password';
import { replacePassword } from './sessions';
import { consumeToken, issueToken, tokenProblemMessage } from './tokens';

const field = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === 'string' ? value : undefined;
};

/** The current password, where the account has one, guarded like sign-in against guessing. */
async function confirmCurrentPassword(user: { id: string; email: string }, password: string | undefined): Promise<FormState | null> {
  const { passwordHash } = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!passwordHash) return null; // link-only accounts have no password to confirm
  const limit = await consumeRateLimits([{ rule: rateLimits.signInPerEmail, subject: user.email }]);
  if (!limit.allowed) return { status: 'error', message: `Too many attempts. Please try again ${describeWait(limit.retryAfterSeconds)}.` };
  const parsed = existingPasswordSchema.safeParse(password);
  if (!parsed.success || !(await verifyPassword(passwordHash, parsed.data))) {
    return { status: 'error', message: 'Your current password is not right.', fieldErrors: { currentPassword: 'Your current password is not right.' } };
  }
  return null;
}

export async function changePasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser('/account');
  const parsed = newPasswordSchema.safeParse(field(form, 'newPassword'));
  if (!parsed.success) return { status: 'error', message: 'Please choose a different new password.', fieldErrors: { newPassword: parsed.error.issues[0].message } };
  const problem = await confirmCurrentPassword(user, field(form, 'currentPassword'));
  if (problem) return problem;
  // This session goes on; every other one (other devices, copied cookies) ends now.
  const keepSessionId = (await getCurrentSessionId()) ?? undefined;
  await replacePassword({ userId: user.id, passwordHash: await hashPassword(parsed.data), keepSessionId });
  await queueEmail({ to: user.email, ...passwordChangedNotice() });
  // The account page shows the result from the URL (it clears the form too).
  redirect('/account?passwordChanged=1');
}

export async function requestEmailChangeAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser('/account');
  const values = { newEmail: field(form, 'newEmail') ?? '' };
  const parsed = emailAddressSchema.safeParse(values.newEmail);
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0].message, fieldErrors: { newEmail: parsed.error.issues[0].message }, values };
  if (parsed.data === user.email) return { status: 'error', message: 'That is already your email address.', fieldErrors: { newEmail: 'That is already your email address.' }, values };
  const problem = await confirmCurrentPassword(user, field(form, 'currentPassword'));
  if (problem) return { ...problem, values } as FormState;
  // Whether the new address is taken is checked when the link is used, so this answer
  // never reveals which addresses have accounts.
  const token = await issueToken({ userId: user.id, purpose: 'CHANGE_EMAIL', email: parsed.data });
  await queueEmail({ to: parsed.data, ...changeEmail({ newEmail: parsed.data, url: absoluteUrl(`/account/confirm-email?token=${token}`) }) });
  return { status: 'success', message: `We sent a link to ${parsed.data}. Your address changes when you open it.` };
}

export async function confirmEmailChangeAction(_: FormState, form: FormData): Promise<FormState> {
  const token = z.string().max(200).safeParse(field(form, 'token'));
  const result = token.success ? await consumeToken(token.data, 'CHANGE_EMAIL') : ({ ok: false, reason: 'invalid' } as const);
  if (!result.ok) return { status: 'error', message: tokenProblemMessage[result.reason] };
  const db = getDb();
  const before = await db.user.findUnique({ where: { id: result.userId }, select: { email: true } });
  if (!before) return { status: 'error', message: tokenProblemMessage.invalid };
  const taken = await db.user.findUnique({ where: { email: result.email }, select: { id: true } });
  if (taken) return { status: 'error', message: 'Another account already uses that address, so yours was not changed.' };
  await db.user.update({ where: { id: result.userId }, data: { email: result.email, emailVerified: new Date() } });
  await queueEmail({ to: before.email, ...emailChangedNotice({ newEmail: result.email }) });
  redirect('/account?emailChanged=1');
}

export async function deleteAccountAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser('/account');
  if (field(form, 'confirm')?.trim() !== 'DELETE') {
    return { status: 'error', message: 'Type DELETE to confirm.', fieldErrors: fieldErrorsOf([{ path: ['confirm'], message: 'Type DELETE, in capitals, to confirm.' }]) };
  }
  const problem = await confirmCurrentPassword(user, field(form, 'currentPassword'));
  if (problem) return problem;
  try {
    await deleteAccount(user.id);
  } catch (error) {
    console.error('Account deletion stopped:', error);
    return { status: 'error', message: 'We could not cancel your membership with our payment provider, so nothing was deleted. Please try again in a minute.' };
  }
  // Deleting the user deleted its sessions; this also clears the cookie.
  await signOut({ redirectTo: '/account/deleted' });
  return { status: 'success', message: 'Deleted.' };
}
