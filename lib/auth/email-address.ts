import { z } from 'zod';

/** One spelling per address: trimmed and lowercased, so lookups and limits agree. */
export const emailAddressSchema = z
  .string({ message: 'Enter your email address.' })
  .trim()
  .min(1, 'Enter your email address.')
  .max(320, 'That email address is too long.')
  .email('Enter a valid email address, like name@example.com.')
  .transform((e) => e.toLowerCase());
