// Member comments: a small Markdown subset, rendered to HTML that is safe by construction.
//
// Supported: paragraphs, line breaks (every newline), **strong**, *em* / _em_, bullet
// and numbered lists (nested), [text](url) links, <https://…> autolinks and bare
// https://…, www.… and someone@example.com links (as GitHub does). Nothing else is
// syntax: raw HTML, headings, images, code, quotes and tables stay the literal text
// the author typed, escaped.
//
// The parser is written here rather than taken from remark: remark/micromark is a full
// CommonMark engine, several milliseconds for a 5,000-character comment and far slower
// on adversarial emphasis, and a thread renders up to 1,000 comments. This one follows
// the CommonMark rules for the subset (list items, lazy lines, delimiter runs, the
// link-bracket algorithm) and runs in linear time. Safety does not depend on the parser
// being right: the HTML writer emits only p, br, strong, em, ul, ol, li and
// a[href, rel], escapes every piece of text, and writes an href only for an absolute
// http(s) or mailto URL that it has checked itself.
import { z } from 'zod';

export const COMMENT_MAX_LENGTH = 5000;

const countFormat = new Intl.NumberFormat('en-GB');

/** CRLF and lone CR become LF; control characters other than tab and LF go (PostgreSQL refuses NUL). */
function normaliseBody(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/**
 * A comment body: line endings normalised to LF, stray control characters removed,
 * trimmed, then 1 to 5,000 characters (UTF-16 code units, as a textarea counts them).
 */
export const commentBodySchema = z
  .string({
    error: (issue) => (issue.input === undefined || issue.input === null ? 'Write something first.' : 'A comment must be text.'),
  })
  .transform((value) => normaliseBody(value).trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'Write something first.' })
      .max(COMMENT_MAX_LENGTH, {
        error: (issue) =>
          `Keep it under ${countFormat.format(COMMENT_MAX_LENGTH)} characters: this is ${countFormat.format(
            typeof issue.input === 'string' ? issue.input.length : 0,
          )}.`,
      }),
  );

// =======================================================================================
// Links

