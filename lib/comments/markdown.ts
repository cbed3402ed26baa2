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
import { COMMENT_MAX_LENGTH } from './limits';
import { normaliseBody, parseDocument, type Block, type List } from './markdown/blocks';
import { parseInline, type Tag, type Token } from './markdown/inline';

export { COMMENT_MAX_LENGTH };

const countFormat = new Intl.NumberFormat('en-GB');

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
