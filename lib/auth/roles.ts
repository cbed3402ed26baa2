// Who counts as staff (coaches and admins): shared by server rules and browser UI.
export const ROLE_NAMES = ['MEMBER', 'COACH', 'ADMIN'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export function isStaffRole(role: RoleName): boolean {
  return role === 'COACH' || role === 'ADMIN';
}
