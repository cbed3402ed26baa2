// Giving an account a staff role from the command line (scripts/set-role.ts): how the
// first admin of a real site is made, since only an admin can change roles on the site.
import { z } from 'zod';
import type { PrismaClient } from '@/lib/db';
import { emailAddressSchema } from './email-address';
import { ROLE_NAMES, type RoleName } from './roles';

const input = z.object({
  email: emailAddressSchema,
  role: z.string().trim().toUpperCase().pipe(z.enum(ROLE_NAMES)),
});

export type SetRoleResult = { ok: true; email: string; role: RoleName; previous: RoleName } | { ok: false; message: string };

/**
 * Sets the role of the account with this address. The account must exist and its
 * address be confirmed, so a role is only ever given to someone who proved the address.
 */
export async function setRoleByEmail(db: PrismaClient, rawEmail: string, rawRole: string): Promise<SetRoleResult> {
  const parsed = input.safeParse({ email: rawEmail, role: rawRole });
  if (!parsed.success) return { ok: false, message: `Give an email address and one of ${ROLE_NAMES.map((r) => r.toLowerCase()).join(', ')}.` };
  const { email, role } = parsed.data;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, role: true, emailVerified: true } });
  if (!user) return { ok: false, message: `No account uses ${email}: sign up on the site first, confirm the address, then run this again.` };
  if (!user.emailVerified) return { ok: false, message: `${email} is not confirmed yet: open the link in the confirmation email first.` };
  await db.user.update({ where: { id: user.id }, data: { role } });
  return { ok: true, email, role, previous: user.role };
}
