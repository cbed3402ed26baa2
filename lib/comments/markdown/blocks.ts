// Block structure of a comment: paragraphs and (nested) lists, CommonMark rules.

/** CRLF and lone CR become LF; control characters other than tab and LF go (PostgreSQL refuses NUL). */
export function normaliseBody(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}


export interface Paragraph {
  kind: 'paragraph';
  /** The paragraph's lines, stripped of indentation and trailing spaces, joined by \n. */
  text: string;
}
export interface List {
  kind: 'list';
  ordered: boolean;
  start: number;
  /** Blank lines between items or inside one: items' paragraphs get <p>. */
  loose: boolean;
  items: Block[][];
}
export type Block = Paragraph | List;

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

export function parseDocument(body: string): Block[] {
  const lines = normaliseBody(body).split('\n').map(expandLeadingTabs);
  return parseBlocks(lines, 0).blocks;
}