const MAX_URL_LENGTH = 2048;
/** Scheme and what must follow it, checked on the raw destination, before the WHATWG parser forgives anything. */
const SAFE_URL_START = /^(?:https?:\/\/[^/?#\\@]|mailto:[^/?#\\])/i;
/** mailto: one or more plain addresses, comma-separated (RFC 6068), percent-encoding allowed. */
const MAILTO_ADDRESSES = /^[A-Za-z0-9.!#$%&*+/=?^_{|}~'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?:,[A-Za-z0-9.!#$%&*+/=?^_{|}~'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)*$/;
/** Whitespace, control and invisible formatting characters, backslashes: a browser would strip or reinterpret them. */
const UNSAFE_URL_CHARACTER = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff9-\ufffb\\]/;

/**
 * The href to write for a link destination, or undefined when the link must be shown as
 * plain text: only an absolute http(s) URL with a host and no user:password@, or a
 * mailto: address. Entities are not decoded in comments, so `&#106;avascript:` is just
 * text that does not start with an allowed scheme.
 */
function safeHref(destination: string): string | undefined {
  if (destination.length > MAX_URL_LENGTH) return undefined;
  if (!SAFE_URL_START.test(destination) || UNSAFE_URL_CHARACTER.test(destination)) return undefined;
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return undefined;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
  } else if (url.protocol === 'mailto:') {
    if (!MAILTO_ADDRESSES.test(url.pathname)) return undefined;
  } else {
    return undefined;
  }
  // The serialiser percent-encodes most of what could matter in an attribute, not all of
  // it (an apostrophe in a path, a quote in a mailto:): finish the job.
  return url.href.replace(/["'<>`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// =======================================================================================
// Blocks: paragraphs and lists

interface Paragraph {
  kind: 'paragraph';
  /** The paragraph's lines, stripped of indentation and trailing spaces, joined by \n. */
  text: string;
}
interface List {
  kind: 'list';
  ordered: boolean;
  start: number;
  /** Blank lines between items or inside one: items' paragraphs get <p>. */
  loose: boolean;
  items: Block[][];
}
type Block = Paragraph | List;

/** Deeper list markers are text: bounds recursion (`- - - - … x` nests one level per 2 characters). */
const MAX_LIST_DEPTH = 10;
const LIST_MARKER = /^( *)(?:([-+*])|(\d{1,9})([.)]))(?= |$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?: *\1){2,} *$/;
const LEADING_TABS_REGION = /^[ \t\-+*.)0-9]*\t/;

interface Marker {
  ordered: boolean;
  /** The bullet character or the number's delimiter: a different one starts a new list. */
  kind: string;
  start: number;
  /** Column the item's content starts at: continuation lines are indented at least this much. */
  contentColumn: number;
  content: string;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** Tabs in the indentation and list markers at the start of a line, as spaces to the next multiple of 4. */
function expandLeadingTabs(line: string): string {
  const region = LEADING_TABS_REGION.exec(line);
  if (region === null) return line;
  let expanded = '';
  for (const char of region[0]) expanded += char === '\t' ? ' '.repeat(4 - (expanded.length % 4)) : char;
  return expanded + line.slice(region[0].length);
}

function listMarker(line: string): Marker | null {
  const match = LIST_MARKER.exec(line);
  if (match === null || THEMATIC_BREAK.test(line)) return null;
  const markerEnd = match[0].length;
  const spaces = indentOf(line.slice(markerEnd));
  const content = line.slice(markerEnd + spaces);
  // No content, or 5+ spaces after the marker: the content column is one space past it.
  const contentColumn = content === '' || spaces > 4 ? markerEnd + 1 : markerEnd + spaces;
  return {
    ordered: match[3] !== undefined,
    kind: match[2] ?? match[4],
    start: match[3] === undefined ? 1 : Number(match[3]),
    contentColumn,
    content: spaces > 4 ? line.slice(markerEnd + 1) : content,
  };
}

function paragraphText(lines: readonly string[]): string {
  return lines.map((line) => line.replace(/^[ \t]+|[ \t]+$/g, '')).join('\n');
}

/** Blocks of some lines; spread: a blank line separates two of them (a list item with it is loose). */
function parseBlocks(lines: readonly string[], depth: number): { blocks: Block[]; spread: boolean } {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let blankSincePreviousBlock = false;
  let spread = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraphText(paragraph) });
      paragraph = [];
      blankSincePreviousBlock = blocks.length > 0;
      i++;
      continue;
    }
    const marker = depth < MAX_LIST_DEPTH ? listMarker(line) : null;
    // A list interrupts a paragraph only with a non-empty bullet item or an item numbered 1.
    if (marker !== null && (paragraph.length === 0 || (marker.content !== '' && (!marker.ordered || marker.start === 1)))) {
      if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraphText(paragraph) });
      paragraph = [];
      if (blankSincePreviousBlock) spread = true;
      blankSincePreviousBlock = false;
      const parsed = parseList(lines, i, depth);
      blocks.push(parsed.list);
      i = parsed.next;
      continue;
    }
    if (paragraph.length === 0 && blankSincePreviousBlock) spread = true;
    blankSincePreviousBlock = false;
    paragraph.push(line);
    i++;
  }
  if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraphText(paragraph) });
  return { blocks, spread };
}

