import Link from 'next/link';
import type { ReactNode } from 'react';
import { MembersCta } from '@/components/content/members-cta';

/** What a visitor or a member without a membership sees where the sessions would be. */
export function ProgrammeCta({ signedIn, returnTo, price }: { signedIn: boolean; returnTo: string; price?: ReactNode }) {
  return (
    <MembersCta heading="Follow the programme with a membership" price={price}>
      <p>Members get every session: the follow-along video, the exercises with sets, reps and coaching cues, and a record of every run so the site can tell you when you are ready to progress.</p>
      {!signedIn && <p className="mt-2">Already a member? <Link className="font-medium text-white underline" href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}>Sign in</Link>.</p>}
    </MembersCta>
  );
}
