// Complimentary membership: granted and revoked by admins, optionally until a date.
import 'server-only';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';

export async function grantComp(input: { userId: string; grantedById: string; endsAt: Date | null; reason: string | null }, options: { db?: PrismaClient } = {}) {
  const db = options.db ?? getDb();
  // One grant in force at a time: a new grant replaces the old one.
  return db.$transaction([
    db.compGrant.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: new Date() } }),
    db.compGrant.create({ data: input }),
  ]);
}

export async function revokeComp(userId: string, options: { db?: PrismaClient } = {}): Promise<number> {
  const db = options.db ?? getDb();
  const { count } = await db.compGrant.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
