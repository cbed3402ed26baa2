// Authorisation for pages and route handlers. Layouts are not a boundary (they do not
// re-run on client navigation): every page calls one of these. Server actions declare
// their access to lib/viewer/action.ts instead.
import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getViewer, isSignedIn, type SignedInViewer } from '@/lib/viewer/viewer';
import { safeReturnPath } from './return-path';

export { safeReturnPath };

export async function requireUser(returnTo: string): Promise<SignedInViewer> {
  const viewer = await getViewer();
  if (!isSignedIn(viewer)) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return viewer;
}

/** Coaches and admins. Others get a 404: staff pages do not admit they exist. */
export async function requireCoach(returnTo: string): Promise<SignedInViewer> {
  const viewer = await requireUser(returnTo);
  if (!viewer.isStaff) notFound();
  return viewer;
}

export async function requireAdmin(returnTo: string): Promise<SignedInViewer> {
  const viewer = await requireUser(returnTo);
  if (viewer.user.role !== 'ADMIN') notFound();
  return viewer;
}
