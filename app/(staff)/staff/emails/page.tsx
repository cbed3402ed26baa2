// /staff/emails – the lifecycle emails (lib/lifecycle): what triggers each, an on/off
// switch per kind, and a preview. Admins only; coaches and everyone else get a 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { LifecycleSwitchForm } from '@/components/staff/lifecycle-switch-form';
import { requireAdmin } from '@/lib/auth/guards';
import { LIFECYCLE_INFO } from '@/lib/lifecycle/kinds';
import { listLifecycleSwitches } from '@/lib/lifecycle/settings';

// Rendered for each request (it reads the session), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Lifecycle emails', robots: { index: false } };

export default async function StaffEmailsPage() {
  await requireAdmin('/staff/emails');
  const switches = await listLifecycleSwitches();
  return (
    <div className="container-page max-w-4xl py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight">Lifecycle emails</h1>
      <p className="mt-3 text-slate-700">
        The emails the site sends members by itself as their membership goes along. Each goes once per occasion. Turning one off stops it for everyone
        until it is turned on again; emails already queued still go. Members can turn off each one except card failed on their account page, or with
        the one-click unsubscribe in the email.
      </p>
      {/* relative: the buttons' screen-reader text (absolutely positioned) stays inside the scrolling box instead of widening the page on a phone. */}
      <div className="relative mt-6 overflow-x-auto" role="region" aria-label="Lifecycle emails table" tabIndex={0}>
        <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
          <caption className="sr-only">Lifecycle emails, what triggers each, and whether it is on</caption>
          <thead>
            <tr className="border-b border-sand-200 text-slate-700">
              <th scope="col" className="py-2 pr-3 font-semibold">Email</th>
              <th scope="col" className="py-2 pr-3 font-semibold">When it is sent</th>
              <th scope="col" className="py-2 pr-3 font-semibold">Status</th>
              <th scope="col" className="py-2 font-semibold">Switch</th>
            </tr>
          </thead>
          <tbody>
            {switches.map(({ kind, enabled }) => {
              const info = LIFECYCLE_INFO[kind];
              return (
                <tr key={kind} className="border-b border-sand-200 align-top" data-testid={`lifecycle-${kind}`}>
                  <th scope="row" className="py-3 pr-3 font-medium">
                    {info.label}
                    <Link href={`/staff/emails/${kind}`} className="mt-1 block text-xs font-normal text-brand-700 underline">
                      Preview<span className="sr-only"> the {info.label} email</span>
                    </Link>
                  </th>
                  <td className="py-3 pr-3 text-slate-700">
                    {info.trigger}
                    {!info.memberCanMute && <span className="mt-1 block text-xs text-slate-600">Members cannot turn this one off: it is about their payment.</span>}
                  </td>
                  <td className="py-3 pr-3">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${enabled ? 'bg-brand-50 text-brand-800' : 'bg-sand-200 text-slate-800'}`}>{enabled ? 'On' : 'Off'}</span>
                  </td>
                  <td className="py-3"><LifecycleSwitchForm kind={kind} label={info.label} enabled={enabled} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
