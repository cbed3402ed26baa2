'use client';
import { useActionState } from 'react';
import { idleResult, type ActionResult } from '@/lib/viewer/action-result';

/** A form's server action with its field errors and the values to put back after an error. */
export function useFormAction(serverAction: (state: ActionResult, form: FormData) => Promise<ActionResult>) {
  const [state, action, pending] = useActionState(serverAction, idleResult);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  return { state, action, pending, errors, values };
}
