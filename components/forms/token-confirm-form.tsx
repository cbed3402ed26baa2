'use client';
import type { ActionResult } from '@/lib/viewer/action-result';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';
import { useFormAction } from './use-form-action';

/** A one-button form that spends an emailed token on POST (scanners only GET links). */
export function TokenConfirmForm({
  token,
  serverAction,
  label,
  pendingLabel,
  next,
  fields,
}: {
  token: string;
  /** Where to continue afterwards (a same-site path; the action re-checks it). */
  next?: string;
  serverAction: (state: ActionResult, form: FormData) => Promise<ActionResult>;
  label: string;
  pendingLabel: string;
  /** More hidden fields the action reads (e.g. which email category). */
  fields?: Record<string, string>;
}) {
  const { state, action } = useFormAction(serverAction);
  return (
    <form action={action} className="mt-6 space-y-4">
      <input type="hidden" name="token" value={token} />
      {next && <input type="hidden" name="next" value={next} />}
      {Object.entries(fields ?? {}).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <FormMessage state={state} />
      <SubmitButton pendingLabel={pendingLabel}>{label}</SubmitButton>
    </form>
  );
}
