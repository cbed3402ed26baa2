import type { InputHTMLAttributes } from 'react';

/** A labelled input whose error is announced and tied to it for screen readers. */
export function Field({ label, name, id = name, error, hint, ...input }: { label: string; name: string; id?: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">{label}</label>
      {hint && <p id={`${id}-hint`} className="text-xs text-slate-600">{hint}</p>}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="w-full rounded-lg border border-slate-300 px-3 py-2.5 text-base aria-invalid:border-coral-700"
        {...input}
      />
      {error && <p id={`${id}-error`} className="text-sm text-coral-700">{error}</p>}
    </div>
  );
}
