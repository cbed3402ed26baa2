// The person reading or writing a thread, as the comment rules need them.
import 'server-only';
import { isStaffRole } from '@/lib/auth/roles';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { getEntitlements } from '@/lib/billing/entitlements';
import type { CommentViewer } from './targets';

export async function currentCommentViewer(): Promise<{ user: CurrentUser | null; viewer: CommentViewer }> {
  const user = await getCurrentUser();
  if (!user) return { user: null, viewer: { userId: null, isStaff: false, entitled: false } };
  // Entitlements already count staff as entitled.
  return { user, viewer: { userId: user.id, isStaff: isStaffRole(user.role), entitled: (await getEntitlements(user.id)).premium } };
}
