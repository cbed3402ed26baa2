// Authorisation for pages, actions and route handlers. Layouts are not a boundary (they
// do not re-run on client navigation): every page and action calls one of these.
import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getCurrentUser, type CurrentUser } from './current-user';
import { safeReturnPath } from './return-path';
import { isStaffRole } from './roles';

export { safeReturnPath };

export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return user;
}

/** Coaches and admins. Others get a 404: staff pages do not admit they exist. */
export async function requireCoach(returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!isStaffRole(user.role)) notFound();
  return user;
}

export async function requireAdmin(returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (user.role !== 'ADMIN') notFound();
  return user;
}
