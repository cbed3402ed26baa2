import type { Metadata } from 'next';
import Link from 'next/link';
import { DisplayName } from '@/components/site/display-name';
import { requireCoach } from '@/lib/auth/guards';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Staff', robots: { index: false } };

export default async function StaffHomePage() {
  const { user } = await requireCoach('/staff');
  return (
    <div className="container-page max-w-3xl py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight">Staff</h1>
      <p className="mt-2 text-slate-700">Signed in as <DisplayName name={user.name} fallback={user.email} /> ({user.role === 'ADMIN' ? 'admin' : 'coach'}).</p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        <li className="rounded-2xl border border-sand-200 p-5">
          <h2 className="font-semibold"><Link href="/staff/inbox" className="text-brand-700 hover:underline">Coach inbox</Link></h2>
          <p className="mt-1 text-sm text-slate-700">Member questions waiting for an answer, and reported comments.</p>
        </li>
        <li className="rounded-2xl border border-sand-200 p-5">
          <h2 className="font-semibold"><Link href="/staff/members" className="text-brand-700 hover:underline">Members</Link></h2>
          <p className="mt-1 text-sm text-slate-700">
            Find people and open their programme progress.{user.role === 'ADMIN' ? ' Change roles and grant complimentary membership.' : ''}
          </p>
        </li>
        <li className="rounded-2xl border border-sand-200 p-5">
          <h2 className="font-semibold"><Link href="/dev/outbox" className="text-brand-700 hover:underline">Outbox</Link></h2>
          <p className="mt-1 text-sm text-slate-700">Emails the site has sent (admins, or everyone in demo mode).</p>
        </li>
      </ul>
    </div>
  );
}
