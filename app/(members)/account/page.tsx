import type { Metadata } from 'next';
import { FormattedDate } from '@/components/content/formatted-date';
import { getSignInMethods } from '@/lib/auth/account';
import { signOutAction } from '@/lib/auth/actions';
import { requireUser } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

const roleLabel = { MEMBER: 'Member', COACH: 'Coach', ADMIN: 'Admin' } as const;

export default async function AccountPage() {
  const user = await requireUser('/account');
  const methods = await getSignInMethods(user.id);
  return (
    <div className="container-page max-w-2xl py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
      <section aria-labelledby="profile-heading" className="mt-8 rounded-2xl border border-sand-200 p-6">
        <h2 id="profile-heading" className="text-lg font-semibold">Profile</h2>
        <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-slate-600">Name</dt><dd>{user.name ?? 'Not set'}</dd>
          <dt className="text-slate-600">Email</dt><dd>{user.email} {user.emailVerified ? <span className="text-brand-700">(confirmed)</span> : <span className="text-coral-700">(not confirmed yet)</span>}</dd>
          <dt className="text-slate-600">Role</dt><dd>{roleLabel[user.role]}</dd>
          <dt className="text-slate-600">Joined</dt><dd><FormattedDate date={methods.joined} /></dd>
        </dl>
      </section>
      <section aria-labelledby="methods-heading" className="mt-6 rounded-2xl border border-sand-200 p-6">
        <h2 id="methods-heading" className="text-lg font-semibold">How you sign in</h2>
        <ul className="mt-4 list-disc space-y-1 pl-5 text-sm">
          {methods.hasPassword && <li>Email and password</li>}
          <li>A sign-in link sent to {user.email}</li>
          {methods.oauth.map((p) => <li key={p}>{p === 'google' ? 'Google' : p === 'github' ? 'GitHub' : p}</li>)}
        </ul>
      </section>
      <form action={signOutAction} className="mt-8">
        <button type="submit" className="rounded-full border border-slate-300 px-5 py-2.5 font-medium hover:bg-sand-50">Sign out</button>
      </form>
    </div>
  );
}
