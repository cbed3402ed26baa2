'use server';
// Programme actions. Each checks the member and their entitlement itself: an action is
// a public endpoint whatever page renders its form.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fieldErrorsOf, type FormState } from '@/lib/auth/form-state';
import { requireUser } from '@/lib/auth/guards';
import { getEntitlements } from '@/lib/billing/entitlements';
import { getPhase } from '@/lib/content/programme';
import { consumeRateLimits, describeWait } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';
import { moveAdvice } from './progress';
import { completionInputSchema, loadMemberProgramme, phaseDefinitions, recordCompletion, restartProgramme, setCurrentPhase } from './store';

const NOT_MEMBER: FormState = { status: 'error', message: 'The programme is for members. Your membership may have ended: see your account page.' };
const text = (form: FormData, key: string) => (typeof form.get(key) === 'string' ? (form.get(key) as string) : '');

async function memberOnly(returnTo: string) {
  const user = await requireUser(returnTo);
  return (await getEntitlements(user.id)).premium ? user : null;
}

function refreshProgrammePages() {
  revalidatePath('/programme', 'layout');
  revalidatePath('/dashboard');
}

export async function completeSessionAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = completionInputSchema.safeParse({
    phaseSlug: text(form, 'phaseSlug'),
    sessionSlug: text(form, 'sessionSlug'),
    requestKey: text(form, 'requestKey'),
    note: text(form, 'note'),
    effort: text(form, 'effort'),
    pain: text(form, 'pain'),
  });
  const returnTo = parsed.success ? `/programme/${parsed.data.phaseSlug}/${parsed.data.sessionSlug}` : '/programme';
  const user = await memberOnly(returnTo);
  if (!user) return NOT_MEMBER;
  if (!parsed.success) return { status: 'error', message: 'Please check the form.', fieldErrors: fieldErrorsOf(parsed.error.issues), values: { note: text(form, 'note').slice(0, 500) } };
  const phase = getPhase(parsed.data.phaseSlug);
  if (!phase?.sessions.some((s) => s.slug === parsed.data.sessionSlug)) return { status: 'error', message: 'That session no longer exists.' };
  const limit = await consumeRateLimits([{ rule: rateLimits.completionsPerUser, subject: user.id }]);
  if (!limit.allowed) return { status: 'error', message: `That is a lot of sessions in a short time. Please try again ${describeWait(limit.retryAfterSeconds)}.` };

  await recordCompletion(user.id, parsed.data);
  refreshProgrammePages();
  const progress = (await loadMemberProgramme(user.id)).overview.phases.find((p) => p.phaseSlug === phase.slug)!;
  const justFinishedRun = progress.currentRun.done.length === 0 && progress.completedRuns.length > 0;
  const message = justFinishedRun
    ? `Session recorded. That completes run ${progress.completedRuns.length} of ${phase.title}. ${progress.readiness.message}`
    : `Session recorded. Run ${progress.currentRun.number}: ${progress.currentRun.done.length} of ${phase.sessions.length} sessions done.`;
  return { status: 'success', message };
}

export async function moveToPhaseAction(_: FormState, form: FormData): Promise<FormState> {
  const phaseSlug = z.string().min(1).max(80).safeParse(form.get('phaseSlug'));
  const user = await memberOnly(phaseSlug.success ? `/programme/${phaseSlug.data}` : '/programme');
  if (!user) return NOT_MEMBER;
  if (!phaseSlug.success || !getPhase(phaseSlug.data)) return { status: 'error', message: 'Choose a phase of the programme.' };
  const { overview } = await loadMemberProgramme(user.id);
  const advice = moveAdvice(overview, phaseDefinitions(), phaseSlug.data);
  if (advice.kind === 'current') return { status: 'success', message: 'This is already your current phase.' };
  if (advice.kind === 'not-recommended' && form.get('confirm') !== 'yes') {
    return { status: 'error', message: `Not recommended yet: ${advice.why} Tick the box to move anyway.` };
  }
  await setCurrentPhase(user.id, phaseSlug.data);
  refreshProgrammePages();
  return { status: 'success', message: `${getPhase(phaseSlug.data)!.title} is now your current phase.` };
}

export async function restartProgrammeAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await memberOnly('/programme');
  if (!user) return NOT_MEMBER;
  if (form.get('confirm') !== 'yes') return { status: 'error', message: 'Tick the box to confirm you want to start again.' };
  await restartProgramme(user.id);
  refreshProgrammePages();
  return { status: 'success', message: 'Programme restarted from Phase One. Your earlier sessions stay in your history.' };
}
