// Inline content of a comment: emphasis, links, autolinks and line breaks, parsed with
// the CommonMark delimiter and bracket algorithms in linear time.
import { MAX_URL_LENGTH, safeHref } from './links';

export type Tag = 'strong' | 'em';

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

export type Token =
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

export function parseInline(text: string): Token[] {
  return new InlineParser(text).parse();
}

