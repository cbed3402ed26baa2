// The staff pages' own navigation, with how much is waiting: questions awaiting a coach
// and open reports. Rendered only for staff (the counts are not for anyone else).
import { loadInboxCounts } from '@/lib/comments/inbox';
import { inboxHref } from '@/lib/comments/inbox-query';
import { getViewer } from '@/lib/viewer/viewer';
import { StaffNavLink } from './staff-nav-link';

export async function StaffNav() {
  const viewer = await getViewer();
  if (!viewer.isStaff) return null;
  const counts = await loadInboxCounts();
  return (
    <nav aria-label="Staff" className="border-b border-sand-200 bg-sand-50">
      <ul className="container-page flex max-w-4xl gap-0.5 overflow-x-auto py-2 text-sm">
        <li><StaffNavLink href="/staff" exact>Overview</StaffNavLink></li>
        <li>
          <StaffNavLink href="/staff/inbox" count={counts.awaiting} countLabel="awaiting">Inbox</StaffNavLink>
        </li>
        <li>
          <StaffNavLink href={inboxHref({ view: 'reports' })} count={counts.reports} countLabel="open">Reports</StaffNavLink>
        </li>
        <li><StaffNavLink href="/staff/members">Members</StaffNavLink></li>
        <li><StaffNavLink href="/staff/newsletters">Newsletters</StaffNavLink></li>
        {viewer.user?.role === 'ADMIN' && <li><StaffNavLink href="/staff/emails">Emails</StaffNavLink></li>}
      </ul>
    </nav>
  );
}
