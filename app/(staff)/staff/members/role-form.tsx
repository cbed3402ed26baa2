'use client';
import { useActionState } from 'react';
import { idleResult } from '@/lib/viewer/action-result';
import { changeRoleAction } from '@/lib/auth/staff-actions';

export function RoleForm({ userId, role, label }: { userId: string; role: string; label: string }) {
  const [state, action, pending] = useActionState(changeRoleAction, idleResult);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label className="sr-only" htmlFor={`role-${userId}`}>Role for <bdi>{label}</bdi></label>
      <select id={`role-${userId}`} name="role" defaultValue={role} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
        <option value="MEMBER">Member</option>
        <option value="COACH">Coach</option>
        <option value="ADMIN">Admin</option>
      </select>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-70">
        {pending ? 'Saving…' : 'Save'}
        <span className="sr-only"> role for <bdi>{label}</bdi></span>
      </button>
      <span role={state.status === 'error' ? 'alert' : 'status'} className={`text-xs ${state.status === 'error' ? 'text-coral-700' : 'text-brand-700'}`}>
        {state.status !== 'idle' ? state.message : ''}
      </span>
    </form>
  );
}
