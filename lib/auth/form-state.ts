/** What a form's server action returns: field errors shown beside inputs, or a message. */
export type FormState =
  | { status: 'idle' }
  | { status: 'error'; message: string; fieldErrors?: Record<string, string>; values?: Record<string, string> }
  | { status: 'success'; message: string };

export const idleForm: FormState = { status: 'idle' };

export function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}
