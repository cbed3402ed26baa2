// /dashboard – the member's progress through the programme.
import type { Metadata } from 'next';
import { MemberProgress } from '@/components/programme/member-progress';
import { ProgrammeCta } from '@/components/programme/programme-cta';
import { firstName } from '@/lib/auth/display-name';
import { requireUser } from '@/lib/auth/guards';
import { getPhases } from '@/lib/content/programme';
import { loadMemberProgramme } from '@/lib/programme/store';
import { StartingPrice } from '@/app/_billing/starting-price';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Your progress', robots: { index: false } };

export default async function DashboardPage() {
  const { user, entitled } = await requireUser('/dashboard');
  const programme = entitled ? await loadMemberProgramme(user.id) : null;
  return (
    <div className="container-page max-w-5xl py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight">Your progress{firstName(user.name) && <>, <bdi>{firstName(user.name)}</bdi></>}</h1>
      <div className="mt-8">
        {programme ? <MemberProgress programme={programme} phases={getPhases()} viewer="member" /> : <ProgrammeCta signedIn returnTo="/dashboard" price={<StartingPrice />} />}
      </div>
    </div>
  );
}
