// Who is viewing, as every rule in the site sees them (lib/viewer/viewer.ts builds it once
// per request). Pure types and constants: client-safe, and the access rules import them.
import type { RoleName } from '@/lib/auth/roles';
import type { Entitlements } from '@/lib/billing/entitlements';

export interface ViewerUser {
  id: string;
  email: string;
  name: string | null;
  role: RoleName;
  emailVerified: Date | null;
}

/**
 * `session`: 'none' without a session cookie; 'ended' when the cookie is genuine but its
 * session row is gone or expired (sign-out, password change, deleted account), so the
 * viewer is anonymous again; 'valid' otherwise.
 */
export interface Viewer {
  user: ViewerUser | null;
  session: 'none' | 'ended' | 'valid';
  /** The live session's id, e.g. to keep it when a password change ends the others. */
  sessionId: string | null;
  /** May see premium content right now; staff count as entitled (decideEntitlements). */
  entitled: boolean;
  isStaff: boolean;
  entitlements: Entitlements;
}

export type SignedInViewer = Viewer & { user: ViewerUser; session: 'valid'; sessionId: string };

export const NO_ENTITLEMENTS: Entitlements = Object.freeze({ premium: false, source: null, subscription: null, comp: null, paymentFailed: false, accessEndsAt: null });

/** Frozen: no caller can widen it into a member. */
export const ANONYMOUS: Viewer = Object.freeze({ user: null, session: 'none', sessionId: null, entitled: false, isStaff: false, entitlements: NO_ENTITLEMENTS });

export function isSignedIn(viewer: Viewer): viewer is SignedInViewer {
  return viewer.user !== null && viewer.session === 'valid';
}
