import type { Metadata } from 'next';
import Link from 'next/link';
import { MemberListSection } from '@/components/staff/dashboard/member-list-section';
import { MembershipSection } from '@/components/staff/dashboard/membership-section';
import { ProgrammeSection } from '@/components/staff/dashboard/programme-section';
import { QuestionsSection } from '@/components/staff/dashboard/questions-section';
import { DisplayName } from '@/components/site/display-name';
import { requireCoach } from '@/lib/auth/guards';
import { loadDashboard } from '@/lib/dashboard/dashboard';
import { parseMemberFilter } from '@/lib/dashboard/member-list';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Staff dashboard', robots: { index: false } };

const asOf = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TOOLS = [
  { href: '/staff/inbox', title: 'Coach inbox', text: 'Member questions waiting for an answer, and reported comments.' },
  { href: '/staff/members', title: 'Members', text: 'Find people, open their programme progress, manage roles and complimentary access.' },
  { href: '/dev/outbox', title: 'Outbox', text: 'Emails the site has sent (admins, or everyone in demo mode).' },
];

export default async function StaffDashboardPage({ searchParams }: Props) {
  const { user } = await requireCoach('/staff');
  const filter = parseMemberFilter(await searchParams);
  // Money figures are loaded for admins only, so a coach's HTML and RSC payload never carry them.
  const dashboard = await loadDashboard({ role: user.role, filter });
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return (
    <div className="container-page max-w-6xl py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight">Staff dashboard</h1>
      <p className="mt-2 text-slate-700">
        Signed in as <DisplayName name={user.name} fallback={user.email} /> ({user.role === 'ADMIN' ? 'admin' : 'coach'}).
        {user.role !== 'ADMIN' && ' Revenue figures and the member export are for admins.'}
      </p>
      <p className="mt-1 text-sm text-slate-700">
        Figures as of <time dateTime={dashboard.now.toISOString()}>{asOf.format(dashboard.now)} UTC</time>, refreshed every minute; the member list is live.
      </p>
      <nav aria-label="Staff tools" className="mt-6">
        <ul className="grid gap-3 sm:grid-cols-3">
          {TOOLS.map((tool) => (
            <li key={tool.href} className="rounded-xl border border-sand-200 p-4">
              <Link href={tool.href} className="font-semibold text-brand-700 hover:underline">{tool.title}</Link>
              <p className="mt-1 text-sm text-slate-700">{tool.text}</p>
            </li>
          ))}
        </ul>
      </nav>
      <MembershipSection dashboard={dashboard} exportHref={`/staff/members.csv${query ? `?${query}` : ''}`} />
      <ProgrammeSection dashboard={dashboard} />
      <QuestionsSection questions={dashboard.questions} now={dashboard.now} />
      <MemberListSection dashboard={dashboard} />
    </div>
  );
}
