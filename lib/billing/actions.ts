'use server';
// Membership actions: start a checkout, open the customer portal, and (admins) grant or
// revoke complimentary access. Each checks who is asking itself: an action is a public
// endpoint whatever page renders its form.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/lib/auth/form-state';
import { getCurrentUser } from '@/lib/auth/current-user';
import { requireAdmin, requireUser } from '@/lib/auth/guards';
import { getDb } from '@/lib/db';
import { consumeRateLimits, describeWait } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';
import { createCheckoutSession, createPortalSession } from './checkout';
import { grantComp, revokeComp } from './comp';
import { getEntitlements } from './entitlements';
import { getPlans, PLAN_KEYS } from './plans';
import { billingConfigured } from './stripe-client';

const SIGN_UP_UNAVAILABLE: FormState = { status: 'error', message: 'Online sign-up is not available on this site.' };
const STRIPE_DOWN: FormState = { status: 'error', message: 'We could not reach our payment provider. Nothing was charged; please try again in a minute.' };

async function withinBillingLimit(userId: string): Promise<FormState | null> {
  const limit = await consumeRateLimits([{ rule: rateLimits.billingSessionPerUser, subject: userId }]);
  return limit.allowed ? null : { status: 'error', message: `Too many attempts. Please try again ${describeWait(limit.retryAfterSeconds)}.` };
}

export async function startCheckoutAction(_: FormState, form: FormData): Promise<FormState> {
  // No Stripe keys (a real site never falls back to the demo's emulator): nothing to sell,
  // so nobody is sent off to create an account for it.
  if (!billingConfigured()) return SIGN_UP_UNAVAILABLE;
  const plan = z.enum(PLAN_KEYS).safeParse(form.get('plan'));
  if (!plan.success) return { status: 'error', message: 'Choose the monthly or the annual plan.' };
  const user = await getCurrentUser();
  // Visitors create an account first and come back to the plan they chose.
  if (!user) redirect(`/sign-up?callbackUrl=${encodeURIComponent(`/pricing?plan=${plan.data}`)}`);
  const entitlements = await getEntitlements(user.id);
  if (entitlements.source === 'subscription') redirect('/account?alreadyMember=1');
  const limited = await withinBillingLimit(user.id);
  if (limited) return limited;

  let url: string;
  try {
    const chosen = (await getPlans()).find((p) => p.key === plan.data);
    if (!chosen) return { status: 'error', message: 'That plan is not on sale at the moment.' };
    const account = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true, stripeCustomerId: true } });
    url = await createCheckoutSession(account, chosen);
  } catch (error) {
    console.error('Checkout could not start:', error);
    return STRIPE_DOWN;
  }
  redirect(url);
}

export async function openPortalAction(): Promise<FormState> {
  const user = await requireUser('/account');
  const account = await getDb().user.findUnique({ where: { id: user.id }, select: { stripeCustomerId: true } });
  if (!account?.stripeCustomerId) return { status: 'error', message: 'You have no paid membership to manage yet.' };
  const limited = await withinBillingLimit(user.id);
  if (limited) return limited;
  let url: string;
  try {
    url = await createPortalSession(account.stripeCustomerId);
  } catch (error) {
    console.error('Portal could not open:', error);
    return STRIPE_DOWN;
  }
  redirect(url);
}

const grantSchema = z.object({
  userId: z.string().min(1).max(64),
  endsAt: z
    .string()
    .trim()
    .max(10)
    .transform((v, ctx) => {
      if (v === '') return null;
      const date = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T23:59:59Z`) : new Date(NaN);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'Use a date like 2027-01-31, or leave it empty.' });
        return z.NEVER;
      }
      if (date.getTime() <= Date.now()) {
        ctx.addIssue({ code: 'custom', message: 'The end date must be in the future.' });
        return z.NEVER;
      }
      return date;
    }),
  reason: z.string().trim().max(200).transform((v) => v || null),
});

export async function grantCompAction(_: FormState, form: FormData): Promise<FormState> {
  const admin = await requireAdmin('/staff/members');
  const parsed = grantSchema.safeParse({ userId: form.get('userId'), endsAt: form.get('endsAt') ?? '', reason: form.get('reason') ?? '' });
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0]?.message ?? 'Check the form.' };
  const exists = await getDb().user.findUnique({ where: { id: parsed.data.userId }, select: { id: true } });
  if (!exists) return { status: 'error', message: 'That member no longer exists.' };
  await grantComp({ ...parsed.data, grantedById: admin.id });
  revalidatePath('/staff/members');
  const until = parsed.data.endsAt ? ` until ${parsed.data.endsAt.toISOString().slice(0, 10)}` : '';
  return { status: 'success', message: `Complimentary membership granted${until}.` };
}

export async function revokeCompAction(_: FormState, form: FormData): Promise<FormState> {
  await requireAdmin('/staff/members');
  const userId = z.string().min(1).max(64).safeParse(form.get('userId'));
  if (!userId.success) return { status: 'error', message: 'Choose a member.' };
  const revoked = await revokeComp(userId.data);
  revalidatePath('/staff/members');
  return revoked ? { status: 'success', message: 'Complimentary membership revoked.' } : { status: 'error', message: 'They had no complimentary membership.' };
}
