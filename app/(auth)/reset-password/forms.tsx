'use client';
import { Field } from '@/components/forms/field';
import { FormMessage } from '@/components/forms/form-message';
import { usePasswordLengthGuard } from '@/components/forms/password-length-guard';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFormAction } from '@/components/forms/use-form-action';
import { requestPasswordResetAction, resetPasswordAction } from '@/lib/auth/reset-password';

export function RequestResetForm() {
  const { state, action, errors, values } = useFormAction(requestPasswordResetAction);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={values?.email} error={errors?.email} />
      <SubmitButton pendingLabel="Sending…">Email me a reset link</SubmitButton>
    </form>
  );
}

export function NewPasswordForm({ token, minLength, maxLength }: { token: string; minLength: number; maxLength: number }) {
  const { state, action, errors } = useFormAction(resetPasswordAction);
  const { passwordError, onSubmit } = usePasswordLengthGuard(maxLength);
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <Field label="New password" name="password" type="password" autoComplete="new-password" required minLength={minLength} hint={`At least ${minLength} characters.`} error={passwordError ?? errors?.password} />
      <SubmitButton pendingLabel="Saving…">Save new password</SubmitButton>
    </form>
  );
}
