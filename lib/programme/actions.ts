'use server';
// Programme actions, for entitled members (staff count as entitled). Each declares that
// to lib/viewer/action.ts: an action is a public endpoint whatever page renders its form.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getPhase } from '@/lib/content/programme';
import { env } from '@/lib/env';
import { rateLimits } from '@/lib/rate-limit/rules';
import { notifyCoachesOfRedFlagNote } from '@/lib/triage/notes';
import { findRedFlags } from '@/lib/triage/red-flags';
import { defineAction } from '@/lib/viewer/action';
import { failed, succeeded } from '@/lib/viewer/action-result';
import { moveAdvice } from './progress';
import { completionInputSchema, loadMemberProgramme, phaseDefinitions, recordCompletion, restartProgramme, setCurrentPhase } from './store';

function refreshProgrammePages() {
  revalidatePath('/programme', 'layout');
  revalidatePath('/dashboard');
}

/** A ticked checkbox sends "yes"; an unticked one sends nothing. */
const confirmed = z.literal('yes').optional();

export const completeSessionAction = defineAction({
  access: 'entitled',
  // The optional fields may be left out of the form entirely.
  input: z.preprocess((raw) => ({ note: '', effort: '', pain: '', ...(raw as object) }), completionInputSchema),
  invalid: 'Please check the form.',
  keep: ['note'],
  rateLimit: {
    rule: rateLimits.completionsPerUser,
    subject: (_input, { viewer }) => viewer.user.id,
    message: (wait) => `That is a lot of sessions in a short time. Please try again ${wait}.`,
  },
  async run(input, { viewer }) {
    const phase = getPhase(input.phaseSlug);
    if (!phase?.sessions.some((s) => s.slug === input.sessionSlug)) return failed('That session no longer exists.');
    const recorded = await recordCompletion(viewer.user.id, input);
    // A note with a red flag: every coach hears at once (once, however often the form is sent).
    const urgent = input.note !== null && findRedFlags(input.note).length > 0;
    if (recorded && urgent) await notifyCoachesOfRedFlagNote(viewer.user.id, input.requestKey).catch((error) => console.error('Red-flag note email failed:', error));
    refreshProgrammePages();
    const progress = (await loadMemberProgramme(viewer.user.id)).overview.phases.find((p) => p.phaseSlug === phase.slug)!;
    const justFinishedRun = progress.currentRun.done.length === 0 && progress.completedRuns.length > 0;
    return succeeded(
      justFinishedRun
        ? `Session recorded. That completes run ${progress.completedRuns.length} of ${phase.title}. ${progress.readiness.message}`
        : `Session recorded. Run ${progress.currentRun.number}: ${progress.currentRun.done.length} of ${phase.sessions.length} sessions done.`,
      urgent ? { urgentCare: env.URGENT_CARE_MESSAGE } : undefined,
    );
  },
});

export const moveToPhaseAction = defineAction({
  access: 'entitled',
  input: z.object({ phaseSlug: z.string().min(1).max(80).refine((slug) => getPhase(slug) !== undefined), confirm: confirmed.catch(undefined) }),
  invalid: 'Choose a phase of the programme.',
  async run({ phaseSlug, confirm }, { viewer }) {
    const { overview } = await loadMemberProgramme(viewer.user.id);
    const advice = moveAdvice(overview, phaseDefinitions(), phaseSlug);
    if (advice.kind === 'current') return succeeded('This is already your current phase.');
    if (advice.kind === 'not-recommended' && confirm !== 'yes') return failed(`Not recommended yet: ${advice.why} Tick the box to move anyway.`);
    await setCurrentPhase(viewer.user.id, phaseSlug);
    refreshProgrammePages();
    return succeeded(`${getPhase(phaseSlug)!.title} is now your current phase.`);
  },
});

export const restartProgrammeAction = defineAction({
  access: 'entitled',
  input: z.object({ confirm: z.literal('yes', { error: 'Tick the box to confirm you want to start again.' }) }),
  invalid: 'Tick the box to confirm you want to start again.',
  async run(_input, { viewer }) {
    await restartProgramme(viewer.user.id);
    refreshProgrammePages();
    return succeeded('Programme restarted from Phase One. Your earlier sessions stay in your history.');
  },
});
