import { z } from 'zod';
import { cleanDisplayName } from './display-name';

/** A display name as saved: cleaned first (lib/auth/display-name.ts), then 1 to 80 characters. */
export const displayNameSchema = z
  .string({ message: 'Tell us your name.' })
  .transform(cleanDisplayName)
  .pipe(z.string().min(1, 'Tell us your name.').max(80, 'Use at most 80 characters.'));