function parseList(lines: readonly string[], first: number, depth: number): { list: List; next: number } {
  const firstMarker = listMarker(lines[first]) as Marker;
  const list: List = { kind: 'list', ordered: firstMarker.ordered, start: firstMarker.start, loose: false, items: [] };
  let i = first;
  while (i < lines.length) {
    const marker = listMarker(lines[i]);
    if (marker === null || marker.kind !== firstMarker.kind) break;
    const itemLines = [marker.content];
    i++;
    // An item can begin with at most one blank line.
    const emptyItem = marker.content === '' && i < lines.length && isBlank(lines[i]);
    while (!emptyItem && i < lines.length) {
      const line = lines[i];
      if (isBlank(line)) {
        itemLines.push('');
      } else if (indentOf(line) >= marker.contentColumn) {
        itemLines.push(line.slice(marker.contentColumn));
      } else {
        // A lazy continuation line: unindented text right after the item's text.
        const last = itemLines[itemLines.length - 1];
        if (isBlank(last) || listMarker(line) !== null || listMarker(last)?.content === '') break;
        itemLines.push(line);
      }
      i++;
    }
    // Trailing blank lines belong to what follows the item.
    while (itemLines.length > 1 && itemLines[itemLines.length - 1] === '') {
      itemLines.pop();
      i--;
    }
    const item = parseBlocks(itemLines, depth + 1);
    if (item.spread) list.loose = true;
    list.items.push(item.blocks);
    // Blank lines, then another item of this list: a loose list. Else the blanks end it.
    let next = i;
    while (next < lines.length && isBlank(lines[next])) next++;
    if (next > i) {
      if (next === lines.length || listMarker(lines[next])?.kind !== firstMarker.kind) break;
      list.loose = true;
      i = next;
    }
  }
  return { list, next: i };
}

function parseDocument(body: string): Block[] {
  const lines = normaliseBody(body).split('\n').map(expandLeadingTabs);
  return parseBlocks(lines, 0).blocks;
}

// =======================================================================================
// Inline content: emphasis, links, autolinks, line breaks

type Tag = 'strong' | 'em';

interface Delimiter {
  token: DelimiterToken;
  prev: Delimiter | null;
  next: Delimiter | null;
}

interface DelimiterToken {
  t: 'delim';
  char: '*' | '_';
  /** Length of the run as written (the rule of 3 uses it). */
  length: number;
  /** Characters not used by emphasis: shown as text. */
  remaining: number;
  canOpen: boolean;
  canClose: boolean;
  /** Tags this run opens, innermost first (written after its remaining characters, reversed). */
  opens: Tag[];
  /** Tags this run closes, innermost first (written before its remaining characters). */
  closes: Tag[];
}

type Token =
  | { t: 'text'; value: string }
  | { t: 'br' }
  | DelimiterToken
  /** An opening bracket: literal "[" unless it became a link. */
  | { t: 'bracket'; link: boolean; href: string | undefined }
  | { t: 'linkEnd'; destination: string }
  /** An autolink: a bare URL or email address, or <…>. */
  | { t: 'url'; text: string; href: string | undefined };

interface Bracket {
  token: Extract<Token, { t: 'bracket' }>;
  /** The last delimiter before the bracket: emphasis inside the link text is resolved above it. */
  delimiterBelow: Delimiter;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const UNICODE_WHITESPACE = /\s/u;
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;
// What may come before a bare URL or address (as in GFM): not a letter before http(s)://,
// whitespace or one of ( * _ [ ] ~ before www., not an address character or / before one.
const AFTER_ASCII_LETTER = /[A-Za-z]/;
const BEFORE_WWW = /[\s(*_[\]~]/;
const EMAIL_CHARACTER = /[A-Za-z0-9+._-]/;
/** A bare URL ends at whitespace or a character a URL cannot contain unencoded. */
const URL_END = /[\s<>"`[\]{}|\\^]/u;
const URL_TRAILING_PUNCTUATION = /[?!.,:;*_~']/;
const DOMAIN = /(?:[\p{L}\p{N}_-]{1,63}\.){1,10}[\p{L}\p{N}-]{1,63}/uy;
const BARE_EMAIL = /[A-Za-z0-9._+-]{1,64}@(?:[A-Za-z0-9_-]{1,63}\.){1,10}[A-Za-z0-9_-]{0,62}[A-Za-z](?![A-Za-z0-9_-]|\.[A-Za-z0-9_-])/y;
const ANGLE_URI = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\u0000-\u0020]{0,2048})>/y;
const ANGLE_EMAIL =
  /<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?){0,10})>/y;
