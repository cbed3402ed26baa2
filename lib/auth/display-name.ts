// Members' display names as they typed them (or an OAuth provider sent them), made safe to
// show: no bidirectional-text controls, which can make "Bob\u202Egnp.exe" read as
// "Bobexe.png" or flip the words around a name, and no other control characters. Pure
// (no zod, no server-only): the header in the browser uses it too. Where a name is shown
// in HTML it also goes inside <bdi> (components/site/display-name.tsx), so right-to-left
// letters in it cannot reorder the text around it.

/** Embeddings, overrides, isolates, LRM/RLM and the Arabic letter mark. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** C0 and C1 controls (line breaks, tabs, NUL …) and line/paragraph separators: become spaces. */
const OTHER_CONTROLS = /[\p{Cc}\u2028\u2029]/gu;

/** The name without bidi controls, control characters or repeated spaces; '' when nothing is left. */
export function cleanDisplayName(name: string | null | undefined): string {
  if (!name) return '';
  return name.replace(BIDI_CONTROLS, '').replace(OTHER_CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/** The first word of the cleaned name ('' when there is none), for greetings. */
export function firstName(name: string | null | undefined): string {
  return cleanDisplayName(name).split(' ')[0];
}
