// The demo accounts. Their passwords are published, so the demo seeds them and a real
// site (a non-loopback SITE_URL) disables them, even if an earlier demo run seeded them
// into this database.
import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import type { PrismaClient } from '@/lib/db/generated/client';
import { DEMO_USERS } from './demo-users';

const DEMO_EMAILS = DEMO_USERS.map((u) => u.email);

/** Idempotent (upserts by email), safe to run on every demo start. */
export async function seedDemoAccounts(db: PrismaClient): Promise<{ users: number }> {
  // ON CONFLICT DO NOTHING: several instances may seed at once. A demo password someone
  // changed stays changed; names and roles are reset, and a password cleared by a start
  // on a real site (disableDemoAccounts) is restored.
  const data = await Promise.all(
    DEMO_USERS.map(async ({ password, ...user }) => ({ ...user, emailVerified: new Date(), passwordHash: await hashPassword(password) })),
  );
  await db.user.createMany({ data, skipDuplicates: true });
  for (const { email, name, role, passwordHash } of data) {
    await db.user.update({ where: { email }, data: { name, role } });
    await db.user.updateMany({ where: { email, passwordHash: null }, data: { passwordHash } });
  }
  return { users: DEMO_USERS.length };
}

/**
 * Clears the demo accounts' passwords and staff roles, ends their sessions (their AuthSession rows)
 * and drops their pending links and linked OAuth accounts. Returns how many could still
 * sign in with a password. Other accounts are untouched; the demo seed restores them.
 */
export async function disableDemoAccounts(db: PrismaClient): Promise<number> {
  const ofDemoUser = { user: { email: { in: DEMO_EMAILS } } };
  const usable = await db.user.count({ where: { email: { in: DEMO_EMAILS }, passwordHash: { not: null } } });
  await db.$transaction([
    db.user.updateMany({ where: { email: { in: DEMO_EMAILS } }, data: { passwordHash: null, role: 'MEMBER' } }),
    db.authSession.deleteMany({ where: ofDemoUser }),
    db.authToken.deleteMany({ where: ofDemoUser }),
    db.account.deleteMany({ where: ofDemoUser }),
    db.verificationToken.deleteMany({ where: { identifier: { in: DEMO_EMAILS } } }),
  ]);
  return usable;
}