const MAX_PAREN_DEPTH = 32;
const MAX_TITLE_LENGTH = 1024;

function charBefore(s: string, i: number): string {
  if (i <= 0) return '';
  const code = s.charCodeAt(i - 1);
  return code >= 0xdc00 && code <= 0xdfff && i >= 2 ? s.slice(i - 2, i) : s[i - 1];
}

function charAt(s: string, i: number): string {
  if (i >= s.length) return '';
  const code = s.codePointAt(i) as number;
  return String.fromCodePoint(code);
}

/** Start and end of the text are whitespace for flanking. */
function isWhitespace(char: string): boolean {
  return char === '' || UNICODE_WHITESPACE.test(char);
}

function isPunctuation(char: string): boolean {
  return char !== '' && UNICODE_PUNCTUATION.test(char);
}

function skipLinkWhitespace(s: string, i: number): number {
  let newlines = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\n') {
      if (++newlines > 1) break;
    } else if (c !== ' ' && c !== '\t') break;
    i++;
  }
  return i;
}

/** `(destination "title")` at s[i]: the destination and the index after `)`, or null. */
function parseLinkTail(s: string, i: number): { destination: string; end: number } | null {
  if (s[i] !== '(') return null;
  let p = skipLinkWhitespace(s, i + 1);
  let destination = '';
  if (s[p] === '<') {
    p++;
    for (;;) {
      const c = s[p];
      if (c === undefined || c === '\n' || c === '<' || destination.length > MAX_URL_LENGTH) return null;
      if (c === '>') break;
      if (c === '\\' && ASCII_PUNCTUATION.test(s[p + 1] ?? '')) p++;
      destination += s[p];
      p++;
    }
    p++;
  } else {
    let depth = 0;
    for (;;) {
      const c = s[p];
      if (c === undefined || s.charCodeAt(p) <= 0x20 || s.charCodeAt(p) === 0x7f) break;
      if (c === '(' && ++depth > MAX_PAREN_DEPTH) return null;
      if (c === ')' && depth-- === 0) break;
      if (c === '\\' && ASCII_PUNCTUATION.test(s[p + 1] ?? '')) p++;
      destination += s[p];
      p++;
      if (destination.length > MAX_URL_LENGTH) return null;
    }
    if (depth > 0) return null;
  }
  const afterDestination = p;
  p = skipLinkWhitespace(s, p);
  const opener = s[p];
  if (p > afterDestination && (opener === '"' || opener === "'" || opener === '(')) {
    // A title: parsed so that the link is recognised, then dropped (no title attribute).
    const closer = opener === '(' ? ')' : opener;
    const limit = Math.min(s.length, p + MAX_TITLE_LENGTH);
    p++;
    while (p < limit && s[p] !== closer) {
      if (opener === '(' && s[p] === '(') return null;
      if (s[p] === '\\') p++;
      p++;
    }
    if (s[p] !== closer) return null;
    p = skipLinkWhitespace(s, p + 1);
  }
  if (s[p] !== ')') return null;
  return { destination, end: p + 1 };
}

