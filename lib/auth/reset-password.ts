'use server';
// Forgotten passwords: a single-use link valid for 30 minutes. The request answers the
// same whether or not the address has an account; a reset ends every session.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { queueEmail } from '@/lib/email/send-email';
import { passwordChangedNotice, passwordReset } from '@/lib/email/templates';
import { consumeRateLimits, describeWait } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';
import { absoluteUrl } from '@/lib/site';
import { emailAddressSchema } from './email-address';
import { fieldErrorsOf, type FormState } from './form-state';
import { hashPassword, newPasswordSchema } from './password';
import { clientIp } from './request-info';
import { consumeToken, issueToken, TOKEN_LIFETIME_MINUTES, tokenProblemMessage } from './tokens';

export async function requestPasswordResetAction(_: FormState, form: FormData): Promise<FormState> {
  const raw = form.get('email');
  const values = { email: typeof raw === 'string' ? raw : '' };
  const parsed = emailAddressSchema.safeParse(values.email);
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0].message, fieldErrors: { email: parsed.error.issues[0].message }, values };
  const limit = await consumeRateLimits([
    { rule: rateLimits.resetPerEmail, subject: parsed.data },
    { rule: rateLimits.resetPerIp, subject: await clientIp() },
  ]);
  if (!limit.allowed) return { status: 'error', message: `Too many requests. Please try again ${describeWait(limit.retryAfterSeconds)}.`, values };

  const user = await getDb().user.findUnique({ where: { email: parsed.data }, select: { id: true } });
  if (user) {
    const token = await issueToken({ userId: user.id, purpose: 'RESET_PASSWORD', email: parsed.data });
    await queueEmail({
      to: parsed.data,
      ...passwordReset({ url: absoluteUrl(`/reset-password/new?token=${token}`), expiresInMinutes: TOKEN_LIFETIME_MINUTES.RESET_PASSWORD }),
    });
  }
  redirect('/reset-password/sent');
}

const resetSchema = z.object({ token: z.string().max(200), password: newPasswordSchema });

export async function resetPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = resetSchema.safeParse({ token: form.get('token'), password: form.get('password') });
  // Check the new password before using up the link, so a typo does not cost a new email.
  if (!parsed.success) return { status: 'error', message: 'Please choose a different password.', fieldErrors: fieldErrorsOf(parsed.error.issues) };
  const result = await consumeToken(parsed.data.token, 'RESET_PASSWORD');
  if (!result.ok) return { status: 'error', message: tokenProblemMessage[result.reason] };
  await getDb().user.update({
    where: { id: result.userId },
    data: {
      passwordHash: await hashPassword(parsed.data.password),
      // Every existing session ends; receiving the link also proves the address.
      sessionVersion: { increment: 1 },
      emailVerified: new Date(),
    },
  });
  await queueEmail({ to: result.email, ...passwordChangedNotice() });
  redirect('/sign-in?reset=1');
}
