// Calling a server action as a signed-in person would, for the attacker's tests of the
// action wrapper: a real database session and its Auth.js cookie, and the form the
// browser sends. The test file mocks next/headers to hand the cookie to the viewer.
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll } from 'vitest';
import { startSession } from '@/lib/auth/sessions';
import type { PrismaClient } from '@/lib/db/generated/client';
import { useAsAppDatabase } from './auth-browser';
import { createTestDatabase, type TestDatabase } from './database';

/** The session cookie of a new database session for `userId`, signed with `secret` (AUTH_SECRET). */
export async function sessionCookieFor(prisma: PrismaClient, userId: string, secret: string): Promise<string> {
  const sid = await startSession(userId, { db: prisma });
  const token = await encode({ token: { uid: userId, sid }, secret, salt: 'authjs.session-token' });
  return `authjs.session-token=${token}`;
}

/** A FormData with these fields, as a form posts them. */
export function formOf(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** A fresh database for the calling test file, used as the app's own (getDb): opened before its tests, dropped after them. */
export function appTestDatabase(): { db: TestDatabase; prisma: PrismaClient } {
  const state = {} as { db: TestDatabase; prisma: PrismaClient };
  beforeAll(async () => {
    state.db = await createTestDatabase();
    state.prisma = state.db.connection.prisma;
    useAsAppDatabase(state.db.connection);
  });
  afterAll(() => state.db?.drop());
  return state;
}
