// Who is looking at a programme page, and their progress when they are entitled.
import 'server-only';
import { cache } from 'react';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { getEntitlements } from '@/lib/billing/entitlements';
import { loadMemberProgramme, type MemberProgramme } from './store';

export interface ProgrammeViewer {
  user: CurrentUser | null;
  entitled: boolean;
  /** Only for entitled members. */
  programme: MemberProgramme | null;
}

export const getProgrammeViewer = cache(async (): Promise<ProgrammeViewer> => {
  const user = await getCurrentUser();
  if (!user) return { user: null, entitled: false, programme: null };
  const entitled = (await getEntitlements(user.id)).premium;
  return { user, entitled, programme: entitled ? await loadMemberProgramme(user.id) : null };
});
