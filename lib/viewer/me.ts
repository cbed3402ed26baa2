// What the browser may know about who is viewing: the header and the comment controls
// show it. Served in the page (ViewerState) or by /api/me; never more than this.
import { cleanDisplayName } from '@/lib/auth/display-name';
import type { RoleName } from '@/lib/auth/roles';
import type { Viewer } from './types';

export type Me = { signedIn: false } | { signedIn: true; id: string; name: string; role: RoleName; entitled: boolean };

export function meOf({ user, entitled }: Viewer): Me {
  return user ? { signedIn: true, id: user.id, name: cleanDisplayName(user.name) || user.email, role: user.role, entitled } : { signedIn: false };
}
