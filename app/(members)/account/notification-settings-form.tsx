'use client';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFormAction } from '@/components/forms/use-form-action';
import { updateNotificationSettingsAction } from '@/lib/comments/notification-actions';

export type CoachQuestionMailChoice = 'IMMEDIATE' | 'DAILY_DIGEST' | 'OFF';

const coachChoices: { value: CoachQuestionMailChoice; label: string }[] = [
  { value: 'IMMEDIATE', label: 'Email each one at once' },
  { value: 'DAILY_DIGEST', label: 'One email a day' },
  { value: 'OFF', label: 'Don’t email' },
];

/** A lifecycle email category the member may turn off (lib/lifecycle/kinds.ts), and whether it is on. */
export interface LifecycleChoice {
  field: string;
  about: string;
  on: boolean;
}

/** Which comment and membership emails to get. Member questions are offered to coaches and admins only. */
export function NotificationSettingsForm({
  settings,
  isStaff,
  lifecycle,
}: {
  settings: { replies: boolean; coachQuestions: CoachQuestionMailChoice };
  isStaff: boolean;
  lifecycle: LifecycleChoice[];
}) {
  const { state, action, errors } = useFormAction(updateNotificationSettingsAction);
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <div className="flex items-start gap-3">
        <input
          id="notify-replies"
          name="replies"
          type="checkbox"
          defaultChecked={settings.replies}
          className="mt-1 h-4 w-4 rounded border-slate-300 text-brand-600"
        />
        <label htmlFor="notify-replies" className="text-sm text-ink">
          Email me when someone replies to my comments
        </label>
      </div>
      {isStaff && (
        <fieldset aria-describedby={errors?.coachQuestions ? 'notify-coach-error' : undefined}>
          <legend className="text-sm font-medium text-ink">New member questions</legend>
          <div className="mt-2 space-y-2">
            {coachChoices.map((choice) => (
              <div key={choice.value} className="flex items-center gap-3">
                <input
                  id={`notify-coach-${choice.value}`}
                  name="coachQuestions"
                  type="radio"
                  value={choice.value}
                  defaultChecked={settings.coachQuestions === choice.value}
                  className="h-4 w-4 border-slate-300 text-brand-600"
                />
                <label htmlFor={`notify-coach-${choice.value}`} className="text-sm text-ink">
                  {choice.label}
                </label>
              </div>
            ))}
          </div>
          {errors?.coachQuestions && <p id="notify-coach-error" className="mt-2 text-sm text-coral-700">{errors.coachQuestions}</p>}
        </fieldset>
      )}
      <fieldset>
        <legend className="text-sm font-medium text-ink">Membership emails</legend>
        <input type="hidden" name="lifecycle-form" value="1" />
        <div className="mt-2 space-y-2">
          {lifecycle.map((choice) => (
            <div key={choice.field} className="flex items-start gap-3">
              <input id={`notify-${choice.field}`} name={choice.field} type="checkbox" defaultChecked={choice.on} className="mt-1 h-4 w-4 rounded border-slate-300 text-brand-600" />
              <label htmlFor={`notify-${choice.field}`} className="text-sm text-ink">Email me about {choice.about}</label>
            </div>
          ))}
        </div>
        <p className="mt-2 text-sm text-slate-600">An email about a failed card payment always comes: it is about your money and your access.</p>
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save email settings</SubmitButton>
    </form>
  );
}
