import type { ReactNode } from 'react';

/** One part of the dashboard: a landmark named by its heading (`id` is also its link target). */
export function DashboardSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-12">
      <h2 id={id} className="text-2xl font-bold tracking-tight">{title}</h2>
      {children}
    </section>
  );
}
