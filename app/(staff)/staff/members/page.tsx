import type { Metadata } from 'next';
import Link from 'next/link';
import { FormattedDate } from '@/components/content/formatted-date';
import { Pagination } from '@/components/content/pagination';
import { DisplayName } from '@/components/site/display-name';
import { cleanDisplayName } from '@/lib/auth/display-name';
import { requireCoach } from '@/lib/auth/guards';
import { memberSearchSchema, searchMembers } from '@/lib/auth/members';
import { CompForms } from '@/components/billing/billing-forms';
import type { Entitlements } from '@/lib/billing/entitlements';
import { feedSharingOf, flaggedFeeds, SHARED_FEED_CLIENTS, type FeedSharing } from '@/lib/podcast/private-feed/sharing';
import { FeedResetForm } from './feed-reset-form';
import { RoleForm } from './role-form';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

function membershipSummary(e: Entitlements): string {
  const sub = e.subscription;
  const subText = sub ? `${sub.interval === 'year' ? 'Annual' : 'Monthly'}: ${sub.cancelAtPeriodEnd && e.source === 'subscription' ? 'cancels at period end' : sub.status.replace('_', ' ')}` : 'No subscription';
  if (e.source === 'comp') return `Complimentary${e.comp?.endsAt ? ` until ${e.comp.endsAt.toISOString().slice(0, 10)}` : ''} · ${subText}`;
  return subText;
}

