'use client';
// Forms that hand the member over to Stripe (Checkout, Customer Portal) or, for admins,
// grant and revoke complimentary access. Errors stay on the page; nothing is lost.
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { idleResult } from '@/lib/viewer/action-result';
import { grantCompAction, openPortalAction, revokeCompAction, startCheckoutAction } from '@/lib/billing/actions';

export function ChoosePlanForm({ plan, label, highlighted }: { plan: 'monthly' | 'annual'; label: string; highlighted: boolean }) {
  const [state, action] = useActionState(startCheckoutAction, idleResult);
  return (
    <form action={action} className="mt-6 space-y-3">
      <input type="hidden" name="plan" value={plan} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Opening secure checkout…">{highlighted ? `Continue: ${label}` : label}</SubmitButton>
    </form>
  );
}

export function ManageMembershipForm({ label = 'Manage membership and payment' }: { label?: string }) {
  const [state, action] = useActionState(openPortalAction, idleResult);
  return (
    <form action={action} className="mt-4 max-w-sm space-y-3">
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Opening billing portal…">{label}</SubmitButton>
    </form>
  );
}

const smallButton = 'rounded-md px-3 py-1 text-sm font-medium disabled:opacity-70';

export function CompForms({ userId, label, hasComp }: { userId: string; label: string; hasComp: boolean }) {
  const [grantState, grant, granting] = useActionState(grantCompAction, idleResult);
  const [revokeState, revoke, revoking] = useActionState(revokeCompAction, idleResult);
  const state = revokeState.status !== 'idle' ? revokeState : grantState;
  return (
    <div className="space-y-2">
      <form action={grant} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={userId} />
        <label className="text-xs text-slate-600">
          Comp until <span className="sr-only">for <bdi>{label}</bdi></span>(optional)
          <input type="date" name="endsAt" className="mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <button type="submit" disabled={granting} className={`${smallButton} bg-brand-600 text-white hover:bg-brand-700`}>
          {granting ? 'Granting…' : 'Grant comp'}<span className="sr-only"> to <bdi>{label}</bdi></span>
        </button>
      </form>
      {hasComp && (
        <form action={revoke}>
          <input type="hidden" name="userId" value={userId} />
          <button type="submit" disabled={revoking} className={`${smallButton} border border-slate-300 hover:bg-sand-50`}>
            {revoking ? 'Revoking…' : 'Revoke comp'}<span className="sr-only"> from <bdi>{label}</bdi></span>
          </button>
        </form>
      )}
      <p role={state.status === 'error' ? 'alert' : 'status'} className={`text-xs ${state.status === 'error' ? 'text-coral-700' : 'text-brand-700'}`}>
        {state.status !== 'idle' ? state.message : ''}
      </p>
    </div>
  );
}
