'use server';
// Forgotten passwords: a single-use link valid for 30 minutes. The request answers the
// same whether or not the address has an account; a reset ends every session.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { queueEmail } from '@/lib/email/send-email';
import { passwordChangedNotice } from '@/lib/email/templates';
import { describeWait } from '@/lib/rate-limit/rate-limit';
import { emailAddressSchema } from './email-address';
import { fieldErrorsOf, type FormState } from './form-state';
import { hashPassword, newPasswordSchema } from './password';
import { requestPasswordReset } from './password-reset';
import { clientIp } from './request-info';
import { replacePassword } from './sessions';
import { consumeToken, tokenProblemMessage } from './tokens';

export async function requestPasswordResetAction(_: FormState, form: FormData): Promise<FormState> {
  const raw = form.get('email');
  const values = { email: typeof raw === 'string' ? raw : '' };
  const parsed = emailAddressSchema.safeParse(values.email);
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0].message, fieldErrors: { email: parsed.error.issues[0].message }, values };
  const result = await requestPasswordReset({ email: parsed.data, ip: await clientIp() });
  if (!result.ok) return { status: 'error', message: `Too many requests. Please try again ${describeWait(result.retryAfterSeconds)}.`, values };
  redirect('/reset-password/sent');
}

const resetSchema = z.object({ token: z.string().max(200), password: newPasswordSchema });

export async function resetPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = resetSchema.safeParse({ token: form.get('token'), password: form.get('password') });
  // Check the new password before using up the link, so a typo does not cost a new email.
  if (!parsed.success) return { status: 'error', message: 'Please choose a different password.', fieldErrors: fieldErrorsOf(parsed.error.issues) };
  const result = await consumeToken(parsed.data.token, 'RESET_PASSWORD');
  if (!result.ok) return { status: 'error', message: tokenProblemMessage[result.reason] };
  // Every existing session ends; receiving the link also proves the address.
  await replacePassword({ userId: result.userId, passwordHash: await hashPassword(parsed.data.password), addressProven: true });
  await queueEmail({ to: result.email, ...passwordChangedNotice() });
  redirect('/sign-in?reset=1');
}
