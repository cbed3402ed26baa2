// Read-only views of a member's progress, shared by the member's dashboard and the
// coach's view of a member.
import Link from 'next/link';
import type { ProgrammePhase } from '@/lib/content/programme';
import type { PhaseProgress } from '@/lib/programme/progress';
import type { CompletionRow } from '@/lib/programme/store';

const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export function RunsPerPhase({ phases, progress, currentSlug }: { phases: ProgrammePhase[]; progress: PhaseProgress[]; currentSlug: string }) {
  return (
    <ul className="space-y-3">
      {phases.map((phase) => {
        const p = progress.find((x) => x.phaseSlug === phase.slug)!;
        const current = phase.slug === currentSlug;
        return (
          <li key={phase.slug} className={`rounded-xl border p-4 ${current ? 'border-brand-600 bg-brand-50' : 'border-sand-200'}`} aria-current={current ? 'step' : undefined}>
            <p className="font-semibold">
              <Link href={phase.url} className="hover:underline">{phase.title}</Link>
              {current && <span className="ml-2 inline-block whitespace-nowrap rounded-full bg-brand-600 px-2 py-0.5 text-xs font-medium text-white">Current phase</span>}
            </p>
            <p className="mt-1 text-sm" data-testid={`runs-${phase.slug}`}>{p.countedRuns} of {phase.recommendedRuns} runs</p>
            <p className="text-sm text-slate-600">This run: {p.currentRun.done.length} of {phase.sessions.length} sessions done</p>
          </li>
        );
      })}
    </ul>
  );
}

export function CompletionTimeline({ completions, phases }: { completions: CompletionRow[]; phases: ProgrammePhase[] }) {
  const titles = new Map(phases.flatMap((p) => p.sessions.map((s) => [`${p.slug}/${s.slug}`, `${p.title.split(':')[0]}: ${s.title}`] as const)));
  const recent = [...completions].reverse().slice(0, 30);
  if (recent.length === 0) return <p className="text-sm text-slate-600">No sessions yet. Your first one will show here.</p>;
  const byDay = new Map<string, CompletionRow[]>();
  for (const c of recent) {
    const key = c.completedAt.toISOString().slice(0, 10);
    byDay.set(key, [...(byDay.get(key) ?? []), c]);
  }
  return (
    <ol className="space-y-4">
      {[...byDay].map(([key, items]) => (
        <li key={key}>
          <h3 className="text-sm font-semibold"><time dateTime={key}>{day.format(new Date(`${key}T00:00:00Z`))}</time></h3>
          <ul className="mt-1 space-y-1 text-sm">
            {items.map((c) => (
              <li key={c.id}>
                {titles.get(`${c.phaseSlug}/${c.sessionSlug}`) ?? c.sessionSlug}
                {(c.effort !== null || c.pain !== null) && <span className="text-slate-600"> · effort {c.effort ?? '–'}, pain {c.pain ?? '–'}</span>}
                {c.note && <span className="block text-slate-600">“{c.note}”</span>}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** Pain and effort over time as a small line chart, with the same numbers as a table for screen readers. */
export function RatingsChart({ completions }: { completions: CompletionRow[] }) {
  const points = completions.filter((c) => c.effort !== null || c.pain !== null).slice(-20);
  if (points.length === 0) return <p className="text-sm text-slate-600">No ratings yet. Rate effort and pain when you mark a session complete, and they show here.</p>;
  const width = 320;
  const height = 120;
  // One rating sits in the middle; more spread across.
  const x = (i: number) => (points.length === 1 ? width / 2 : 20 + (i * (width - 30)) / (points.length - 1));
  const y = (v: number) => height - 15 - (v * (height - 25)) / 10;
  const line = (key: 'effort' | 'pain') =>
    points.map((p, i) => (p[key] === null ? null : `${x(i)},${y(p[key]!)}`)).filter(Boolean).join(' ');
  return (
    <figure data-testid="ratings-chart">
      <svg viewBox={`0 0 ${width} ${height}`} className="w-full max-w-md" aria-hidden="true">
        {[0, 5, 10].map((v) => (
          <g key={v}>
            <line x1={20} x2={width - 10} y1={y(v)} y2={y(v)} stroke="#e7e1d6" />
            <text x={2} y={y(v) + 4} fontSize="10" fill="#475569">{v}</text>
          </g>
        ))}
        <polyline points={line('effort')} fill="none" stroke="#0f766e" strokeWidth="2" />
        <polyline points={line('pain')} fill="none" stroke="#c2410c" strokeWidth="2" strokeDasharray="4 3" />
        {/* Dots too: a line needs two ratings, a dot shows the first one. */}
        {points.map((p, i) => (
          <g key={p.id}>
            {p.effort !== null && <circle cx={x(i)} cy={y(p.effort)} r="3" fill="#0f766e" />}
            {p.pain !== null && <rect x={x(i) - 3} y={y(p.pain) - 3} width="6" height="6" fill="#c2410c" />}
          </g>
        ))}
      </svg>
      <figcaption className="mt-1 flex gap-4 text-xs text-slate-700">
        <span><span aria-hidden="true" className="mr-1 inline-block h-0.5 w-4 bg-brand-700 align-middle" />Effort</span>
        <span><span aria-hidden="true" className="mr-1 inline-block h-0.5 w-4 border-t-2 border-dashed border-orange-700 align-middle" />Pain</span>
      </figcaption>
      <table className="sr-only">
        <caption>Effort and pain ratings, oldest first</caption>
        <thead><tr><th scope="col">Date</th><th scope="col">Effort</th><th scope="col">Pain</th></tr></thead>
        <tbody>
          {points.map((p) => <tr key={p.id}><td>{shortDay.format(p.completedAt)}</td><td>{p.effort ?? 'not rated'}</td><td>{p.pain ?? 'not rated'}</td></tr>)}
        </tbody>
      </table>
    </figure>
  );
}
