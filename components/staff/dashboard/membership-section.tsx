// Members and (for admins only: the page passes `money` only to them) the business.
import Link from 'next/link';
import { formatPrice } from '@/lib/billing/plans';
import type { Dashboard, MoneyFigures } from '@/lib/dashboard/dashboard';
import { DashboardSection } from './dashboard-section';
import { FigureTiles } from './figure-tiles';
import { formatPercent, monthLabel } from './format';
import { TrendChart } from './trend-chart';

const BRAND = 'var(--color-brand-700)';
const CORAL = 'var(--color-coral-700)';

function MoneyPart({ money, labels, exportHref }: { money: MoneyFigures; labels: string[]; exportHref: string }) {
  const money0 = (amount: number) => formatPrice({ amount: Math.round(amount), currency: money.currency });
  const current = money.months[money.months.length - 1];
  const previous = money.months[money.months.length - 2];
  return (
    <section aria-labelledby="money-heading" className="mt-8" data-testid="money-figures">
      <h3 id="money-heading" className="text-lg font-semibold">Revenue (admins only)</h3>
      {money.pricesUnavailable && <p className="mt-2 text-sm text-coral-700">Prices could not be read from Stripe: MRR counts every subscription as 0.</p>}
      {money.unpricedSubscriptions > 0 && <p className="mt-2 text-sm text-slate-700">{money.unpricedSubscriptions} live subscriptions are on a price no longer on sale and count as 0.</p>}
      <FigureTiles
        label="Revenue"
        tiles={[
          { label: 'MRR', value: money0(current.mrr), note: 'Monthly recurring revenue; annual plans ÷ 12, trials excluded', testId: 'mrr' },
          { label: 'Churn this month', value: formatPercent(current.churn), note: `Last month ${formatPercent(previous?.churn ?? 0)}` },
        ]}
      />
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <TrendChart title="MRR, last 12 months" labels={labels} series={[{ name: 'MRR', values: money.months.map((m) => m.mrr), color: BRAND }]} format={money0} />
        <TrendChart title="Monthly churn, last 12 months" labels={labels} series={[{ name: 'Churn', values: money.months.map((m) => m.churn), color: CORAL }]} format={formatPercent} />
      </div>
      <p className="mt-4">
        <Link href={exportHref} className="text-brand-700 underline" prefetch={false}>Download the member list (CSV)</Link>
        <span className="text-sm text-slate-700"> with the filters below</span>
      </p>
    </section>
  );
}

export function MembershipSection({ dashboard, exportHref }: { dashboard: Dashboard; exportHref: string }) {
  const { counts, months, money } = dashboard;
  const labels = months.map((m) => monthLabel(m.month));
  const thisMonth = months[months.length - 1];
  const n = (v: number) => v.toLocaleString('en-GB');
  return (
    <DashboardSection id="members-heading" title="Members">
      <FigureTiles
        label="Members by status"
        tiles={[
          { label: 'Active', value: n(counts.active), testId: 'count-active' },
          { label: 'Trialing', value: n(counts.trialing) },
          { label: 'Past due', value: n(counts.past_due), note: 'Card failed; access until the period ends' },
          { label: 'Cancelling', value: n(counts.cancelling), note: 'Access until the period ends' },
          { label: 'Complimentary', value: n(counts.complimentary) },
          { label: 'New this month', value: n(thisMonth.joined) },
          { label: 'Lapsed this month', value: n(thisMonth.lapsed) },
        ]}
      />
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <TrendChart title="Members with a subscription, last 12 months" labels={labels} series={[{ name: 'Members', values: months.map((m) => m.members), color: BRAND }]} format={n} />
        <TrendChart
          title="Joined and lapsed per month"
          labels={labels}
          series={[{ name: 'Joined', values: months.map((m) => m.joined), color: BRAND }, { name: 'Lapsed', values: months.map((m) => m.lapsed), color: CORAL }]}
          format={n}
        />
      </div>
      {money && <MoneyPart money={money} labels={labels} exportHref={exportHref} />}
    </DashboardSection>
  );
}
