// The signed-in user for this request, read fresh from the database (never from the
// session token alone), or null. Cached per request.
import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { decideEntitlementsFromRows, entitlementRowsSql, rememberEntitlements, type Entitlements } from '@/lib/billing/entitlements';
import { getDb } from '@/lib/db';
import { Prisma, type PrismaClient } from '@/lib/db/generated/client';
import type { Role } from '@/lib/db/generated/enums';
import { readSessionToken, type SessionToken } from './session-token';

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  emailVerified: Date | null;
}

interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** A timestamp column outside JSON: Prisma's raw queries return it as a Date. */
  emailVerified: Date | null;
  sessionVersion: number;
  subscriptions: Record<string, unknown>[] | null;
  comps: Record<string, unknown>[] | null;
}

export interface SignedInUser {
  user: CurrentUser;
  entitlements: Entitlements;
}

/**
 * The user a session token names, with their entitlements, in one statement: nearly
 * every page that asks who is signed in asks next what they may see. Null when the
 * user is gone or the token predates a password change. `db` is for tests.
 */
export async function loadSignedInUser(session: SessionToken, options: { db?: PrismaClient; now?: Date } = {}): Promise<SignedInUser | null> {
  const db = options.db ?? getDb();
  const [row] = await db.$queryRaw<UserRow[]>(Prisma.sql`
    SELECT u."id", u."email", u."name", u."role"::text AS "role", u."emailVerified", u."sessionVersion", ${entitlementRowsSql('u."id"')}
    FROM "User" u WHERE u."id" = ${session.userId}`);
  // A password change bumps sessionVersion: tokens issued before it no longer count.
  if (!row || row.sessionVersion !== session.sessionVersion) return null;
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role, emailVerified: row.emailVerified },
    entitlements: decideEntitlementsFromRows({ role: row.role, subscriptions: row.subscriptions, comps: row.comps, now: options.now }),
  };
}

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await readSessionToken((await headers()).get('cookie'));
  const signedIn = session && (await loadSignedInUser(session));
  if (!signedIn) return null;
  // getEntitlements(user.id) later in this request answers from the same statement.
  rememberEntitlements(signedIn.user.id, signedIn.entitlements);
  return signedIn.user;
});