export const metadata: Metadata = { title: 'Members', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type Member = Awaited<ReturnType<typeof searchMembers>>['members'][number];

/** Who a control is for, in words (the forms show it inside <bdi>). */
const labelOf = (person: { name: string | null; email: string }) => cleanDisplayName(person.name) || person.email;

/** How the member's private feed was fetched in the last 24 hours, flagged when it looks shared. */
function FeedUse({ sharing, label, userId }: { sharing: FeedSharing; label: string; userId: string }) {
  return (
    <div className="mt-2 text-xs text-slate-700" data-testid="member-feed">
      <p>
        {sharing.flagged && <strong className="mr-1 rounded bg-orange-50 px-1.5 py-0.5 font-semibold text-coral-700">Feed possibly shared</strong>}
        Podcast feed: {sharing.fetches} {sharing.fetches === 1 ? 'fetch' : 'fetches'} from {sharing.clients} {sharing.clients === 1 ? 'client' : 'clients'} in 24 h ({sharing.agents.join(', ')})
      </p>
      {sharing.flagged && <FeedResetForm userId={userId} label={label} />}
    </div>
  );
}

function MembershipCell({ member, isAdmin, sharing }: { member: Member; isAdmin: boolean; sharing: FeedSharing | undefined }) {
  const entitlements = member.membership;
  return (
    <>
      <p data-testid="member-membership">{membershipSummary(entitlements)}</p>
      {sharing && <FeedUse sharing={sharing} label={labelOf(member)} userId={member.id} />}
      {isAdmin && <div className="mt-2"><CompForms userId={member.id} label={labelOf(member)} hasComp={entitlements.comp !== null} /></div>}
    </>
  );
}

export default async function StaffMembersPage({ searchParams }: Props) {
  // Coaches look members up and open their progress; role and comp changes are admins'.
  const { user: staff } = await requireCoach('/staff/members');
  const isAdmin = staff.role === 'ADMIN';
  const raw = await searchParams;
  const query = memberSearchSchema.parse({ q: raw.q, page: raw.page });
  const { members, total, page, pageCount } = await searchMembers(query);
  const [sharing, flagged] = await Promise.all([feedSharingOf(members.map((m) => m.id)), flaggedFeeds()]);
  return (
    <div className="container-page py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight">Members</h1>
      {flagged.length > 0 && (
        <section aria-labelledby="shared-feeds-heading" className="mt-6 rounded-2xl border border-coral-700/40 p-5">
          <h2 id="shared-feeds-heading" className="text-lg font-semibold">Private feeds that look shared</h2>
          <p className="mt-1 text-sm text-slate-700">
            Fetched from {SHARED_FEED_CLIENTS} or more different apps or networks in the last 24 hours. Nobody is locked out: reset the address if it is being passed around, and the member is emailed the way to their new one.
          </p>
          <ul className="mt-3 space-y-3 text-sm">
            {flagged.map((f) => (
              <li key={f.userId} data-testid="shared-feed">
                <p><span className="font-medium"><DisplayName name={f.name} fallback={f.email} /></span> ({f.email}): {f.clients} clients, {f.fetches} fetches ({f.agents.join(', ')})</p>
                <FeedResetForm userId={f.userId} label={labelOf(f)} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <form role="search" method="get" className="mt-6 flex max-w-xl gap-2">
        <label htmlFor="member-q" className="sr-only">Search members by email or name</label>
        <input id="member-q" name="q" type="search" defaultValue={query.q} placeholder="Search by email or name" className="min-w-0 flex-1 rounded-full border border-slate-300 px-4 py-2" />
        <button type="submit" className="rounded-full bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700">Search</button>
      </form>
      <p className="mt-4 text-sm text-slate-600" aria-live="polite">{total} {total === 1 ? 'person' : 'people'}{query.q && ` matching “${query.q}”`}</p>
      {/* A table on wider screens, a card per person on a phone. The explicit roles keep
          it a table for screen readers whatever the CSS display (Chrome drops table
          semantics from display:block); the phone's visible labels are for the eye only. */}
      <div className="relative mt-4 md:overflow-x-auto" role="region" aria-label="Members table" tabIndex={0}>
        <table role="table" className="block w-full text-left text-sm md:table md:min-w-[56rem]">
          <caption className="sr-only">Members, newest first</caption>
          <thead role="rowgroup" className="hidden border-b border-sand-200 text-slate-600 md:table-header-group">
            <tr role="row"><th role="columnheader" scope="col" className="py-2 pr-4">Name</th><th role="columnheader" scope="col" className="py-2 pr-4">Email</th><th role="columnheader" scope="col" className="py-2 pr-4">Joined</th><th role="columnheader" scope="col" className="py-2 pr-4">Membership</th><th role="columnheader" scope="col" className="py-2">Role</th></tr>
          </thead>
          <tbody role="rowgroup" className="block space-y-3 md:table-row-group md:space-y-0">
            {members.map((m) => (
              <tr role="row" key={m.id} className="block rounded-xl border border-sand-200 p-4 align-top md:table-row md:rounded-none md:border-x-0 md:border-t-0 md:border-b-sand-100 md:p-0">
                <th role="rowheader" scope="row" className="block text-base font-semibold md:table-cell md:py-3 md:pr-4 md:text-sm md:font-medium"><DisplayName name={m.name} fallback="—" /></th>
                <td role="cell" className="block break-words md:table-cell md:py-3 md:pr-4">{m.email}{!m.emailVerified && <span className="ml-1 text-xs text-slate-500">(unconfirmed)</span>}</td>
                <td role="cell" className="mt-1 block text-slate-600 md:table-cell md:py-3 md:pr-4 md:text-inherit"><span aria-hidden="true" className="md:hidden">Joined </span><FormattedDate date={m.createdAt} /></td>
                <td role="cell" className="mt-3 block md:table-cell md:py-3 md:pr-4">
                  <MembershipCell member={m} isAdmin={isAdmin} sharing={sharing.get(m.id)} />
                </td>
                <td role="cell" className="mt-3 block md:table-cell md:py-3">
                  {isAdmin ? <RoleForm userId={m.id} role={m.role} label={labelOf(m)} /> : <span>{m.role.charAt(0) + m.role.slice(1).toLowerCase()}</span>}
                  <p className="mt-2 text-sm"><Link className="text-brand-700 underline" href={`/staff/members/${m.id}/progress`}>Programme progress<span className="sr-only"> of <DisplayName name={m.name} fallback={m.email} /></span></Link></p>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/staff/members?${new URLSearchParams({ q: query.q, page: String(p) })}`} />
    </div>
  );
}
