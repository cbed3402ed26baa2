// How Auth.js's sign-in paths refuse, so the forms can say why and the log says it once.
// The password provider throws CredentialsSignin subclasses, whose `code` Auth.js puts
// in the error redirect of a direct POST (never more than the forms tell anyone); the
// email provider's refusal arrives wrapped in Auth.js's AccessDenied.
import 'server-only';
import { CredentialsSignin } from 'next-auth';

/** Too many failed passwords for this address or from this client. */
export class TooManySignInAttempts extends CredentialsSignin {
  code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/** The right password for an address nobody has confirmed yet. */
export class UnconfirmedAddress extends CredentialsSignin {
  code = 'unconfirmed';
}

/** Too many sign-in links asked for this address or from this client. */
export class TooManyLinkRequests extends Error {
  readonly code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in link requests; retry in ${retryAfterSeconds} s`);
  }
}

export type SignInRefusal = { reason: 'wrong-password' } | { reason: 'unconfirmed' } | { reason: 'rate-limited'; retryAfterSeconds: number };

/** The error itself and, for Auth.js's wrappers, the error it wraps (`cause.err`). */
function layers(error: unknown): unknown[] {
  const cause = error instanceof Error && error.cause && typeof error.cause === 'object' && 'err' in error.cause ? error.cause.err : undefined;
  return cause === undefined ? [error] : [error, cause];
}

/**
 * Which refusal an error from Auth.js's signIn is, if any. Recognised by `code`, not by
 * class identity: Auth.js rethrows and wraps them, and the server bundle may rename classes.
 */
export function refusalOf(error: unknown): SignInRefusal | null {
  for (const layer of layers(error)) {
    if (!(layer instanceof Error) || !('code' in layer)) continue;
    const retryAfterSeconds = 'retryAfterSeconds' in layer ? Number(layer.retryAfterSeconds) : NaN;
    if (layer.code === 'rate_limited' && retryAfterSeconds > 0) return { reason: 'rate-limited', retryAfterSeconds };
    if (layer.code === 'unconfirmed') return { reason: 'unconfirmed' };
    if (layer.code === 'credentials') return { reason: 'wrong-password' };
  }
  return null;
}

/** One log line for a refusal (no address: the log needs no personal data); null for anything else. */
export function refusalLogLine(error: unknown): string | null {
  const refusal = refusalOf(error);
  if (!refusal) return null;
  const link = layers(error).some((e) => e instanceof TooManyLinkRequests);
  if (refusal.reason === 'rate-limited') return `[auth] ${link ? 'sign-in link' : 'password sign-in'} refused: too many attempts, retry in ${refusal.retryAfterSeconds} s`;
  if (refusal.reason === 'unconfirmed') return '[auth] password sign-in refused: address not confirmed yet';
  return '[auth] password sign-in failed: wrong email or password';
}

/**
 * Auth.js's `logger`: refusals are one line each (they are expected, and an attack would
 * otherwise fill the log with stack traces); every other error still logs in full.
 */
export const authLogger = {
  error(error: Error) {
    const line = refusalLogLine(error);
    if (line) console.warn(line);
    else console.error('[auth][error]', error);
  },
};
