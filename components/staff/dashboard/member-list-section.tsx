// The member list with its filters: a plain GET form, so filtering works without
// JavaScript and each filtered view has its own address.
import Link from 'next/link';
import { DashboardSection } from './dashboard-section';
import { DisplayName } from '@/components/site/display-name';
import type { Dashboard } from '@/lib/dashboard/dashboard';
import { NO_PHASE } from '@/lib/dashboard/member-list';
import { MEMBER_STATUSES, STATUS_LABELS } from '@/lib/dashboard/member-status';
import { dayLabel, daysAgo, progressHref } from './format';

const field = 'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';

export function MemberListSection({ dashboard }: { dashboard: Dashboard }) {
  const { list, phases, now } = dashboard;
  const titleOf = (slug: string | null) => (slug === null ? 'Not started' : (phases.find((p) => p.slug === slug)?.title ?? slug));
  return (
    <DashboardSection id="member-list" title="Member list">
      <form method="get" action="/staff" role="search" aria-label="Filter the member list" className="mt-4 grid grid-cols-2 items-end gap-3 rounded-xl bg-sand-50 p-4 sm:grid-cols-[1fr_1fr_auto]">
        <div>
          <label htmlFor="dashboard-phase" className="block text-sm font-medium">Phase</label>
          <select id="dashboard-phase" name="phase" defaultValue={list.filter.phase ?? ''} className={field}>
            <option value="">Any phase</option>
            {phases.map((p) => <option key={p.slug} value={p.slug}>{p.title}</option>)}
            <option value={NO_PHASE}>Not started</option>
          </select>
        </div>
        <div>
          <label htmlFor="dashboard-status" className="block text-sm font-medium">Status</label>
          <select id="dashboard-status" name="status" defaultValue={list.filter.status ?? ''} className={field}>
            <option value="">Any status</option>
            {MEMBER_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </div>
        <div className="col-span-2 flex gap-3 sm:col-span-1">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">Filter</button>
          {(list.filter.phase || list.filter.status) && <Link href="/staff#member-list" className="self-center text-sm text-brand-700 underline">Clear</Link>}
        </div>
      </form>
      <p className="mt-3 text-sm text-slate-700" data-testid="member-list-total">
        {list.total === 0 ? 'No members match.' : `${list.total.toLocaleString('en-GB')} ${list.total === 1 ? 'member' : 'members'}${list.total > list.rows.length ? `, the ${list.rows.length} who joined most recently shown` : ''}.`}
      </p>
      {list.rows.length > 0 && (
        <div className="mt-2 overflow-x-auto" role="region" aria-label="Member list table" tabIndex={0}>
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">Members matching the filters, newest first</caption>
            <thead>
              <tr className="border-b border-sand-200">
                <th scope="col" className="py-2 pr-3">Member</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2 pr-3">Phase</th>
                <th scope="col" className="py-2 pr-3">Joined</th>
                <th scope="col" className="py-2 pr-3">Last session</th>
                <th scope="col" className="py-2 text-right">Sessions, 30 days</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((m) => (
                <tr key={m.userId} className="border-b border-sand-100">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={progressHref(m.userId)} className="text-brand-700 underline"><DisplayName name={m.name} fallback={m.email} /></Link>
                  </th>
                  <td className="py-2 pr-3">{STATUS_LABELS[m.status]}</td>
                  <td className="py-2 pr-3">{titleOf(m.phaseSlug)}</td>
                  <td className="py-2 pr-3">{dayLabel(m.joinedAt)} {m.joinedAt.getUTCFullYear()}</td>
                  <td className="py-2 pr-3">{m.lastCompletedAt ? daysAgo(m.lastCompletedAt, now) : '–'}</td>
                  <td className="py-2 text-right tabular-nums">{m.recentSessions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </DashboardSection>
  );
}
