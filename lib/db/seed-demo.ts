// Demo data for `npm start`: idempotent (upserts by email), safe to run on every start.
import { hashPassword } from '@/lib/auth/password';
import { DEMO_USERS } from './demo-users';
import type { PrismaClient } from './generated/client';

export { DEMO_USERS };

export async function seedDemoData(db: PrismaClient): Promise<{ users: number }> {
  // ON CONFLICT DO NOTHING: several instances may seed at once. A demo password someone
  // changed stays changed; names and roles are reset, and a password cleared by a start
  // on a real site (lib/demo/demo-accounts.ts) is restored.
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
