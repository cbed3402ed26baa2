import 'server-only';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { emailAddressSchema } from './email-address';
import { existingPasswordSchema, verifyPassword } from './password';

export const signInSchema = z.object({ email: emailAddressSchema, password: existingPasswordSchema });

export type PasswordCheck = { result: 'ok'; user: { id: string; email: string; name: string | null } } | { result: 'wrong' | 'unverified' };

/** Checks an email and password; the same work is done whether or not the account exists. */
export async function checkPassword(email: string, password: string): Promise<PasswordCheck> {
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, emailVerified: true } });
  const matches = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !matches) return { result: 'wrong' };
  if (!user.emailVerified) return { result: 'unverified' };
  return { result: 'ok', user: { id: user.id, email: user.email, name: user.name } };
}

/** Auth.js Credentials `authorize`: a user only for a verified account and the right password. */
export async function authorizePassword(credentials: Partial<Record<string, unknown>>) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const check = await checkPassword(parsed.data.email, parsed.data.password);
  return check.result === 'ok' ? check.user : null;
}
