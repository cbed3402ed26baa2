'use server';
// Membership actions: start a checkout, open the customer portal, and (admins) grant or
// revoke complimentary access. Each declares who may ask (lib/viewer/action.ts): an
// action is a public endpoint whatever page renders its form.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { rateLimits } from '@/lib/rate-limit/rules';
import { defineAction, rateLimited } from '@/lib/viewer/action';
import { failed, succeeded } from '@/lib/viewer/action-result';
import { createCheckoutSession, createPortalSession } from './checkout';
import { grantComp, revokeComp } from './comp';
import { getPlans, PLAN_KEYS } from './plans';
import { billingConfigured } from './stripe-client';

const SIGN_UP_UNAVAILABLE = failed('Online sign-up is not available on this site.');
const STRIPE_DOWN = failed('We could not reach our payment provider. Nothing was charged; please try again in a minute.');

/** Each checkout or portal visit is a call to Stripe on our account. */
const withinBillingLimit = (userId: string) => rateLimited(rateLimits.billingSessionPerUser, userId, (wait) => `Too many attempts. Please try again ${wait}.`);

/** Visitors may start here: they are sent to create an account and come back to their plan. */
export const startCheckoutAction = defineAction({
  access: 'anyone',
  // The plan is checked after the Stripe keys: without them no plan is on sale.
  input: z.object({ plan: z.unknown() }),
  async run(input, { viewer }) {
    // No Stripe keys (a real site never falls back to the demo's emulator): nothing to sell,
    // so nobody is sent off to create an account for it.
    if (!billingConfigured()) return SIGN_UP_UNAVAILABLE;
    const plan = z.enum(PLAN_KEYS).safeParse(input.plan);
    if (!plan.success) return { status: 'error', error: 'invalid', message: 'Choose the monthly or the annual plan.' };
    const { user } = viewer;
    if (!user) redirect(`/sign-up?callbackUrl=${encodeURIComponent(`/pricing?plan=${plan.data}`)}`);
    if (viewer.entitlements.source === 'subscription') redirect('/account?alreadyMember=1');
    const limited = await withinBillingLimit(user.id);
    if (limited) return limited;

    let url: string;
    try {
      const chosen = (await getPlans()).find((p) => p.key === plan.data);
      if (!chosen) return failed('That plan is not on sale at the moment.');
      const account = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true, stripeCustomerId: true } });
      url = await createCheckoutSession(account, chosen);
    } catch (error) {
      console.error('Checkout could not start:', error);
      return STRIPE_DOWN;
    }
    redirect(url);
  },
});

export const openPortalAction = defineAction({
  access: 'signed-in',
  input: z.object({}),
  async run(_input, { viewer }) {
    const account = await getDb().user.findUnique({ where: { id: viewer.user.id }, select: { stripeCustomerId: true } });
    if (!account?.stripeCustomerId) return failed('You have no paid membership to manage yet.');
    const limited = await withinBillingLimit(viewer.user.id);
    if (limited) return limited;
    let url: string;
    try {
      url = await createPortalSession(account.stripeCustomerId);
    } catch (error) {
      console.error('Portal could not open:', error);
      return STRIPE_DOWN;
    }
    redirect(url);
  },
});

const grantSchema = z.object({
  userId: z.string().min(1).max(64),
  // An empty date field, or none at all: no end.
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
    })
    .prefault(''),
  reason: z.string().trim().max(200).transform((v) => v || null).prefault(''),
});

export const grantCompAction = defineAction({
  access: 'admin',
  input: grantSchema,
  invalid: (issues) => issues[0]?.message ?? 'Check the form.',
  async run(input, { viewer }) {
    const exists = await getDb().user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!exists) return failed('That member no longer exists.');
    await grantComp({ ...input, grantedById: viewer.user.id });
    revalidatePath('/staff/members');
    const until = input.endsAt ? ` until ${input.endsAt.toISOString().slice(0, 10)}` : '';
    return succeeded(`Complimentary membership granted${until}.`);
  },
});

export const revokeCompAction = defineAction({
  access: 'admin',
  input: z.object({ userId: z.string().min(1).max(64) }),
  invalid: 'Choose a member.',
  async run({ userId }) {
    const revoked = await revokeComp(userId);
    revalidatePath('/staff/members');
    return revoked ? succeeded('Complimentary membership revoked.') : failed('They had no complimentary membership.');
  },
});
