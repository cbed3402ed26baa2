// The one email template: a plain-text and an HTML version of the same content, so
// every message the site sends looks and reads alike.
import 'server-only';
import { absoluteUrl, site } from '@/lib/site';

export interface EmailAction {
  label: string;
  url: string;
}

export interface EmailContent {
  /** Shown by mail apps beside the subject; hidden in the body. */
  preheader?: string;
  heading: string;
  /** A picture under the heading (HTML only), e.g. a newsletter's cover: absolute http(s) URL. */
  image?: { url: string; alt: string };
  paragraphs: string[];
  /** One call to action, rendered as a button (HTML) and "Label: URL" (text). */
  action?: EmailAction;
  /** Small print under the action, e.g. what to do if you did not ask for this. */
  footnote?: string;
  /** Small links under the footnote (e.g. notification settings and unsubscribe). */
  footerLinks?: EmailAction[];
}

export interface RenderedEmail {
  text: string;
  html: string;
}

const colours = {
  brand: '#0f766e',
  ink: '#1e293b',
  muted: '#475569',
  sand: '#f5efe6',
  border: '#ebe1d2',
  white: '#ffffff',
} as const;

const fontStack = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Only http(s) links go into an email: anything else (javascript:, data:, …) is a bug upstream. */
export function safeEmailUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Email link is not an absolute URL: ${JSON.stringify(url.slice(0, 100))}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`Email link must be http(s), got ${JSON.stringify(parsed.protocol)}`);
  }
  // The parsed form has no whitespace and percent-encodes quotes and angle brackets,
  // so it stays on one line in the text version and inside one attribute in the HTML.
  return parsed.href;
}

/**
 * A member's name inside content, between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE
 * (Unicode's plain-text <bdi>): the HTML version shows it in <bdi>, so right-to-left
 * letters in it cannot reorder the sentence; the text version shows it bare.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;
const ISOLATED = /\u2068([^\u2066-\u2069]*)\u2069/g;
const plain = (value: string) => value.replace(ISOLATED, '$1');

/** Escaped text with isolated names in <bdi>. */
const htmlInline = (value: string) => escapeHtml(value).replace(ISOLATED, '<bdi>$1</bdi>');

/** Escaped text with its line breaks kept. */
function htmlText(value: string): string {
  return htmlInline(value).replace(/\r?\n/g, '<br>');
}

export function renderEmail(content: EmailContent): RenderedEmail {
  const action = content.action ? { label: content.action.label, url: safeEmailUrl(content.action.url) } : undefined;
  const homeUrl = absoluteUrl('/');
  return { text: renderText(content, action, homeUrl), html: renderHtml(content, action, homeUrl) };
}

function renderText(content: EmailContent, action: EmailAction | undefined, homeUrl: string): string {
  const blocks = [content.heading, ...content.paragraphs].map(plain);
  if (action) blocks.push(`${action.label}: ${action.url}`);
  if (content.footnote) blocks.push(content.footnote);
  if (content.footerLinks?.length) blocks.push(content.footerLinks.map((l) => `${l.label}: ${safeEmailUrl(l.url)}`).join('\n'));
  blocks.push(`-- \n${site.name}\n${homeUrl}`);
  return `${blocks.map((b) => b.trim()).join('\n\n')}\n`;
}

function renderHtml(content: EmailContent, action: EmailAction | undefined, homeUrl: string): string {
  const p = (text: string, style = '') =>
    `<p style="margin:0 0 16px;font-size:16px;line-height:1.6;color:${colours.ink};${style}">${htmlText(text)}</p>`;
  const preheader = content.preheader
    ? // Padding after the preheader stops mail apps from appending body text to the preview.
      `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(content.preheader)}${'&#8199;&#65279;&#847; '.repeat(40)}</div>`
    : '';
  const button = action
    ? `<table role="presentation" cellspacing="0" cellpadding="0" border="0" style="margin:8px 0 24px;">
<tr><td style="border-radius:999px;background:${colours.brand};" bgcolor="${colours.brand}">
<a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 24px;font-family:${fontStack};font-size:16px;font-weight:600;line-height:1.2;color:${colours.white};text-decoration:none;border-radius:999px;">${escapeHtml(action.label)}</a>
</td></tr></table>
${p(`If the button does not work, copy this link into your browser:`, `font-size:14px;color:${colours.muted};margin-bottom:4px;`)}
<p style="margin:0 0 24px;font-size:14px;line-height:1.5;word-break:break-all;"><a href="${escapeHtml(action.url)}" style="color:${colours.brand};">${escapeHtml(action.url)}</a></p>`
    : '';
  const footerLinks = (content.footerLinks ?? [])
    .map((l) => `<a href="${escapeHtml(safeEmailUrl(l.url))}" style="color:${colours.brand};">${escapeHtml(l.label)}</a>`)
    .join(' &middot; ');
  const footnote =
    (content.footnote ? p(content.footnote, `font-size:14px;color:${colours.muted};`) : '') +
    (footerLinks ? `<p style="margin:0 0 16px;font-size:14px;line-height:1.6;">${footerLinks}</p>` : '');

  return `<!DOCTYPE html>
<html lang="${escapeHtml(site.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(plain(content.heading))}</title>
</head>
<body style="margin:0;padding:0;background:${colours.sand};">
${preheader}
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="background:${colours.sand};" bgcolor="${colours.sand}">
<tr><td align="center" style="padding:24px 12px;font-family:${fontStack};">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="max-width:560px;">
<tr><td style="padding:0 8px 16px;font-size:18px;font-weight:700;color:${colours.brand};">
<a href="${escapeHtml(homeUrl)}" style="color:${colours.brand};text-decoration:none;">${escapeHtml(site.name)}</a>
</td></tr>
<tr><td style="background:${colours.white};border:1px solid ${colours.border};border-radius:16px;padding:32px 28px;" bgcolor="${colours.white}">
<h1 style="margin:0 0 20px;font-size:24px;line-height:1.3;font-weight:700;color:${colours.ink};">${htmlInline(content.heading)}</h1>
${content.image ? `<img src="${escapeHtml(safeEmailUrl(content.image.url))}" alt="${escapeHtml(content.image.alt)}" width="502" style="display:block;width:100%;max-width:502px;height:auto;margin:0 0 20px;border-radius:12px;">` : ''}
${content.paragraphs.map((text) => p(text)).join('\n')}
${button}
${footnote}
</td></tr>
<tr><td style="padding:20px 8px 0;font-size:13px;line-height:1.5;color:${colours.muted};">
${escapeHtml(site.name)} · ${escapeHtml(site.tagline)}<br>
<a href="${escapeHtml(homeUrl)}" style="color:${colours.muted};">${escapeHtml(homeUrl)}</a>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
