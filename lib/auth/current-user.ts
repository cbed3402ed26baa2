// The signed-in user for this request, read fresh from the database (never from the
// session token alone), or null. Cached per request.
import 'server-only';
import { cache } from 'react';
import { auth } from '@/auth';
import { getDb } from '@/lib/db';
import type { Role } from '@/lib/db/generated/enums';

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  emailVerified: Date | null;
}

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getDb().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, emailVerified: true, sessionVersion: true },
  });
  // A password change bumps sessionVersion: tokens issued before it no longer count.
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, emailVerified: user.emailVerified };
});
