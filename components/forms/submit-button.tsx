'use client';
import { useFormStatus } from 'react-dom';

/** Disables itself and says what is happening while the form's action runs. */
export function SubmitButton({ children, pendingLabel }: { children: React.ReactNode; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className="w-full rounded-full bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
      {pending ? pendingLabel : children}
    </button>
  );
}
