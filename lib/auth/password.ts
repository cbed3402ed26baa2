// Password rules and hashing (argon2id with OWASP's recommended parameters).
import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { COMMON_PASSWORDS } from './common-passwords';
import { ARGON2_PARAMETERS as ARGON2 } from './password-hashing';

export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing cannot be used to burn CPU. */
export const PASSWORD_MAX_LENGTH = 256;

export const newPasswordSchema = z
  .string({ message: 'Choose a password.' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), 'That password is too common and easy to guess. Try a few unrelated words.');

/** For sign-in: no strength rules (old passwords still work), only a sane size. */
export const existingPasswordSchema = z
  .string({ message: 'Enter your password.' })
  .min(1, 'Enter your password.')
  .max(PASSWORD_MAX_LENGTH, 'That password is too long.');


export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Same work as a real check, so timing does not tell whether the account has a password.
    await hash(password, ARGON2);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
