'use client';
// The programme's forms: mark a session complete (once per page load, however often
// the button is pressed), move to another phase, restart. Results are announced.
import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { UrgentCareNotice } from '@/components/forms/urgent-care-notice';
import { SubmitButton } from '@/components/forms/submit-button';
import { idleResult } from '@/lib/viewer/action-result';
import { completeSessionAction, moveToPhaseAction, restartProgrammeAction } from '@/lib/programme/actions';

const RATINGS = Array.from({ length: 11 }, (_, i) => i);

function RatingSelect({ name, label, hint }: { name: string; label: string; hint: string }) {
  return (
    <div>
      <label htmlFor={`rating-${name}`} className="block text-sm font-medium">{label}</label>
      <p id={`rating-${name}-hint`} className="text-xs text-slate-600">{hint}</p>
      <select id={`rating-${name}`} name={name} aria-describedby={`rating-${name}-hint`} defaultValue="" className="mt-1 rounded-md border border-slate-300 px-2 py-1.5">
        <option value="">Skip</option>
        {RATINGS.map((n) => <option key={n} value={n}>{n}</option>)}
      </select>
    </div>
  );
}

export function CompleteSessionForm({ phaseSlug, sessionSlug, requestKey }: { phaseSlug: string; sessionSlug: string; requestKey: string }) {
  const [state, action] = useActionState(completeSessionAction, idleResult);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="phaseSlug" value={phaseSlug} />
      <input type="hidden" name="sessionSlug" value={sessionSlug} />
      {/* The same key for every press on this page load: a double click records once. */}
      <input type="hidden" name="requestKey" value={requestKey} />
      <div className="flex flex-wrap gap-6">
        <RatingSelect name="effort" label="Effort (0–10)" hint="0 easy, 10 the hardest you can do" />
        <RatingSelect name="pain" label="Back pain (0–10)" hint="0 none, 10 the worst imaginable" />
      </div>
      <div>
        <label htmlFor="completion-note" className="block text-sm font-medium">Note for yourself (optional)</label>
        <textarea id="completion-note" name="note" maxLength={500} rows={3} aria-invalid={Boolean(errors?.note)} aria-describedby={errors?.note ? 'completion-note-error' : undefined} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" defaultValue={state.status === 'error' ? state.values?.note : undefined} />
        {errors?.note && <p id="completion-note-error" className="mt-1 text-sm text-coral-700">{errors.note}</p>}
      </div>
      {state.status === 'success' && state.data?.urgentCare ? <UrgentCareNotice saved={state.message} message={state.data.urgentCare} /> : <FormMessage state={state} />}
      {state.status !== 'success' && <div className="max-w-xs"><SubmitButton pendingLabel="Recording…">Mark complete</SubmitButton></div>}
      {state.status === 'success' && <p className="text-sm"><a href="" className="text-brand-700 underline">Do this session again</a></p>}
    </form>
  );
}

export function MovePhaseForm({ phaseSlug, phaseTitle, notRecommendedWhy }: { phaseSlug: string; phaseTitle: string; notRecommendedWhy: string | null }) {
  const [state, action] = useActionState(moveToPhaseAction, idleResult);
  const [confirmed, setConfirmed] = useState(false);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="phaseSlug" value={phaseSlug} />
      {notRecommendedWhy && (
        <div className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-semibold">Not recommended yet</p>
          <p className="mt-1">{notRecommendedWhy}</p>
          <label className="mt-2 flex items-center gap-2">
            <input type="checkbox" name="confirm" value="yes" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            I understand and want to move to {phaseTitle} anyway
          </label>
        </div>
      )}
      <FormMessage state={state} />
      <div className="max-w-xs"><SubmitButton pendingLabel="Moving…">{`Make ${phaseTitle.split(':')[0]} my current phase`}</SubmitButton></div>
    </form>
  );
}

export function RestartProgrammeForm() {
  const [state, action] = useActionState(restartProgrammeAction, idleResult);
  return (
    <form action={action} className="space-y-3">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="confirm" value="yes" />
        Start again from Phase One (your history stays)
      </label>
      <FormMessage state={state} />
      <div className="max-w-xs"><SubmitButton pendingLabel="Restarting…">Restart the programme</SubmitButton></div>
    </form>
  );
}

/** Ticks for following along; they help the member keep their place and are not saved. */
export function ExerciseChecklist({ exercises }: { exercises: { name: string; detail: string }[] }) {
  const [done, setDone] = useState<boolean[]>(() => exercises.map(() => false));
  const count = done.filter(Boolean).length;
  return (
    <fieldset>
      <legend className="text-sm font-medium">Tick off each exercise as you go</legend>
      <p className="text-sm text-slate-600" aria-live="polite">{count} of {exercises.length} done</p>
      <ul className="mt-2 space-y-1">
        {exercises.map((e, i) => (
          <li key={e.name}>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={done[i]} onChange={(ev) => setDone((d) => d.map((v, j) => (j === i ? ev.target.checked : v)))} />
              <span>{e.name} <span className="text-slate-600">({e.detail})</span></span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
