'use server';
// Forgotten passwords: a single-use link valid for 30 minutes. The request answers the
// same whether or not the address has an account; a reset ends every session.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { queueEmail } from '@/lib/email/send-email';
import { passwordChangedNotice } from '@/lib/email/templates';
import { describeWait } from '@/lib/rate-limit/rate-limit';
import { defineAction } from '@/lib/viewer/action';
import { failed } from '@/lib/viewer/action-result';
import { emailAddressSchema } from './email-address';
import { hashPassword, newPasswordSchema } from './password';
import { requestPasswordReset } from './password-reset';
import { clientIp } from './request-info';
import { replacePassword } from './sessions';
import { consumeToken, tokenProblemMessage } from './tokens';

export const requestPasswordResetAction = defineAction({
  access: 'anyone',
  input: z.object({ email: emailAddressSchema }),
  keep: ['email'],
  async run({ email }) {
    // Limited per address and per client inside requestPasswordReset.
    const result = await requestPasswordReset({ email, ip: await clientIp() });
    if (!result.ok) return { status: 'error', error: 'rate-limited', message: `Too many requests. Please try again ${describeWait(result.retryAfterSeconds)}.` };
    redirect('/reset-password/sent');
  },
});

export const resetPasswordAction = defineAction({
  access: 'anyone',
  // The new password is checked before the link is used up, so a typo does not cost a new email.
  input: z.object({ token: z.string().max(200), password: newPasswordSchema }),
  invalid: 'Please choose a different password.',
  async run({ token, password }) {
    const result = await consumeToken(token, 'RESET_PASSWORD');
    if (!result.ok) return failed(tokenProblemMessage[result.reason]);
    // Every existing session ends; receiving the link also proves the address.
    await replacePassword({ userId: result.userId, passwordHash: await hashPassword(password), addressProven: true });
    await queueEmail({ to: result.email, ...passwordChangedNotice() });
    redirect('/sign-in?reset=1');
  },
});
