import 'server-only';
import { getDb } from '@/lib/db';

/** What the account page shows about how a person signs in. */
export async function getSignInMethods(userId: string) {
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, createdAt: true, accounts: { select: { provider: true } } },
  });
  return { hasPassword: user.passwordHash !== null, oauth: user.accounts.map((a) => a.provider), joined: user.createdAt };
}
