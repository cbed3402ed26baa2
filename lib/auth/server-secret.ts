// Keys derived from the server secret, one per purpose, so a value made for one use
// (an unsubscribe link, a feed address) is never valid for another.
import 'server-only';
import crypto from 'node:crypto';
import { isProduction } from '@/lib/env';

const fallbackKey = Symbol.for('steady-spine.fallback-secret');
type GlobalWithKey = typeof globalThis & { [fallbackKey]?: string };

/**
 * `secret` is the configured secret (AUTH_SECRET or a dedicated one). Production must
 * have one; development and tests without it get a random one that lasts as long as
 * the process, so links still work until a restart.
 */
export function derivedKey(purpose: string, secret: string | undefined, what: string): string {
  if (secret) return `${purpose}:${secret}`;
  if (isProduction) throw new Error(`AUTH_SECRET is needed to make ${what}`);
  const store = globalThis as GlobalWithKey;
  return `${purpose}:${(store[fallbackKey] ??= crypto.randomBytes(32).toString('base64url'))}`;
}

/** A base64url HMAC-SHA256 of `message`: 43 characters. */
export const hmacToken = (key: string, message: string) => crypto.createHmac('sha256', key).update(message).digest('base64url');

/** What the database keeps of a token: SHA-256 is enough, the token itself is 256 random-looking bits. */
export const sha256Hex = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** A base64url HMAC-SHA256 is 43 characters; anything else is not one of ours. */
export const HMAC_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
