'use client';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFormAction } from '@/components/forms/use-form-action';
import { updateNewsletterOptInAction } from '@/lib/newsletters/opt-in-actions';

/** New articles and episodes by email: the same choice as the sign-up box. */
export function NewsletterOptInForm({ subscribed }: { subscribed: boolean }) {
  const { state, action } = useFormAction(updateNewsletterOptInAction);
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <div className="flex items-start gap-3">
        <input id="notify-newsletter" name="newsletter" type="checkbox" defaultChecked={subscribed} className="mt-1 h-4 w-4 rounded border-slate-300 text-brand-600" />
        <label htmlFor="notify-newsletter" className="text-sm text-ink">Get new articles and episodes by email</label>
      </div>
      <SubmitButton pendingLabel="Saving…">Save newsletter choice</SubmitButton>
    </form>
  );
}
