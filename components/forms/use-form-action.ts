'use client';
import { useActionState } from 'react';
import { idleForm, type FormState } from '@/lib/auth/form-state';

/** A form's server action with its field errors and the values to put back after an error. */
export function useFormAction(serverAction: (state: FormState, form: FormData) => Promise<FormState>) {
  const [state, action, pending] = useActionState(serverAction, idleForm);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  return { state, action, pending, errors, values };
}
