import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { COMMENT_MAX_LENGTH, commentBodySchema, commentPlainText, renderCommentHtml } from '@/lib/comments/markdown';

// ---------------------------------------------------------------------------------------
// A strict checker for the renderer's output. It accepts only what the allowlist allows
// (p, br, strong, em, ul, ol, li, a[href, rel]), well nested, with every "<" a tag it
// understands, no raw ">" in text, and "&" only in the few references the renderer writes.
// It returns the problems it finds, so a failure names them.

const TAGS = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a']);
const BLOCK = new Set(['p', 'ul', 'ol', 'li']);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s=>]+="[^"<>]*")*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([^\s=>]+)="([^"]*)"/g;
const ENTITY = /&(?:amp|lt|gt|quot|#\d{1,7}|#x[0-9a-f]{1,6});/gi;
const REL = 'nofollow ugc noopener';

function decodeEntities(value: string): string {
  return value.replace(ENTITY, (entity) => {
    const name = entity.slice(1, -1).toLowerCase();
    if (name === 'amp') return '&';
    if (name === 'lt') return '<';
    if (name === 'gt') return '>';
    if (name === 'quot') return '"';
    return String.fromCodePoint(name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
  });
}

function checkHref(href: string): string[] {
  const problems: string[] = [];
  const value = decodeEntities(href);
  if (/^(?:javascript|vbscript|data|file):/i.test(value.replace(/[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\ufeff]/g, ''))) {
    problems.push(`dangerous href ${JSON.stringify(value)}`);
  }
  if (/[\u0000-\u0020\u007f"'<>\\`]/.test(value)) problems.push(`href with a raw space, control or quote: ${JSON.stringify(value)}`);
  if (!/^(?:https?:\/\/[^/]|mailto:)/i.test(value)) problems.push(`href not absolute http(s)/mailto: ${JSON.stringify(value)}`);
  try {
    const url = new URL(value);
    if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) problems.push(`href protocol ${url.protocol}`);
  } catch {
    problems.push(`href does not parse: ${JSON.stringify(value)}`);
  }
  return problems;
}

function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  // What the brief names outright, whatever the scanner below makes of it.
  if (/<\s*\/?\s*(?:script|style|iframe|img|svg|object|embed|base|meta|link|form|math|template)\b/i.test(html)) problems.push('forbidden tag');
  const stack: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const text = html.slice(i, lt === -1 ? html.length : lt);
    if (text !== '') {
      if (text.includes('>')) problems.push(`raw ">" in text ${JSON.stringify(text)}`);
      if (text.replace(ENTITY, '').includes('&')) problems.push(`unknown "&" reference in ${JSON.stringify(text)}`);
      const parent = stack[stack.length - 1];
      if (parent === 'ul' || parent === 'ol') problems.push(`text directly in <${parent}>`);
      if (parent === undefined) problems.push(`text outside any block: ${JSON.stringify(text)}`);
    }
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const match = TAG.exec(html);
    if (match === null) {
      problems.push(`unparsable markup at ${JSON.stringify(html.slice(lt, lt + 40))}`);
      i = lt + 1;
      continue;
    }
    i = TAG.lastIndex;
    const [raw, closing, rawName, rawAttributes, selfClosing] = match;
    const name = rawName.toLowerCase();
    if (name !== rawName) problems.push(`upper-case tag ${raw}`);
    if (!TAGS.has(name)) problems.push(`tag not allowed: ${raw}`);
    if (/\son[a-z]*\s*=/i.test(raw)) problems.push(`event handler attribute in ${raw}`);
    const attributes = new Map<string, string>();
    for (const [, key, value] of rawAttributes.matchAll(ATTRIBUTE)) {
      if (attributes.has(key)) problems.push(`repeated attribute ${key} in ${raw}`);
      attributes.set(key, value);
    }
    if (closing) {
      if (rawAttributes !== '' || selfClosing) problems.push(`odd closing tag ${raw}`);
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
      continue;
    }
    if (selfClosing) problems.push(`self-closing syntax ${raw}`);
    if (name === 'a') {
      const keys = [...attributes.keys()].sort().join(',');
      if (keys !== 'href,rel') problems.push(`<a> attributes must be exactly href and rel: ${raw}`);
      if (attributes.get('rel') !== REL) problems.push(`<a> rel must be "${REL}": ${raw}`);
      problems.push(...checkHref(attributes.get('href') ?? ''));
    } else if (attributes.size > 0) {
      problems.push(`attributes on <${name}>: ${raw}`);
    }
    // Content model: what a browser would otherwise repair into something else.
    const parent = stack[stack.length - 1];
    if (name === 'li' && parent !== 'ul' && parent !== 'ol') problems.push(`<li> in <${parent ?? 'root'}>`);
    if ((parent === 'ul' || parent === 'ol') && name !== 'li') problems.push(`<${name}> directly in <${parent}>`);
    if (BLOCK.has(name) && name !== 'li' && parent !== undefined && parent !== 'li') problems.push(`<${name}> inside <${parent}>`);
    if (parent === undefined && !BLOCK.has(name)) problems.push(`inline <${name}> outside any block`);
    if (name === 'a' && stack.includes('a')) problems.push('nested <a>');
    if (name !== 'br') stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.map((tag) => `<${tag}>`).join('')}`);
  return problems;
}

function expectSafe(html: string, input: string): void {
  expect(htmlProblems(html), `input ${JSON.stringify(input)}\noutput ${html}`).toEqual([]);
}

const rel = `rel="${REL}"`;

// ---------------------------------------------------------------------------------------

/** tests/fixtures/xss-payloads.txt: one payload a line, ";;" comments, {{LF}}-style escapes. */
function loadPayloads(): string[] {
  const file = readFileSync(path.resolve(import.meta.dirname, '../fixtures/xss-payloads.txt'), 'utf8');
  const named: Record<string, string> = { LF: '\n', CR: '\r', TAB: '\t', NUL: '\u0000' };
  return file
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith(';;'))
    .map((line) =>
      line.replace(/\{\{(LF|CR|TAB|NUL|U\+[0-9A-F]{4,6})\}\}/g, (_, name: string) =>
        name.startsWith('U+') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : named[name],
      ),
    );
}

const payloads = loadPayloads();

/** Each payload alone and in the places Markdown gives it. */
const contexts: [string, (payload: string) => string][] = [
  ['alone', (p) => p],
  ['in a sentence', (p) => `Thanks for this **great** article! ${p} Loved it.`],
  ['own paragraph', (p) => `First paragraph.\n\n${p}\n\nLast *paragraph*.`],
  ['after a line break', (p) => `Line one\n${p}\nline three`],
  ['in a list', (p) => `- one\n- ${p}\n  - nested ${p}`],
  ['in an ordered list', (p) => `1. ${p}\n2. two`],
  ['in strong', (p) => `**${p}**`],
  ['in emphasis', (p) => `_${p}_ and *${p}*`],
  ['as link text', (p) => `[${p}](https://example.com)`],
  ['as link destination', (p) => `[click](${p})`],
  ['as link destination in <>', (p) => `[click](<${p}>)`],
  ['as a title', (p) => `[click](https://example.com "${p}")`],
  ['after a URL', (p) => `https://example.com/${p}`],
  ['as an autolink', (p) => `<${p}>`],
];

describe('renderCommentHtml: XSS payloads', () => {
  it('has a real list of payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(120);
    expect(new Set(payloads).size).toBe(payloads.length);
  });

  for (const [name, wrap] of contexts) {
    it(`keeps every payload inert: ${name}`, () => {
      for (const payload of payloads) {
        const input = wrap(payload);
        expectSafe(renderCommentHtml(input), input);
      }
    });
  }

  it('keeps them inert all at once, as one long comment', () => {
    const input = payloads.join('\n\n');
    expectSafe(renderCommentHtml(input), input);
    const joined = payloads.join(' ');
    expectSafe(renderCommentHtml(joined), joined);
  });

  it('shows the raw HTML as escaped text', () => {
    expect(renderCommentHtml('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(renderCommentHtml('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(renderCommentHtml('"><svg/onload=alert(1)>')).toBe('<p>"&gt;&lt;svg/onload=alert(1)&gt;</p>');
    // Entities are what the author typed, not a way to smuggle markup in.
    expect(renderCommentHtml('&lt;b&gt; &#60;i&#62;')).toBe('<p>&amp;lt;b&amp;gt; &amp;#60;i&amp;#62;</p>');
  });

  it('turns a link with an unsafe destination into its text', () => {
    for (const destination of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '&#106;avascript:alert(1)',
      'javascript&colon;alert(1)',
      'javascript\\:alert(1)',
      ' javascript:alert(1)',
      '\u0001javascript:alert(1)',
      'java\u200bscript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      '//evil.example',
      '/relative',
      'relative/path',
      '#top',
      'ftp://example.com',
      'https:evil.example',
      'https:/evil.example',
      'https:\\\\evil.example',
      'https://user:pass@evil.example',
      'mailto:nobody',
      '',
    ]) {
      const input = `see [the link](${destination}) here`;
      expect(renderCommentHtml(input), input).toBe('<p>see the link here</p>');
    }
    // Whitespace inside a destination means it is no link at all: literal text.
    expect(renderCommentHtml('[x](java\nscript:alert(1))')).toBe('<p>[x](java<br>script:alert(1))</p>');
    expect(renderCommentHtml('[x](java\tscript:alert(1))')).toBe('<p>[x](java\tscript:alert(1))</p>');
    expect(renderCommentHtml('<javascript:alert(1)>')).toBe('<p>javascript:alert(1)</p>');
    expect(renderCommentHtml('![x](javascript:alert(1))')).toBe('<p>!x</p>');
    expect(renderCommentHtml('[x]\n\n[x]: javascript:alert(1)')).toBe('<p>[x]</p><p>[x]: javascript:alert(1)</p>');
  });

  it('never lets a quote out of the href', () => {
    const html = renderCommentHtml('[x](https://example.com/"onmouseover="alert(1)) and https://example.com/\'onfocus=\'alert(1)\'');
    expect(html).toBe(
      `<p><a href="https://example.com/%22onmouseover=%22alert(1)" ${rel}>x</a> and ` +
        `<a href="https://example.com/%27onfocus=%27alert(1)" ${rel}>https://example.com/'onfocus='alert(1)</a>'</p>`,
    );
    expectSafe(html, '');
  });

  it('survives adversarial nesting and delimiter soup', () => {
    const inputs = [
      '*a'.repeat(2500),
      '**'.repeat(1250) + 'x' + '**'.repeat(1250),
      '['.repeat(2500) + ']'.repeat(2500),
      '[a]('.repeat(1250),
      '<a'.repeat(2500),
      Array.from({ length: 60 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n'),
      '- '.repeat(2500),
      '*_[<`\\'.repeat(800),
      '[*a](https://example.com)*'.repeat(100),
      '*[a*](https://example.com)'.repeat(100),
      '***a**b*c***'.repeat(200),
      '_a_b_ __a__b__'.repeat(200),
      'https://example.com/*a*_b_ '.repeat(100),
    ];
    for (const input of inputs) expectSafe(renderCommentHtml(input), input.slice(0, 80));
  });
});

describe('htmlProblems (the checker itself)', () => {
  it('flags what the renderer must never write', () => {
    expect(htmlProblems('<p>ok <strong>bold</strong> <a href="https://example.com/" rel="nofollow ugc noopener">x</a></p>')).toEqual([]);
    for (const bad of [
      '<p><script>alert(1)</script></p>',
      '<p><img src=x onerror=alert(1)></p>',
      '<p onclick="alert(1)">x</p>',
      '<p class="x">x</p>',
      '<p><a href="javascript:alert(1)" rel="nofollow ugc noopener">x</a></p>',
      '<p><a href="java&#x09;script:alert(1)" rel="nofollow ugc noopener">x</a></p>',
      '<p><a href="data:text/html,x" rel="nofollow ugc noopener">x</a></p>',
      '<p><a href="https://example.com/">no rel</a></p>',
      '<p><a href="https://example.com/" rel="nofollow ugc noopener" target="_blank">x</a></p>',
      '<p>a > b</p>',
      '<p><em>unclosed</p>',
      '<h1>x</h1>',
      'loose text',
    ]) {
      expect(htmlProblems(bad), bad).not.toEqual([]);
    }
  });
});

describe('renderCommentHtml: the supported Markdown', () => {
  it('writes paragraphs, and a line break for every single newline', () => {
    expect(renderCommentHtml('Hello there\nsecond line\n\nNew paragraph')).toBe('<p>Hello there<br>second line</p><p>New paragraph</p>');
    expect(renderCommentHtml('a  \nb\\\nc')).toBe('<p>a<br>b<br>c</p>');
    expect(renderCommentHtml('\n\n  padded  \n\n\n')).toBe('<p>padded</p>');
    expect(renderCommentHtml('one\r\ntwo\rthree')).toBe('<p>one<br>two<br>three</p>');
  });

  it('writes bold and italic', () => {
    expect(renderCommentHtml('**bold** and __bold__')).toBe('<p><strong>bold</strong> and <strong>bold</strong></p>');
    expect(renderCommentHtml('*italic* and _italic_')).toBe('<p><em>italic</em> and <em>italic</em></p>');
    expect(renderCommentHtml('***both***')).toBe('<p><em><strong>both</strong></em></p>');
    expect(renderCommentHtml('**bold with *italic* inside**')).toBe('<p><strong>bold with <em>italic</em> inside</strong></p>');
    expect(renderCommentHtml('snake_case_name and 2*3*4')).toBe('<p>snake_case_name and 2<em>3</em>4</p>');
    expect(renderCommentHtml('\\*not italic\\*')).toBe('<p>*not italic*</p>');
    expect(renderCommentHtml('** not bold **')).toBe('<p>** not bold **</p>');
  });

  it('writes bullet and numbered lists, flat and nested', () => {
    expect(renderCommentHtml('- one\n- two\n- three')).toBe('<ul><li>one</li><li>two</li><li>three</li></ul>');
    expect(renderCommentHtml('* one\n+ two')).toBe('<ul><li>one</li></ul><ul><li>two</li></ul>');
    expect(renderCommentHtml('1. first\n2. second')).toBe('<ol><li>first</li><li>second</li></ol>');
    expect(renderCommentHtml('- a\n  - a.1\n    1. a.1.i\n- b')).toBe(
      '<ul><li>a<ul><li>a.1<ol><li>a.1.i</li></ol></li></ul></li><li>b</li></ul>',
    );
    expect(renderCommentHtml('My points:\n- **one**\n- two')).toBe('<p>My points:</p><ul><li><strong>one</strong></li><li>two</li></ul>');
    // A loose list keeps its paragraphs.
    expect(renderCommentHtml('- one\n\n- two\n  continued')).toBe('<ul><li><p>one</p></li><li><p>two<br>continued</p></li></ul>');
    // A number mid-sentence does not start a list.
    expect(renderCommentHtml('I was born in\n1984. It was cold.')).toBe('<p>I was born in<br>1984. It was cold.</p>');
  });

  it('writes links with rel and no target', () => {
    expect(renderCommentHtml('[the guide](https://example.com/guide?a=1&b=2)')).toBe(
      `<p><a href="https://example.com/guide?a=1&#38;b=2" ${rel}>the guide</a></p>`,
    );
    expect(renderCommentHtml('[**bold** link](http://example.com "Title")')).toBe(
      `<p><a href="http://example.com/" ${rel}><strong>bold</strong> link</a></p>`,
    );
    expect(renderCommentHtml('[](https://example.com)')).toBe(`<p><a href="https://example.com/" ${rel}>https://example.com</a></p>`);
    expect(renderCommentHtml('[a [nested](https://b.example) link](https://a.example)')).toBe(
      `<p>[a <a href="https://b.example/" ${rel}>nested</a> link](<a href="https://a.example/" ${rel}>https://a.example</a>)</p>`,
    );
    expect(renderCommentHtml('[x](https://example.com)')).not.toMatch(/target=/);
  });

  it('links bare URLs, www. addresses, email addresses and <…> autolinks', () => {
    expect(renderCommentHtml('See https://example.com/a_b?c=d.')).toBe(
      `<p>See <a href="https://example.com/a_b?c=d" ${rel}>https://example.com/a_b?c=d</a>.</p>`,
    );
    expect(renderCommentHtml('(at https://example.com/x)')).toBe(`<p>(at <a href="https://example.com/x" ${rel}>https://example.com/x</a>)</p>`);
    expect(renderCommentHtml('**https://example.com**')).toBe(
      `<p><strong><a href="https://example.com/" ${rel}>https://example.com</a></strong></p>`,
    );
    expect(renderCommentHtml('visit www.example.com today')).toBe(`<p>visit <a href="http://www.example.com/" ${rel}>www.example.com</a> today</p>`);
    expect(renderCommentHtml('<https://example.com/x>')).toBe(`<p><a href="https://example.com/x" ${rel}>https://example.com/x</a></p>`);
    expect(renderCommentHtml('notAURL:https://example.com')).toBe('<p>notAURL:<a href="https://example.com/" rel="nofollow ugc noopener">https://example.com</a></p>');
    expect(renderCommentHtml('xhttps://example.com')).toBe('<p>xhttps://example.com</p>');
  });

  it('writes mailto links', () => {
    expect(renderCommentHtml('[email us](mailto:coach@example.com)')).toBe(`<p><a href="mailto:coach@example.com" ${rel}>email us</a></p>`);
    expect(renderCommentHtml('write to coach@example.com.')).toBe(`<p>write to <a href="mailto:coach@example.com" ${rel}>coach@example.com</a>.</p>`);
    expect(renderCommentHtml('<coach@example.com>')).toBe(`<p><a href="mailto:coach@example.com" ${rel}>coach@example.com</a></p>`);
  });

  it('keeps emoji and any other Unicode', () => {
    const text = 'Great 🎉👍🏽 family 👨‍👩‍👧 flags 🇬🇧 café 日本語 עברית';
    expect(renderCommentHtml(text)).toBe(`<p>${text}</p>`);
    expect(renderCommentHtml('**🎉**')).toBe('<p><strong>🎉</strong></p>');
  });

  it('shows literal HTML escaped', () => {
    expect(renderCommentHtml('I mean <b>this</b> & that')).toBe('<p>I mean &lt;b&gt;this&lt;/b&gt; &amp; that</p>');
  });

  it('does not render headings, images, code, tables, quotes or rules', () => {
    const cases: [string, string][] = [
      ['# Heading', '<p># Heading</p>'],
      ['### Small *heading*', '<p>### Small <em>heading</em></p>'],
      ['Setext\n===', '<p>Setext<br>===</p>'],
      ['![a cat](https://example.com/cat.png)', `<p>!<a href="https://example.com/cat.png" ${rel}>a cat</a></p>`],
      ['```js\nconst a = 1 < 2;\n```', '<p>```js<br>const a = 1 &lt; 2;<br>```</p>'],
      ['`code`', '<p>`code`</p>'],
      ['    indented code', '<p>indented code</p>'],
      ['| a | b |\n|---|---|\n| 1 | 2 |', '<p>| a | b |<br>|---|---|<br>| 1 | 2 |</p>'],
      ['> a quote', '<p>&gt; a quote</p>'],
      ['before\n\n---\n\n* * *', '<p>before</p><p>---</p><p>* * *</p>'],
      ['~~strike~~', '<p>~~strike~~</p>'],
      ['- [ ] task', '<ul><li>[ ] task</li></ul>'],
      ['note[^1]\n\n[^1]: footnote', '<p>note[^1]</p><p>[^1]: footnote</p>'],
    ];
    for (const [input, expected] of cases) {
      expect(renderCommentHtml(input), input).toBe(expected);
      expectSafe(renderCommentHtml(input), input);
    }
    expect(renderCommentHtml('# a\n```\nx\n```\n> q\n![i](https://e.example/i.png)\n|a|\n|-|')).not.toMatch(/<(?:h\d|img|pre|code|table|blockquote|hr)\b/);
  });

  it('is deterministic', () => {
    const body = payloads.slice(0, 40).join('\n');
    expect(renderCommentHtml(body)).toBe(renderCommentHtml(body));
  });
});

describe('commentBodySchema', () => {
  it('refuses an empty or blank comment', () => {
    for (const body of ['', '   ', '\n\n\t \r\n']) {
      const result = commentBodySchema.safeParse(body);
      expect(result.success, JSON.stringify(body)).toBe(false);
      expect(result.error?.issues[0].message).toBe('Write something first.');
    }
    expect(commentBodySchema.safeParse(undefined).error?.issues[0].message).toBe('Write something first.');
    expect(commentBodySchema.safeParse(42).success).toBe(false);
  });

  it('accepts 5,000 characters and refuses 5,001 with the count', () => {
    expect(COMMENT_MAX_LENGTH).toBe(5000);
    expect(commentBodySchema.parse('a'.repeat(5000))).toBe('a'.repeat(5000));
    // Whitespace around the text does not count.
    expect(commentBodySchema.parse(`  \n${'a'.repeat(5000)}\n  `)).toBe('a'.repeat(5000));
    const result = commentBodySchema.safeParse('a'.repeat(5001));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('Keep it under 5,000 characters: this is 5,001.');
    expect(commentBodySchema.safeParse('a'.repeat(12345)).error?.issues[0].message).toBe('Keep it under 5,000 characters: this is 12,345.');
  });

  it('is a zod schema from string to string', () => {
    // Checked by tsc: the schema fits the shape callers rely on.
    const typed: z.ZodType<string, string> = commentBodySchema;
    expect(typed.parse(' ok ')).toBe('ok');
  });

  it('trims and normalises line endings', () => {
    expect(commentBodySchema.parse('  Hello\r\nthere\rfriend\r\n\r\n')).toBe('Hello\nthere\nfriend');
    // Control characters other than tab and newline are dropped (PostgreSQL refuses NUL).
    expect(commentBodySchema.parse('a\u0000b\u0007c\td')).toBe('abc\td');
    // Counted after normalising: 2,500 CRLFs are 2,500 characters.
    expect(commentBodySchema.parse(`x${'\r\n'.repeat(2500)}y`)).toHaveLength(2502);
  });
});

describe('commentPlainText', () => {
  it('drops the Markdown markup', () => {
    expect(commentPlainText('**Hi** _there_, see [the guide](https://example.com/guide) or https://example.com.')).toBe(
      'Hi there, see the guide or https://example.com.',
    );
    expect(commentPlainText('First line\nsecond line\n\n\n\nNext paragraph')).toBe('First line\nsecond line\n\nNext paragraph');
    expect(commentPlainText('Points:\n- one\n- **two**\n  - nested\n\n1. first\n2. second')).toBe(
      'Points:\n\n• one\n• two\n  • nested\n\n1. first\n2. second',
    );
    // Unsafe links lose their destination here too.
    expect(commentPlainText('[click](javascript:alert(1))')).toBe('click');
  });

  it('is text, not HTML: what the author typed literally stays', () => {
    expect(commentPlainText('a <b>tag</b> & # not a heading')).toBe('a <b>tag</b> & # not a heading');
  });

  it('truncates with an ellipsis', () => {
    const long = 'The stretches helped my lower back a great deal over the last few weeks, thank you.';
    const short = commentPlainText(long, 40);
    expect(short.length).toBeLessThanOrEqual(40);
    expect(short).toBe('The stretches helped my lower back a…');
    expect(commentPlainText(long, 200)).toBe(long);
    expect(commentPlainText(long, long.length)).toBe(long);
    expect(commentPlainText('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
    expect(commentPlainText('**bold words here**', 12)).toBe('bold words…');
  });

  it('never cuts an emoji in half', () => {
    for (let max = 1; max <= 14; max++) {
      const text = commentPlainText('👍🏽👨‍👩‍👧🇬🇧🎉'.repeat(3), max);
      expect(text.length).toBeLessThanOrEqual(max);
      expect(text.endsWith('…')).toBe(true);
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u200d…$/);
      expect([...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text.slice(0, -1))].every(({ segment }) => /^(?:👍🏽|👨‍👩‍👧|🇬🇧|🎉)$/u.test(segment))).toBe(true);
    }
  });

  it('refuses a maxLength that is not a positive integer', () => {
    expect(() => commentPlainText('x', 0)).toThrow(RangeError);
    expect(() => commentPlainText('x', 2.5)).toThrow(RangeError);
  });
});
