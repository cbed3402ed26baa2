'use server';
// Server actions for signing up, in and out. Each validates with zod, applies rate
// limits (per email and per IP, in PostgreSQL), and answers the same whether or not an
// account exists for the address.
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { describeWait } from '@/lib/rate-limit/rate-limit';
import { defineAction, defineFormAction } from '@/lib/viewer/action';
import { failed, succeeded, type ActionFailure } from '@/lib/viewer/action-result';
import { emailAddressSchema } from './email-address';
import { displayNameSchema } from './name-schema';
import { configuredOAuthProviders } from './oauth-providers';
import { newPasswordSchema } from './password';
import { signInSchema } from './password-sign-in';
import { clientIp } from './request-info';
import { safeReturnPath } from './return-path';
import { refusalOf } from './sign-in-errors';
import { confirmSignUp, requestSignUp } from './sign-up';
import { tokenProblemMessage } from './tokens';

/** A same-site path to continue to; anything else, or none, becomes '/'. (Optional: zod 4
 * refuses a missing key before a bare transform could default it.) */
const returnPath = z.unknown().optional().transform((value) => safeReturnPath(value));
const token = z.string().max(200);
const CORRECT_FIELDS = 'Please correct the highlighted fields.';

function tooMany(retryAfterSeconds: number): ActionFailure {
  return { status: 'error', error: 'rate-limited', message: `Too many attempts. Please wait and try again ${describeWait(retryAfterSeconds)}.` };
}

export const signUpAction = defineAction({
  access: 'anyone',
  input: z.object({
    name: displayNameSchema,
    email: emailAddressSchema,
    password: newPasswordSchema,
    callbackUrl: returnPath,
    // The newsletter box: a ticked checkbox sends "on", an unticked one nothing.
    newsletter: z.enum(['on']).optional().transform((v) => v === 'on'),
  }),
  invalid: CORRECT_FIELDS,
  keep: ['name', 'email', 'newsletter'],
  async run({ callbackUrl, ...account }) {
    // The same answer, and the same work, whether or not the address has an account.
    const result = await requestSignUp({ ...account, next: callbackUrl, ip: await clientIp() });
    if (!result.ok) return tooMany(result.retryAfterSeconds);
    redirect(`/sign-up/check-email?email=${encodeURIComponent(account.email)}`);
  },
});

export const verifyEmailAction = defineAction({
  access: 'anyone',
  input: z.object({ token, next: returnPath }),
  invalid: tokenProblemMessage.invalid,
  async run(input) {
    const result = await confirmSignUp(input.token);
    if (!result.ok) return failed(tokenProblemMessage[result.reason]);
    if (result.outcome === 'already-confirmed') {
      return failed('This address already has a confirmed account, so nothing was changed. Sign in, or use “Forgotten your password?” to choose a new one.');
    }
    redirect(input.next === '/' ? '/sign-in?verified=1' : `/sign-in?verified=1&callbackUrl=${encodeURIComponent(input.next)}`);
  },
});

export const signInAction = defineAction({
  access: 'anyone',
  input: signInSchema.extend({ callbackUrl: returnPath }),
  invalid: CORRECT_FIELDS,
  keep: ['email'],
  async run({ email, password, callbackUrl }) {
    // Auth.js checks the password once, under the sign-in limits (lib/auth/password-sign-in.ts).
    try {
      await signIn('password', { email, password, redirectTo: callbackUrl });
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal?.reason === 'rate-limited') return tooMany(refusal.retryAfterSeconds);
      if (refusal?.reason === 'wrong-password') return failed('That email and password do not match. Try again, or sign in with an email link.');
      if (refusal?.reason === 'unconfirmed') return failed('Please confirm your email address first: use the link we sent you. You can ask for a new one on the sign-up page.');
      if (error instanceof AuthError) return failed('We could not sign you in. Please try again.');
      throw error; // the redirect that completes sign-in
    }
    return succeeded('Signed in.');
  },
});

export const requestMagicLinkAction = defineAction({
  access: 'anyone',
  input: z.object({ email: emailAddressSchema, callbackUrl: returnPath }),
  keep: ['email'],
  async run({ email, callbackUrl }) {
    // Auth.js's email provider applies the link limits (auth.ts, lib/auth/magic-link.ts).
    try {
      await signIn('email', { email, redirectTo: callbackUrl });
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal?.reason === 'rate-limited') return tooMany(refusal.retryAfterSeconds);
      if (error instanceof AuthError) return failed('We could not send the link just now. Please try again in a minute.');
      throw error;
    }
    return succeeded('Check your email.');
  },
});

/** The sign-in page's OAuth buttons: only a provider this site has keys for. */
export const oauthSignInAction = defineFormAction({
  access: 'anyone',
  input: z.object({ provider: z.string().refine((id) => configuredOAuthProviders().some((p) => p.id === id)), callbackUrl: returnPath }),
  async run({ provider, callbackUrl }) {
    await signIn(provider, { redirectTo: callbackUrl });
    return succeeded('Signed in.');
  },
});

/** Anyone: without a session there is nothing to end, and the same redirect follows. */
export const signOutAction = defineFormAction({
  access: 'anyone',
  input: z.object({}),
  async run() {
    await signOut({ redirectTo: '/' });
    return succeeded('Signed out.');
  },
});
