'use client';
import { Field } from '@/components/forms/field';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFormAction } from '@/components/forms/use-form-action';
import { forgetViewer } from '@/components/site/use-me';
import { requestMagicLinkAction, signInAction } from '@/lib/auth/actions';

export function PasswordSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const { state, action, errors, values } = useFormAction(signInAction);
  return (
    // Signing in ends on another page without a reload: the header asks who is viewing there.
    <form action={action} onSubmit={forgetViewer} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage state={state} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={values?.email} error={errors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={errors?.password} />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}

export function MagicLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const { state, action, errors, values } = useFormAction(requestMagicLinkAction);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage state={state} />
      <Field label="Email for the sign-in link" name="email" id="link-email" type="email" autoComplete="email" required defaultValue={values?.email} error={errors?.email} />
      <SubmitButton pendingLabel="Sending…">Email me a sign-in link</SubmitButton>
    </form>
  );
}
