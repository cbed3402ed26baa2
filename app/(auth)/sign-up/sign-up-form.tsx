'use client';
import { Field } from '@/components/forms/field';
import { usePasswordLengthGuard } from '@/components/forms/password-length-guard';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFormAction } from '@/components/forms/use-form-action';
import { signUpAction } from '@/lib/auth/actions';

export function SignUpForm({ minLength, maxLength, callbackUrl }: { minLength: number; maxLength: number; callbackUrl: string }) {
  const { state, action, errors, values } = useFormAction(signUpAction);
  const { passwordError, onSubmit } = usePasswordLengthGuard(maxLength);
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Your name" name="name" autoComplete="name" required maxLength={80} defaultValue={values?.name} error={errors?.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={values?.email} error={errors?.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
        hint={`At least ${minLength} characters. A few unrelated words make a strong password.`}
        error={passwordError ?? errors?.password}
      />
      {/* Unticked unless the person ticks it: consent is asked, never assumed. */}
      <div className="flex items-start gap-3">
        <input id="sign-up-newsletter" name="newsletter" type="checkbox" defaultChecked={values?.newsletter === 'on'} className="mt-1 h-4 w-4 rounded border-slate-300 text-brand-600" />
        <label htmlFor="sign-up-newsletter" className="text-sm text-ink">Get new articles and episodes by email</label>
      </div>
      <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
