// Markers PostgreSQL's ts_headline puts around matches. They are stripped from indexed
// text, so splitting on them is safe and no HTML from the database is ever rendered.
export const HIGHLIGHT_START = '\u27e6';
export const HIGHLIGHT_END = '\u27e7';

export type HighlightedText = { text: string; match: boolean }[];

export function splitHighlights(value: string): HighlightedText {
  const parts: HighlightedText = [];
  const pattern = new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_END}]*)${HIGHLIGHT_END}`, 'g');
  let last = 0;
  for (const m of value.matchAll(pattern)) {
    if (m.index > last) parts.push({ text: value.slice(last, m.index), match: false });
    parts.push({ text: m[1], match: true });
    last = m.index + m[0].length;
  }
  if (last < value.length) parts.push({ text: value.slice(last), match: false });
  return parts;
}
