'use server';
// Server actions for signing up, in and out. Each validates with zod, applies rate
// limits (per email and per IP, in PostgreSQL), and answers the same whether or not an
// account exists for the address.
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { getDb } from '@/lib/db';
import { queueEmail } from '@/lib/email/send-email';
import { verifyEmail } from '@/lib/email/templates';
import { consumeRateLimits, describeWait } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';
import { absoluteUrl } from '@/lib/site';
import { emailAddressSchema } from './email-address';
import { fieldErrorsOf, type FormState } from './form-state';
import { safeReturnPath } from './guards';
import { displayNameSchema } from './name-schema';
import { hashPassword, newPasswordSchema } from './password';
import { checkPassword, signInSchema } from './password-sign-in';
import { clientIp } from './request-info';
import { consumeToken, issueToken, tokenProblemMessage } from './tokens';

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
  const limit = await consumeRateLimits([{ rule: rateLimits.signUpPerIp, subject: await clientIp() }]);
  if (!limit.allowed) return tooMany(limit.retryAfterSeconds, values);

  const { name, email, password } = parsed.data;
  const next = safeReturnPath(text(form, 'callbackUrl'));
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, name: true, emailVerified: true } });
  if (existing) {
    // Same answer as for a new address; an unverified owner gets a fresh link.
    if (!existing.emailVerified) await sendVerification(existing.id, email, existing.name ?? name, next);
  } else {
    const user = await db.user.create({ data: { name, email, passwordHash: await hashPassword(password) } });
    await sendVerification(user.id, email, name, next);
  }
  redirect(`/sign-up/check-email?email=${encodeURIComponent(email)}`);
}

async function sendVerification(userId: string, email: string, name: string, next: string) {
  const token = await issueToken({ userId, purpose: 'VERIFY_EMAIL', email });
  const continueTo = next === '/' ? '' : `&next=${encodeURIComponent(next)}`;
  await queueEmail({ to: email, ...verifyEmail({ name, url: absoluteUrl(`/verify-email?token=${token}${continueTo}`) }) });
}

export async function verifyEmailAction(_: FormState, form: FormData): Promise<FormState> {
  const token = z.string().max(200).safeParse(text(form, 'token'));
  const result = token.success ? await consumeToken(token.data, 'VERIFY_EMAIL') : ({ ok: false, reason: 'invalid' } as const);
  if (!result.ok) return { status: 'error', message: tokenProblemMessage[result.reason] };
  // Only the address the link was sent to counts as verified.
  await getDb().user.updateMany({ where: { id: result.userId, email: result.email }, data: { emailVerified: new Date() } });
  const next = safeReturnPath(text(form, 'next'));
  redirect(next === '/' ? '/sign-in?verified=1' : `/sign-in?verified=1&callbackUrl=${encodeURIComponent(next)}`);
}

export async function signInAction(_: FormState, form: FormData): Promise<FormState> {
  const values = { email: text(form, 'email') ?? '' };
  const callbackUrl = safeReturnPath(text(form, 'callbackUrl'));
  const parsed = signInSchema.safeParse({ email: values.email, password: text(form, 'password') });
  if (!parsed.success) return { status: 'error', message: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error.issues), values };
  const { email, password } = parsed.data;
  const limit = await consumeRateLimits([
    { rule: rateLimits.signInPerEmail, subject: email },
    { rule: rateLimits.signInPerIp, subject: await clientIp() },
  ]);
  if (!limit.allowed) return tooMany(limit.retryAfterSeconds, values);

  const check = await checkPassword(email, password);
  if (check.result === 'wrong') return { status: 'error', message: 'That email and password do not match. Try again, or sign in with an email link.', values };
  if (check.result === 'unverified') {
    return { status: 'error', message: 'Please confirm your email address first: use the link we sent you. You can ask for a new one on the sign-up page.', values };
  }
  try {
    await signIn('password', { email, password, redirectTo: callbackUrl });
  } catch (error) {
    if (error instanceof AuthError) return { status: 'error', message: 'We could not sign you in. Please try again.', values };
    throw error; // the redirect that completes sign-in
  }
  return { status: 'success', message: 'Signed in.' };
}

export async function requestMagicLinkAction(_: FormState, form: FormData): Promise<FormState> {
  const values = { email: text(form, 'email') ?? '' };
  const parsed = emailAddressSchema.safeParse(values.email);
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0].message, fieldErrors: { email: parsed.error.issues[0].message }, values };
  const limit = await consumeRateLimits([
    { rule: rateLimits.magicLinkPerEmail, subject: parsed.data },
    { rule: rateLimits.magicLinkPerIp, subject: await clientIp() },
  ]);
  if (!limit.allowed) return tooMany(limit.retryAfterSeconds, values);
  try {
    await signIn('email', { email: parsed.data, redirectTo: safeReturnPath(text(form, 'callbackUrl')) });
  } catch (error) {
    if (error instanceof AuthError) return { status: 'error', message: 'We could not send the link just now. Please try again in a minute.', values };
    throw error;
  }
  return { status: 'success', message: 'Check your email.' };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
