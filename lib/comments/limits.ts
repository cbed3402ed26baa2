// Comment limits shared by the server rules and the browser forms (no server-only code).
export const COMMENT_MAX_LENGTH = 5000;
/** Authors may edit a comment this long after posting it. */
export const EDIT_WINDOW_MS = 15 * 60_000;
