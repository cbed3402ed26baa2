// Demo accounts outside the demo. Their passwords are published, so on a real site (a
// non-loopback SITE_URL) they must not work even if an earlier demo run seeded them into
// this database: each start there disables them.
import 'server-only';
import { DEMO_USERS } from '@/lib/db/demo-users';
import type { PrismaClient } from '@/lib/db/generated/client';

const DEMO_EMAILS = DEMO_USERS.map((u) => u.email);

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
