'use client';
import { Field } from '@/components/forms/field';
import { FormMessage } from '@/components/forms/form-message';
import { usePasswordLengthGuard } from '@/components/forms/password-length-guard';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFormAction } from '@/components/forms/use-form-action';
import { changeNameAction, changePasswordAction, deleteAccountAction, requestEmailChangeAction } from '@/lib/auth/account-actions';

function CurrentPassword({ error, id }: { error?: string; id: string }) {
  return <Field label="Current password" name="currentPassword" id={id} type="password" autoComplete="current-password" required error={error} />;
}

export function ChangeNameForm({ name }: { name: string }) {
  const { state, action, errors, values } = useFormAction(changeNameAction);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="Your name" name="name" autoComplete="name" required maxLength={80} defaultValue={values?.name ?? name} hint="Shown beside your questions and comments." error={errors?.name} />
      <SubmitButton pendingLabel="Saving…">Save name</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm({ hasPassword, minLength, maxLength }: { hasPassword: boolean; minLength: number; maxLength: number }) {
  const { state, action, errors } = useFormAction(changePasswordAction);
  const { passwordError, onSubmit } = usePasswordLengthGuard(maxLength, 'newPassword');
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {hasPassword && <CurrentPassword id="pw-current" error={errors?.currentPassword} />}
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={minLength} hint={`At least ${minLength} characters.`} error={passwordError ?? errors?.newPassword} />
      <SubmitButton pendingLabel="Saving…">{hasPassword ? 'Change password' : 'Set a password'}</SubmitButton>
    </form>
  );
}

export function ChangeEmailForm({ hasPassword }: { hasPassword: boolean }) {
  const { state, action, errors, values } = useFormAction(requestEmailChangeAction);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="New email address" name="newEmail" type="email" autoComplete="email" required defaultValue={values?.newEmail} error={errors?.newEmail} />
      {hasPassword && <CurrentPassword id="email-current" error={errors?.currentPassword} />}
      <SubmitButton pendingLabel="Sending…">Send a confirmation link</SubmitButton>
    </form>
  );
}

export function DeleteAccountForm({ hasPassword }: { hasPassword: boolean }) {
  const { state, action, errors } = useFormAction(deleteAccountAction);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="Type DELETE to confirm" name="confirm" autoComplete="off" required error={errors?.confirm} />
      {hasPassword && <CurrentPassword id="delete-current" error={errors?.currentPassword} />}
      <button type="submit" className="w-full rounded-full bg-coral-700 px-5 py-2.5 font-semibold text-white hover:bg-red-800">Delete my account</button>
    </form>
  );
}
