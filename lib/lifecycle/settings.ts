// Who gets which lifecycle emails: the admins' switch per kind (absent row = on) and each
// member's muted categories (NotificationSettings.mutedLifecycle).
import 'server-only';
import { HMAC_TOKEN_PATTERN, sha256Hex } from '@/lib/auth/server-secret';
import { placeholderTokenHash } from '@/lib/comments/notifications';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { LIFECYCLE_KINDS, MUTABLE_KINDS, type LifecycleCategory, type LifecycleKind } from './kinds';

type Db = Pick<PrismaClient, 'lifecycleSwitch'>;

export interface LifecycleSwitchState {
  kind: LifecycleKind;
  enabled: boolean;
  updatedAt: Date | null;
}

/** Every kind's switch, in the order of LIFECYCLE_KINDS. */
export async function listLifecycleSwitches(db: Db = getDb()): Promise<LifecycleSwitchState[]> {
  const rows = await db.lifecycleSwitch.findMany({ select: { kind: true, enabled: true, updatedAt: true } });
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  return LIFECYCLE_KINDS.map((kind) => ({ kind, enabled: byKind.get(kind)?.enabled ?? true, updatedAt: byKind.get(kind)?.updatedAt ?? null }));
}

export async function lifecycleEnabled(kind: LifecycleKind, db: Db = getDb()): Promise<boolean> {
  const row = await db.lifecycleSwitch.findUnique({ where: { kind }, select: { enabled: true } });
  return row?.enabled ?? true;
}

export async function setLifecycleSwitch(kind: LifecycleKind, enabled: boolean, updatedById: string | null, db: Db = getDb()): Promise<void> {
  await db.lifecycleSwitch.upsert({ where: { kind }, create: { kind, enabled, updatedById }, update: { enabled, updatedById } });
}

/** The categories this person turned off. */
export async function getMutedLifecycle(userId: string, db: Pick<PrismaClient, 'notificationSettings'> = getDb()): Promise<LifecycleCategory[]> {
  const row = await db.notificationSettings.findUnique({ where: { userId }, select: { mutedLifecycle: true } });
  const muted = new Set(row?.mutedLifecycle ?? []);
  return MUTABLE_KINDS.filter((kind) => muted.has(kind));
}

/** Replaces the person's muted categories (the account page's checkboxes). */
export async function setMutedLifecycle(userId: string, muted: LifecycleCategory[], db: PrismaClient = getDb()): Promise<void> {
  const clean = MUTABLE_KINDS.filter((kind) => muted.includes(kind));
  // Created with a token nobody holds, as lib/comments/notifications.ts does: the real
  // hash goes in when the next email needs a link.
  await db.notificationSettings.upsert({
    where: { userId },
    create: { userId, unsubscribeToken: placeholderTokenHash(), mutedLifecycle: clean },
    update: { mutedLifecycle: clean },
  });
}

/**
 * One click from an email: mutes only `category` for the token's owner (the same token
 * as the comment emails' links). Using it again is fine; false when it matches nobody.
 */
export async function muteLifecycleByToken(token: string, category: LifecycleCategory, db: PrismaClient = getDb()): Promise<boolean> {
  if (!HMAC_TOKEN_PATTERN.test(token)) return false;
  const count = await db.$executeRaw`
    UPDATE "NotificationSettings"
    SET "mutedLifecycle" = CASE WHEN ${category} = ANY(COALESCE("mutedLifecycle", '{}')) THEN "mutedLifecycle"
                                ELSE array_append(COALESCE("mutedLifecycle", '{}'), ${category}) END
    WHERE "unsubscribeToken" = ${sha256Hex(token)}`;
  return count === 1;
}
