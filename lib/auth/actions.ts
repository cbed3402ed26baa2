'use server';
// Server actions for signing up, in and out. Each validates with zod, applies rate
// limits (per email and per IP, in PostgreSQL), and answers the same whether or not an
// account exists for the address.
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { describeWait } from '@/lib/rate-limit/rate-limit';
import { emailAddressSchema } from './email-address';
import { fieldErrorsOf, type FormState } from './form-state';
import { safeReturnPath } from './guards';
import { displayNameSchema } from './name-schema';
import { newPasswordSchema } from './password';
import { signInSchema } from './password-sign-in';
import { clientIp } from './request-info';
import { refusalOf } from './sign-in-errors';
import { confirmSignUp, requestSignUp } from './sign-up';
import { tokenProblemMessage } from './tokens';

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === 'string' ? value : undefined;
};

function tooMany(retryAfterSeconds: number, values: Record<string, string>): FormState {
  return { status: 'error', message: `Too many attempts. Please wait and try again ${describeWait(retryAfterSeconds)}.`, values };
}

const signUpSchema = z.object({
  name: displayNameSchema,
  email: emailAddressSchema,
  password: newPasswordSchema,
});

export async function signUpAction(_: FormState, form: FormData): Promise<FormState> {
  const values = { name: text(form, 'name') ?? '', email: text(form, 'email') ?? '' };
  const parsed = signUpSchema.safeParse({ ...values, password: text(form, 'password') });
  if (!parsed.success) return { status: 'error', message: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error.issues), values };
  // The same answer, and the same work, whether or not the address has an account.
  const result = await requestSignUp({ ...parsed.data, next: safeReturnPath(text(form, 'callbackUrl')), ip: await clientIp() });
  if (!result.ok) return tooMany(result.retryAfterSeconds, values);
  redirect(`/sign-up/check-email?email=${encodeURIComponent(parsed.data.email)}`);
}

export async function verifyEmailAction(_: FormState, form: FormData): Promise<FormState> {
  const token = z.string().max(200).safeParse(text(form, 'token'));
  const result = token.success ? await confirmSignUp(token.data) : ({ ok: false, reason: 'invalid' } as const);
  if (!result.ok) return { status: 'error', message: tokenProblemMessage[result.reason] };
  if (result.outcome === 'already-confirmed') {
    return { status: 'error', message: 'This address already has a confirmed account, so nothing was changed. Sign in, or use “Forgotten your password?” to choose a new one.' };
  }
  const next = safeReturnPath(text(form, 'next'));
  redirect(next === '/' ? '/sign-in?verified=1' : `/sign-in?verified=1&callbackUrl=${encodeURIComponent(next)}`);
}

export async function signInAction(_: FormState, form: FormData): Promise<FormState> {
  const values = { email: text(form, 'email') ?? '' };
  const callbackUrl = safeReturnPath(text(form, 'callbackUrl'));
  const parsed = signInSchema.safeParse({ email: values.email, password: text(form, 'password') });
  if (!parsed.success) return { status: 'error', message: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error.issues), values };
  const { email, password } = parsed.data;
  // Auth.js checks the password once, under the sign-in limits (lib/auth/password-sign-in.ts).
  try {
    await signIn('password', { email, password, redirectTo: callbackUrl });
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal?.reason === 'rate-limited') return tooMany(refusal.retryAfterSeconds, values);
    if (refusal?.reason === 'wrong-password') return { status: 'error', message: 'That email and password do not match. Try again, or sign in with an email link.', values };
    if (refusal?.reason === 'unconfirmed') {
      return { status: 'error', message: 'Please confirm your email address first: use the link we sent you. You can ask for a new one on the sign-up page.', values };
    }
    if (error instanceof AuthError) return { status: 'error', message: 'We could not sign you in. Please try again.', values };
    throw error; // the redirect that completes sign-in
  }
  return { status: 'success', message: 'Signed in.' };
}

export async function requestMagicLinkAction(_: FormState, form: FormData): Promise<FormState> {
  const values = { email: text(form, 'email') ?? '' };
  const parsed = emailAddressSchema.safeParse(values.email);
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0].message, fieldErrors: { email: parsed.error.issues[0].message }, values };
  // Auth.js's email provider applies the link limits (auth.ts, lib/auth/magic-link.ts).
  try {
    await signIn('email', { email: parsed.data, redirectTo: safeReturnPath(text(form, 'callbackUrl')) });
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal?.reason === 'rate-limited') return tooMany(refusal.retryAfterSeconds, values);
    if (error instanceof AuthError) return { status: 'error', message: 'We could not send the link just now. Please try again in a minute.', values };
    throw error;
  }
  return { status: 'success', message: 'Check your email.' };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
