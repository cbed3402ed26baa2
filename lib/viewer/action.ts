// The one way into a server action: read the viewer (lib/viewer/viewer.ts), check the
// access the action declares, parse its input with its zod schema, apply its rate limit,
// then run it; every outcome is an ActionResult. A server action is a public endpoint
// whatever page renders its form, so none of this is left to the action body.
import 'server-only';
import type { z } from 'zod';
import { consumeRateLimits, describeWait, type RateLimitRule } from '@/lib/rate-limit/rate-limit';
import { fieldErrorsOf, SIGN_IN_FIRST, type ActionFailure, type ActionResult } from './action-result';
import { formObject } from './form-data';
import { getViewer, isSignedIn, type SignedInViewer, type Viewer } from './viewer';

export type Access = 'anyone' | 'signed-in' | 'entitled' | 'coach' | 'admin';

type ViewerFor<A extends Access> = A extends 'anyone' ? Viewer : SignedInViewer;
type Issue = { path: readonly PropertyKey[]; message: string };

export interface ActionContext<A extends Access> {
  viewer: ViewerFor<A>;
  /** The submitted fields as text, e.g. to put back into the form. */
  raw: Record<string, string>;
}

export interface ActionSpec<A extends Access, S extends z.ZodType, Data> {
  access: A;
  input: S;
  /** The message for input the schema refuses (default: the first issue's). Field errors come with it. */
  invalid?: string | ((issues: Issue[]) => string);
  /** Fields put back into the form on every refusal (never passwords). */
  keep?: readonly string[];
  /** A limit per viewer (or per whatever `subject` returns), counted after access and input pass. */
  rateLimit?: { rule: RateLimitRule; subject: (input: z.output<S>, context: ActionContext<A>) => string; message: (wait: string) => string };
  run: (input: z.output<S>, context: ActionContext<A>) => Promise<ActionResult<Data>>;
}

const REFUSALS: Record<Exclude<Access, 'anyone'>, string> = {
  'signed-in': SIGN_IN_FIRST,
  entitled: 'This is for members. Your membership may have ended: see your account page.',
  coach: 'Only coaches and admins can do this.',
  admin: 'Only admins can do this.',
};

/** Whether `viewer` may call an action declaring `access`; null when they may, else the one unauthorised answer. */
export function refusalFor(access: Access, viewer: Viewer): ActionFailure | null {
  if (access === 'anyone') return null;
  const unauthorised = (why: keyof typeof REFUSALS): ActionFailure => ({ status: 'error', error: 'unauthorised', message: REFUSALS[why] });
  if (!isSignedIn(viewer)) return unauthorised('signed-in');
  if (access === 'entitled' && !viewer.entitled) return unauthorised('entitled');
  if (access === 'coach' && !viewer.isStaff) return unauthorised('coach');
  if (access === 'admin' && viewer.user.role !== 'ADMIN') return unauthorised('admin');
  return null;
}

/** A rate limit inside an action body, for limits that only apply on some paths. Null when allowed. */
export async function rateLimited(rule: RateLimitRule, subject: string, message: (wait: string) => string): Promise<ActionFailure | null> {
  // A refused attempt is not counted (consumeRateLimits gives it back), as before the wrapper.
  const limit = await consumeRateLimits([{ rule, subject }]);
  return limit.allowed ? null : { status: 'error', error: 'rate-limited', message: message(describeWait(limit.retryAfterSeconds)) };
}

function keptValues(raw: Record<string, string>, keep: readonly string[] | undefined): Record<string, string> | undefined {
  if (!keep?.length) return undefined;
  return Object.fromEntries(keep.map((key) => [key, (raw[key] ?? '').slice(0, 6000)]));
}

/** The pipeline on already-read input: exported for tests, which pass their own viewer. */
export async function runAction<A extends Access, S extends z.ZodType, Data>(
  spec: ActionSpec<A, S, Data>,
  raw: Record<string, string>,
  viewer: Viewer,
): Promise<ActionResult<Data>> {
  const values = keptValues(raw, spec.keep);
  const withValues = (result: ActionResult<Data>): ActionResult<Data> => (result.status === 'error' && values && !result.values ? { ...result, values } : result);
  const refusal = refusalFor(spec.access, viewer);
  if (refusal) return withValues(refusal);
  const context = { viewer: viewer as ViewerFor<A>, raw };
  const parsed = spec.input.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const message = typeof spec.invalid === 'function' ? spec.invalid(issues) : (spec.invalid ?? issues[0]?.message ?? 'Please check the form.');
    return withValues({ status: 'error', error: 'invalid', message, fieldErrors: fieldErrorsOf(issues) });
  }
  const input = parsed.data as z.output<S>;
  if (spec.rateLimit) {
    const limited = await rateLimited(spec.rateLimit.rule, spec.rateLimit.subject(input, context), spec.rateLimit.message);
    if (limited) return withValues(limited);
  }
  return withValues(await spec.run(input, context));
}

/**
 * A server action for a form (`useActionState`): `(previous, formData) => result`.
 * Export it from a 'use server' file. Redirects (sign-in, checkout) are thrown by `run`
 * and pass through, as Next expects.
 */
export function defineAction<A extends Access, S extends z.ZodType, Data = undefined>(spec: ActionSpec<A, S, Data>) {
  return async (_previous: ActionResult<Data>, form: FormData): Promise<ActionResult<Data>> => runAction(spec, formObject(form), await getViewer());
}

/**
 * The same, for a plain `<form action>` with no state to show a result in (sign-out, an
 * OAuth button): only redirects reach the person, so use it where nothing can be refused.
 */
export function defineFormAction<A extends Access, S extends z.ZodType>(spec: ActionSpec<A, S, undefined>) {
  return async (form: FormData): Promise<void> => {
    await runAction(spec, formObject(form), await getViewer());
  };
}
