// /staff/members/[id]/progress – a member's programme progress, read-only, for coaches.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { MemberProgress } from '@/components/programme/member-progress';
import { DisplayName } from '@/components/site/display-name';
import { requireCoach } from '@/lib/auth/guards';
import { getPhases } from '@/lib/content/programme';
import { getDb } from '@/lib/db';
import { loadMemberProgramme } from '@/lib/programme/store';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Member progress', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function MemberProgressPage({ params }: Props) {
  const id = z.string().min(1).max(64).safeParse((await params).id);
  await requireCoach(id.success ? `/staff/members/${id.data}/progress` : '/staff/members');
  if (!id.success) notFound();
  const member = await getDb().user.findUnique({ where: { id: id.data }, select: { id: true, name: true, email: true } });
  if (!member) notFound();
  const programme = await loadMemberProgramme(member.id);
  return (
    <div className="container-page max-w-5xl py-10 sm:py-14">
      <p className="text-sm"><Link className="text-brand-700 underline" href="/staff/members">← Members</Link></p>
      <h1 className="mt-4 text-3xl font-bold tracking-tight"><DisplayName name={member.name} fallback={member.email} />: programme progress</h1>
      <p className="mt-1 text-sm text-slate-600">{member.email} · read-only</p>
      <div className="mt-8">
        {programme.completions.length === 0 ? <p>No sessions completed yet.</p> : <MemberProgress programme={programme} phases={getPhases()} viewer="coach" />}
      </div>
    </div>
  );
}
