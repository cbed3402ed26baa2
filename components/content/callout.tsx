import type { ReactNode } from 'react';

const styles = {
  tip: { label: 'Tip', box: 'border-brand-600 bg-brand-50' },
  note: { label: 'Note', box: 'border-slate-400 bg-slate-50' },
  warning: { label: 'Important', box: 'border-coral-700 bg-orange-50' },
} as const;

export function Callout({ type = 'note', children }: { type?: keyof typeof styles; children: ReactNode }) {
  const style = styles[type] ?? styles.note;
  return (
    <div role="note" className={`not-prose my-6 rounded-r-xl border-l-4 px-5 py-4 text-[0.95rem] leading-relaxed ${style.box}`}>
      <p className="mb-1 font-semibold">{style.label}</p>
      <div className="[&_a]:text-brand-700 [&_a]:underline [&_p]:my-2 [&_strong]:font-semibold">{children}</div>
    </div>
  );
}
