// Minimal, strict XML building for feeds: every text node and attribute is escaped.
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Drops characters XML 1.0 forbids, so a stray control character cannot break a feed. */
function stripInvalidXmlChars(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

export function escapeXml(value: string): string {
  return stripInvalidXmlChars(value).replace(/[&<>"']/g, (c) => escapes[c]);
}

/** CDATA for HTML payloads; a literal "]]>" is split so it cannot end the section. */
export function cdata(value: string): string {
  return `<![CDATA[${stripInvalidXmlChars(value).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** RFC 2822 date, as RSS requires (e.g. "Mon, 02 Mar 2026 00:00:00 +0000"). */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

export function xmlResponse(body: string, contentType = 'application/rss+xml; charset=utf-8'): Response {
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'public, max-age=300, s-maxage=3600' } });
}
