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
  subscriptions: Record<string, unknown>[] | null;
  comps: Record<string, unknown>[] | null;
}

export interface SignedInUser {
  user: CurrentUser;
  entitlements: Entitlements;
}

/**
 * The user a session token names, with their entitlements, in one statement: nearly
 * every page that asks who is signed in asks next what they may see. Only through the
 * token's live session row (lib/auth/sessions.ts): null once that session was ended
 * (sign-out, a password change elsewhere, a reset) or has expired, or the user is gone.
 * `db` and `now` are for tests.
 */
export async function loadSignedInUser(session: SessionToken, options: { db?: PrismaClient; now?: Date } = {}): Promise<SignedInUser | null> {
  const db = options.db ?? getDb();
  const [row] = await db.$queryRaw<UserRow[]>(Prisma.sql`
    SELECT u."id", u."email", u."name", u."role"::text AS "role", u."emailVerified", ${entitlementRowsSql('u."id"')}
    FROM "AuthSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${session.sessionId} AND s."userId" = ${session.userId} AND s."expiresAt" > ${options.now ?? new Date()}`);
  if (!row) return null;
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role, emailVerified: row.emailVerified },
    entitlements: decideEntitlementsFromRows({ role: row.role, subscriptions: row.subscriptions, comps: row.comps, now: options.now }),
  };
}

const currentSessionToken = cache(async () => readSessionToken((await headers()).get('cookie')));

/** The id of this request's session, e.g. to keep it when a password change ends the others. */
export async function getCurrentSessionId(): Promise<string | null> {
  return (await currentSessionToken())?.sessionId ?? null;
}

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await currentSessionToken();
  const signedIn = session && (await loadSignedInUser(session));
  if (!signedIn) return null;
  // getEntitlements(user.id) later in this request answers from the same statement.
  rememberEntitlements(signedIn.user.id, signedIn.entitlements);
  return signedIn.user;
});
