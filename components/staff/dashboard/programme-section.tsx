// The programme: where members are, how much they train, who has gone quiet or is ready to
// move on and has not, and how pain and effort move in each phase.
import Link from 'next/link';
import { DashboardSection } from './dashboard-section';
import { DisplayName } from '@/components/site/display-name';
import type { Dashboard } from '@/lib/dashboard/dashboard';
import { QUIET_DAYS } from '@/lib/dashboard/programme';
import { dayLabel, daysAgo, monthLabel, progressHref } from './format';
import { TrendChart } from './trend-chart';

const BRAND = 'var(--color-brand-700)';
const CORAL = 'var(--color-coral-700)';
const SLATE = 'var(--color-slate-500)';

type Person = { userId: string; name: string | null; email: string };

function PersonLink({ person }: { person: Person }) {
  return (
    <Link href={progressHref(person.userId)} className="font-medium text-brand-700 underline">
      <DisplayName name={person.name} fallback={person.email} />
    </Link>
  );
}

export function ProgrammeSection({ dashboard }: { dashboard: Dashboard }) {
  const { phases, perPhase, weeks, quiet, stuck, trend, now } = dashboard;
  const titleOf = (slug: string | null) => (slug === null ? 'Not started' : (phases.find((p) => p.slug === slug)?.title ?? slug));
  const n = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 1 });
  const trendPhases = phases.filter((p) => trend.some((t) => t.phaseSlug === p.slug));
  return (
    <DashboardSection id="programme-heading" title="Programme">
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <div className="rounded-xl border border-sand-200 p-4">
          <table className="w-full text-left text-sm">
            <caption className="text-left text-sm font-semibold">Members with access, by phase</caption>
            <thead>
              <tr className="border-b border-sand-200"><th scope="col" className="py-2">Phase</th><th scope="col" className="py-2 text-right">Members</th></tr>
            </thead>
            <tbody>
              {perPhase.map((row) => (
                <tr key={row.phaseSlug ?? 'none'} className="border-b border-sand-100">
                  <th scope="row" className="py-2 font-normal">
                    <Link href={`/staff?phase=${row.phaseSlug ?? 'none'}#member-list`} className="text-brand-700 underline">{titleOf(row.phaseSlug)}</Link>
                  </th>
                  <td className="py-2 text-right tabular-nums">{n(row.members)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <TrendChart
          title="Runs completed per week, last 12 weeks"
          labels={weeks.map((w) => dayLabel(w.week))}
          series={[
            { name: 'Runs completed', values: weeks.map((w) => w.runs), color: BRAND },
            { name: 'Sessions', values: weeks.map((w) => w.sessions), color: CORAL },
            { name: 'Members training', values: weeks.map((w) => w.members), color: SLATE },
          ]}
          format={n}
        />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="quiet-heading" data-testid="gone-quiet">
          <h3 id="quiet-heading" className="text-lg font-semibold">Gone quiet ({n(quiet.total)})</h3>
          <p className="text-sm text-slate-700">Members with access and no session in {QUIET_DAYS} days, most recently active first.</p>
          {quiet.members.length === 0 ? <p className="mt-2 text-sm">Nobody: everyone with access trained in the last {QUIET_DAYS} days.</p> : (
            <ul className="mt-2 divide-y divide-sand-100 text-sm">
              {quiet.members.map((m) => (
                <li key={m.userId} className="flex flex-wrap justify-between gap-2 py-2">
                  <PersonLink person={m} />
                  <span className="text-slate-700">{m.lastCompletedAt ? `Last session ${daysAgo(m.lastCompletedAt, now)}` : 'Never started'} · {titleOf(m.phaseSlug)}</span>
                </li>
              ))}
            </ul>
          )}
          {quiet.total > quiet.members.length && <p className="mt-1 text-xs text-slate-600">Showing {quiet.members.length} of {n(quiet.total)}.</p>}
        </section>
        <section aria-labelledby="stuck-heading" data-testid="stuck">
          <h3 id="stuck-heading" className="text-lg font-semibold">Ready to move on, still in their phase ({n(stuck.total)})</h3>
          <p className="text-sm text-slate-700">They have done the recommended runs (the programme&apos;s readiness rule) and have not started the next phase.</p>
          {stuck.members.length === 0 ? <p className="mt-2 text-sm">Nobody right now.</p> : (
            <ul className="mt-2 divide-y divide-sand-100 text-sm">
              {stuck.members.map((m) => (
                <li key={m.userId} className="flex flex-wrap justify-between gap-2 py-2">
                  <PersonLink person={m} />
                  <span className="text-slate-700">{titleOf(m.phaseSlug)}: {m.countedRuns} of {m.recommendedRuns} runs · last session {daysAgo(m.lastCompletedAt, now)}</span>
                </li>
              ))}
            </ul>
          )}
          {stuck.total > stuck.members.length && <p className="mt-1 text-xs text-slate-600">Showing {stuck.members.length} of {n(stuck.total)}.</p>}
        </section>
      </div>

      <h3 className="mt-8 text-lg font-semibold">Pain and effort by phase</h3>
      <p className="text-sm text-slate-700">Monthly averages of the 0–10 ratings members give after a session.</p>
      {trendPhases.length === 0 ? <p className="mt-2 text-sm">No rated sessions in the last six months.</p> : (
        <div className="mt-4 grid gap-4 lg:grid-cols-3">
          {trendPhases.map((phase) => {
            const points = trend.filter((t) => t.phaseSlug === phase.slug);
            return (
              <TrendChart
                key={phase.slug}
                title={`${phase.title}: average pain and effort`}
                labels={points.map((p) => monthLabel(p.month))}
                series={[{ name: 'Pain', values: points.map((p) => p.pain ?? 0), color: CORAL }, { name: 'Effort', values: points.map((p) => p.effort ?? 0), color: BRAND }]}
                format={n}
              />
            );
          })}
        </div>
      )}
    </DashboardSection>
  );
}
