// What every server action returns (lib/viewer/action.ts), and what forms read: one
// shape, so a refusal looks the same from every form. Client-safe.

export type ActionError =
  /** Not signed in (or the session ended), or lacking the role or membership the action needs. */
  | 'unauthorised'
  /** The input failed its schema: `fieldErrors` says where. */
  | 'invalid'
  | 'rate-limited'
  /** The action ran and refused or could not finish: `message` says why. */
  | 'failed';

export type ActionResult<Data = undefined> =
  | { status: 'idle' }
  | { status: 'success'; message: string; data?: Data }
  | { status: 'error'; error: ActionError; message: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

export type ActionFailure = Extract<ActionResult, { status: 'error' }>;

/** The unauthorised answer to someone not signed in (forms add a sign-in link to it). */
export const SIGN_IN_FIRST = 'Please sign in to do this. If you were signed in, your session has ended.';

/** A form's state before its first submission. */
export const idleResult = { status: 'idle' } as const satisfies ActionResult;

export function succeeded<Data = undefined>(message: string, data?: Data): ActionResult<Data> {
  return data === undefined ? { status: 'success', message } : { status: 'success', message, data };
}

export function failed(message: string, extra: Partial<Omit<ActionFailure, 'status' | 'message'>> = {}): ActionFailure {
  return { status: 'error', error: 'failed', message, ...extra };
}

/** The first message per field (top-level key), for showing beside inputs. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}
