// Who counts as staff (coaches and admins): shared by server rules and browser UI.
export type RoleName = 'MEMBER' | 'COACH' | 'ADMIN';

export function isStaffRole(role: RoleName): boolean {
  return role === 'COACH' || role === 'ADMIN';
}
