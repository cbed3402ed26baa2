// The one answer to "who is viewing and what may they see", for every page, action,
// route handler and media route: the session cookie (decrypted with Auth.js's own
// decoder, lib/auth/session-token.ts) checked against its live AuthSession row, the
// user and the rows their entitlement is decided from, in ONE statement, once per
// request (React cache()). The database decides, never the cookie alone: sign-out, an
// ended session or a role change apply from the next request.
import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { isStaffRole } from '@/lib/auth/roles';
import { readSessionToken, type SessionToken } from '@/lib/auth/session-token';
import { decideEntitlementsFromRows, entitlementRowsSql, type EntitlementRows } from '@/lib/billing/entitlements';
import { getDb } from '@/lib/db';
import { Prisma, type PrismaClient } from '@/lib/db/generated/client';
import type { Role } from '@/lib/db/generated/enums';
import { ANONYMOUS, type Viewer } from './types';

export { ANONYMOUS, isSignedIn, type SignedInViewer, type Viewer, type ViewerUser } from './types';

type Options = { db?: PrismaClient; now?: Date };

type Row = EntitlementRows & {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** A timestamp column outside JSON: Prisma's raw queries return it as a Date. */
  emailVerified: Date | null;
};

/**
 * The viewer a session token names: its live session row (not ended, not expired, of
 * that user), the user, and their entitlement rows, in one statement. No token: anonymous;
 * a token whose session is gone: anonymous, with `session: 'ended'`.
 */
export async function loadViewer(session: SessionToken | null, options: Options = {}): Promise<Viewer> {
  if (!session) return ANONYMOUS;
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const [row] = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT u."id", u."email", u."name", u."role"::text AS "role", u."emailVerified", ${entitlementRowsSql('u."id"')}
    FROM "AuthSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${session.sessionId} AND s."userId" = ${session.userId} AND s."expiresAt" > ${now}`);
  if (!row) return { ...ANONYMOUS, session: 'ended' };
  const entitlements = decideEntitlementsFromRows({ ...row, now });
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role, emailVerified: row.emailVerified },
    session: 'valid',
    sessionId: session.sessionId,
    entitled: entitlements.premium,
    isStaff: isStaffRole(row.role),
    entitlements,
  };
}

/** The viewer a request's Cookie header names (tests and scripts call this directly). */
export async function viewerFromCookie(cookieHeader: string | null, options: Options = {}): Promise<Viewer> {
  return loadViewer(await readSessionToken(cookieHeader), options);
}

/** This request's viewer: asked any number of times, read once. */
export const getViewer = cache(async (): Promise<Viewer> => viewerFromCookie((await headers()).get('cookie')));