/** A bare URL (https://…, http://…, www.…) starting at s[i]: its text, or null. */
function bareUrlAt(s: string, i: number, www: boolean): string | null {
  let domainStart: number;
  if (www) {
    if (s.slice(i, i + 4).toLowerCase() !== 'www.') return null;
    domainStart = i;
  } else {
    const scheme = s.slice(i, i + 8).toLowerCase();
    if (scheme.startsWith('https://')) domainStart = i + 8;
    else if (scheme.startsWith('http://')) domainStart = i + 7;
    else return null;
  }
  DOMAIN.lastIndex = domainStart;
  if (!DOMAIN.test(s)) return null;
  let end = DOMAIN.lastIndex;
  const limit = Math.min(s.length, i + MAX_URL_LENGTH);
  while (end < limit && !URL_END.test(s[end])) end++;
  const domainEnd = DOMAIN.lastIndex;
  let unbalanced = 0;
  for (let k = domainEnd; k < end; k++) {
    if (s[k] === '(') unbalanced--;
    else if (s[k] === ')') unbalanced++;
  }
  // Trailing punctuation is the sentence's, and so is a ")" the URL did not open.
  while (end > domainEnd) {
    const last = s[end - 1];
    if (URL_TRAILING_PUNCTUATION.test(last)) end--;
    else if (last === ')' && unbalanced > 0) {
      unbalanced--;
      end--;
    } else break;
  }
  return s.slice(i, end);
}

class InlineParser {
  readonly tokens: Token[] = [];
  private readonly bottom: Delimiter;
  private lastDelimiter: Delimiter;
  private readonly brackets: Bracket[] = [];
  /** Brackets below this index in the stack are inactive: a link closed after them (no links in links). */
  private inactiveBelow = 0;
  private textStart = 0;
  private nextAt = -1;

  constructor(private readonly s: string) {
    this.bottom = { token: null as unknown as DelimiterToken, prev: null, next: null };
    this.lastDelimiter = this.bottom;
  }

