// The content Viewer for this request: what lib/content/access's gating functions need.
import 'server-only';
import { getCurrentUser } from '@/lib/auth/current-user';
import { ANONYMOUS, type Viewer } from '@/lib/content/access';
import { getEntitlements } from './entitlements';

export async function currentViewer(): Promise<Viewer> {
  const user = await getCurrentUser();
  if (!user) return ANONYMOUS;
  return { entitled: (await getEntitlements(user.id)).premium };
}