  parse(): Token[] {
    const s = this.s;
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === '\\') {
        if (s[i + 1] === '\n') {
          this.flush(i);
          this.tokens.push({ t: 'br' });
          i += 2;
          this.textStart = i;
        } else if (ASCII_PUNCTUATION.test(s[i + 1] ?? '')) {
          // The escaped character starts the next piece of text.
          this.flush(i);
          i += 2;
          this.textStart = i - 1;
        } else i++;
      } else if (c === '\n') {
        this.flush(i);
        this.tokens.push({ t: 'br' });
        this.textStart = ++i;
      } else if (c === '*' || c === '_') {
        i = this.delimiterRun(i, c);
      } else if (c === '[') {
        this.flush(i);
        const token: Bracket['token'] = { t: 'bracket', link: false, href: undefined };
        this.tokens.push(token);
        this.brackets.push({ token, delimiterBelow: this.lastDelimiter });
        this.textStart = ++i;
      } else if (c === ']') {
        i = this.closeBracket(i);
      } else if (c === '<') {
        i = this.angleAutolink(i);
      } else if (EMAIL_CHARACTER.test(c)) {
        i = this.bareAutolink(i);
      } else i++;
    }
    this.flush(s.length);
    this.processEmphasis(this.bottom);
    return this.tokens;
  }

  private flush(end: number): void {
    if (end > this.textStart) this.tokens.push({ t: 'text', value: this.s.slice(this.textStart, end) });
    this.textStart = end;
  }

  private delimiterRun(i: number, char: '*' | '_'): number {
    const s = this.s;
    let end = i;
    while (s[end] === char) end++;
    const before = charBefore(s, i);
    const after = charAt(s, end);
    const leftFlanking = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
    const rightFlanking = !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
    const canOpen = char === '*' ? leftFlanking : leftFlanking && (!rightFlanking || isPunctuation(before));
    const canClose = char === '*' ? rightFlanking : rightFlanking && (!leftFlanking || isPunctuation(after));
    this.flush(i);
    const token: DelimiterToken = { t: 'delim', char, length: end - i, remaining: end - i, canOpen, canClose, opens: [], closes: [] };
    this.tokens.push(token);
    if (canOpen || canClose) {
      const delimiter: Delimiter = { token, prev: this.lastDelimiter, next: null };
      this.lastDelimiter.next = delimiter;
      this.lastDelimiter = delimiter;
    }
    this.textStart = end;
    return end;
  }

  private closeBracket(i: number): number {
    const bracket = this.brackets.pop();
    if (bracket === undefined) return i + 1; // a literal "]" in the text
    const active = this.brackets.length >= this.inactiveBelow;
    this.inactiveBelow = Math.min(this.inactiveBelow, this.brackets.length);
    const tail = active ? parseLinkTail(this.s, i + 1) : null;
    if (tail === null) return i + 1; // the "[" stays literal text
    this.flush(i);
    this.processEmphasis(bracket.delimiterBelow);
    bracket.token.link = true;
    bracket.token.href = safeHref(tail.destination);
    this.tokens.push({ t: 'linkEnd', destination: tail.destination });
    // No links inside links: every bracket still open is now inactive.
    this.inactiveBelow = this.brackets.length;
    this.textStart = tail.end;
    return tail.end;
  }

  private angleAutolink(i: number): number {
    const s = this.s;
    ANGLE_URI.lastIndex = i;
    let match = ANGLE_URI.exec(s);
    let href: string | undefined;
    if (match !== null) href = safeHref(match[1]);
    else {
      ANGLE_EMAIL.lastIndex = i;
      match = ANGLE_EMAIL.exec(s);
      if (match === null) return i + 1;
      href = safeHref(`mailto:${match[1]}`);
    }
    this.flush(i);
    this.tokens.push({ t: 'url', text: match[1], href });
    this.textStart = i + match[0].length;
    return this.textStart;
  }

  private bareAutolink(i: number): number {
    const s = this.s;
    const c = s[i];
    const before = i === 0 ? '' : s[i - 1];
    const www = c === 'w' || c === 'W';
    if (www ? before === '' || BEFORE_WWW.test(before) : (c === 'h' || c === 'H') && !AFTER_ASCII_LETTER.test(before)) {
      const url = bareUrlAt(s, i, www);
      if (url !== null) {
        const href = safeHref(www ? `http://${url}` : url);
        this.flush(i);
        this.tokens.push({ t: 'url', text: url, href });
        this.textStart = i + url.length;
        return this.textStart;
      }
    }
    // An email address: only worth a look at the start of one, with an "@" close ahead.
    if (before === '/' || EMAIL_CHARACTER.test(before)) return i + 1;
    if (this.nextAt < i) {
      const at = s.indexOf('@', i);
      this.nextAt = at === -1 ? s.length : at;
    }
    if (this.nextAt <= i + 64 && this.nextAt < s.length) {
      BARE_EMAIL.lastIndex = i;
      const match = BARE_EMAIL.exec(s);
      if (match !== null && match[0][0] !== '.' && !match[0].includes('..')) {
        this.flush(i);
        this.tokens.push({ t: 'url', text: match[0], href: safeHref(`mailto:${match[0]}`) });
        this.textStart = i + match[0].length;
        return this.textStart;
      }
    }
    return i + 1;
  }

  private unlink(delimiter: Delimiter): void {
    if (delimiter.prev !== null) delimiter.prev.next = delimiter.next;
    if (delimiter.next !== null) delimiter.next.prev = delimiter.prev;
    if (this.lastDelimiter === delimiter) this.lastDelimiter = delimiter.prev as Delimiter;
  }

  /** CommonMark's "process emphasis" over the delimiters above stackBottom, which it then removes. */
  private processEmphasis(stackBottom: Delimiter): void {
    const openersBottom = new Map<string, Delimiter>();
    let closer = stackBottom.next;
    while (closer !== null) {
      const c = closer.token;
      if (!c.canClose) {
        closer = closer.next;
        continue;
      }
      const key = `${c.char}${c.canOpen ? 1 : 0}${c.length % 3}`;
      const lowest = openersBottom.get(key) ?? stackBottom;
      let opener = closer.prev;
      let found = false;
      while (opener !== null && opener !== stackBottom && opener !== lowest) {
        const o = opener.token;
        if (o.char === c.char && o.canOpen) {
          const oddMatch = (c.canOpen || o.canClose) && (o.length + c.length) % 3 === 0 && !(o.length % 3 === 0 && c.length % 3 === 0);
          if (!oddMatch) {
            found = true;
            break;
          }
        }
        opener = opener.prev;
      }
      if (found && opener !== null) {
        const o = opener.token;
        const use = o.remaining >= 2 && c.remaining >= 2 ? 2 : 1;
        const tag: Tag = use === 2 ? 'strong' : 'em';
        o.remaining -= use;
        c.remaining -= use;
        o.opens.push(tag);
        c.closes.push(tag);
        // Delimiters between the two are text now.
        opener.next = closer;
        closer.prev = opener;
        if (o.remaining === 0) this.unlink(opener);
        if (c.remaining === 0) {
          const next = closer.next;
          this.unlink(closer);
          closer = next;
        }
      } else {
        openersBottom.set(key, closer.prev as Delimiter);
        const next = closer.next;
        if (!c.canOpen) this.unlink(closer);
        closer = next;
      }
    }
    stackBottom.next = null;
    this.lastDelimiter = stackBottom;
  }
}

function parseInline(text: string): Token[] {
  return new InlineParser(text).parse();
}

// =======================================================================================
// HTML

const LINK_REL = 'nofollow ugc noopener';

function escapeText(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function anchorStart(href: string): string {
  return `<a href="${escapeAttribute(href)}" rel="${LINK_REL}">`;
}

/**
 * Inline HTML from tokens. Every tag goes through one stack, so the output is well nested
 * whatever the tokens say: a close that does not match the innermost open tag is dropped,
 * and whatever is still open at the end is closed.
 */
function inlineHtml(tokens: readonly Token[]): string {
  let html = '';
  const open: (Tag | 'a')[] = [];
  const openTag = (tag: Tag) => {
    open.push(tag);
    html += `<${tag}>`;
  };
  const closeTag = (tag: Tag | 'a') => {
    if (open[open.length - 1] !== tag) return;
    open.pop();
    html += `</${tag}>`;
    if (tag === 'a') inAnchor = false;
  };
  let inAnchor = false;
  // Link syntax being read, with an anchor or refused: autolinks inside it are text.
  const links: { anchored: boolean; textAt: number }[] = [];
  for (const token of tokens) {
    switch (token.t) {
      case 'text':
        html += escapeText(token.value);
        break;
      case 'br':
        html += '<br>';
        break;
      case 'delim':
        for (const tag of token.closes) closeTag(tag);
        html += token.char.repeat(token.remaining);
        for (let k = token.opens.length - 1; k >= 0; k--) openTag(token.opens[k]);
        break;
      case 'bracket':
        if (!token.link) html += '[';
        else {
          const anchored = token.href !== undefined && links.length === 0 && !inAnchor;
          if (anchored) {
            open.push('a');
            inAnchor = true;
            html += anchorStart(token.href as string);
          }
          links.push({ anchored, textAt: html.length });
        }
        break;
      case 'linkEnd': {
        const link = links.pop();
        if (link?.anchored && inAnchor) {
          while (open[open.length - 1] !== 'a') closeTag(open[open.length - 1]);
          // An empty link text shows the address.
          if (html.slice(link.textAt).replace(/<[^>]*>/g, '').trim() === '') html += escapeText(token.destination);
          closeTag('a');
        }
        break;
      }
      case 'url':
        html +=
          token.href !== undefined && links.length === 0 && !inAnchor
            ? `${anchorStart(token.href)}${escapeText(token.text)}</a>`
            : escapeText(token.text);
        break;
    }
  }
  while (open.length > 0) closeTag(open[open.length - 1]);
  return html;
}

function blocksHtml(blocks: readonly Block[]): string {
  let html = '';
  for (const block of blocks) {
    if (block.kind === 'paragraph') html += `<p>${inlineHtml(parseInline(block.text))}</p>`;
    else html += listHtml(block);
  }
  return html;
}

function listHtml(list: List): string {
  const tag = list.ordered ? 'ol' : 'ul';
  let html = `<${tag}>`;
  for (const item of list.items) {
    html += '<li>';
    if (list.loose) html += blocksHtml(item);
    else {
      // A tight item shows its text without <p>.
      let previousParagraph = false;
      for (const block of item) {
        if (block.kind === 'paragraph') {
          if (previousParagraph) html += '<br>';
          html += inlineHtml(parseInline(block.text));
          previousParagraph = true;
        } else {
          html += listHtml(block);
          previousParagraph = false;
        }
      }
    }
    html += '</li>';
  }
  return `${html}</${tag}>`;
}

/**
 * Safe HTML for a comment body: only p, br, strong, em, ul, ol, li and
 * a[href, rel="nofollow ugc noopener"] with an http(s) or mailto href; everything else the
 * author typed is escaped text. Pure, synchronous, linear in the length of the body.
 */
export function renderCommentHtml(body: string): string {
  return blocksHtml(parseDocument(body));
}

// =======================================================================================
// Plain text

function inlineText(tokens: readonly Token[]): string {
  let text = '';
  let linkStart = -1;
  for (const token of tokens) {
    if (token.t === 'text') text += token.value;
    else if (token.t === 'br') text += '\n';
    else if (token.t === 'delim') text += token.char.repeat(token.remaining);
    else if (token.t === 'url') text += token.text;
    else if (token.t === 'bracket') {
      if (!token.link) text += '[';
      else linkStart = text.length;
    } else if (token.t === 'linkEnd') {
      if (linkStart >= 0 && text.slice(linkStart).trim() === '') text += token.destination;
      linkStart = -1;
    }
  }
  return text;
}

function blocksText(blocks: readonly Block[], separator: string): string {
  const parts: string[] = [];
  for (const block of blocks) {
    let text: string;
    if (block.kind === 'paragraph') text = inlineText(parseInline(block.text));
    else {
      text = block.items
        .map((item, index) => {
          const marker = block.ordered ? `${block.start + index}. ` : '• ';
          return marker + blocksText(item, '\n').replace(/\n/g, `\n${' '.repeat(marker.length)}`);
        })
        .join('\n');
    }
    if (text.trim() !== '') parts.push(text);
  }
  return parts.join(separator);
}

let graphemes: Intl.Segmenter | undefined;

/** At most maxLength UTF-16 code units ending in "…", cut between graphemes and, if one is near, between words. */
function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const budget = maxLength - 1;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let cut = 0;
  // The two code units past the budget settle every boundary up to it.
  for (const { index, segment } of graphemes.segment(text.slice(0, budget + 2))) {
    if (index + segment.length > budget) break;
    cut = index + segment.length;
  }
  let head = text.slice(0, cut);
  const lastSpace = head.search(/\s\S*$/);
  if (lastSpace > budget * 0.6) head = head.slice(0, lastSpace);
  return `${head.replace(/[\s,;:–—-]+$/u, '')}…`;
}

/**
 * The text of a comment without markup, for email notifications and previews:
 * paragraphs separated by a blank line, line breaks kept, list items on their own lines
 * ("• " or "1. "), a link as its text. With maxLength, at most that many characters
 * (UTF-16 code units), ending in "…" when cut. Not HTML: escape it where HTML is written.
 */
export function commentPlainText(body: string, maxLength?: number): string {
  if (maxLength !== undefined && !(Number.isInteger(maxLength) && maxLength >= 1)) {
    throw new RangeError(`maxLength must be a positive integer, not ${maxLength}`);
  }
  const text = blocksText(parseDocument(body), '\n\n').replace(/[ \t]+\n/g, '\n').trim();
  return maxLength === undefined ? text : truncate(text, maxLength);
}
