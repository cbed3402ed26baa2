import { describe, expect, it } from 'vitest';
import { escapeHtml, renderEmail } from '@/lib/email/render';
import {
  accountDeleted,
  changeEmail,
  emailChangedNotice,
  formatExpiry,
  magicLink,
  passwordChangedNotice,
  passwordReset,
  verifyEmail,
} from '@/lib/email/templates';
import { site } from '@/lib/site';

const XSS = '<script>alert(1)</script>';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';

describe('renderEmail', () => {
  it('escapes HTML in every field of the HTML version', () => {
    const { html, text } = renderEmail({
      preheader: `pre ${XSS}`,
      heading: `Hi ${XSS}`,
      paragraphs: [`Dear ${XSS}`, `Quotes " and ' and & too`],
      action: { label: `Go ${XSS}`, url: 'https://example.com/verify?name="><script>alert(1)</script>&x=1' },
      footnote: `foot ${XSS}`,
    });
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/"><script/);
    // Each field appears, escaped: preheader, heading (h1 and title), paragraph, label, footnote.
    for (const field of [`pre ${ESCAPED}`, `Hi ${ESCAPED}`, `Dear ${ESCAPED}`, `Go ${ESCAPED}`, `foot ${ESCAPED}`]) {
      expect(html).toContain(field);
    }
    expect(html).toContain(`<title>Hi ${ESCAPED}</title>`);
    expect(html).toContain('Quotes &quot; and &#39; and &amp; too');
    // The URL's query is percent-encoded and its & escaped inside the attribute.
    expect(html).toContain('href="https://example.com/verify?name=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&amp;x=1"');
    // The text version is plain text: nothing to escape, everything present.
    expect(text).toContain(`Hi ${XSS}`);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<b>x</b>', 'mailto:a@example.com', '/relative/path', 'not a url'])(
    'refuses the action URL %j',
    (url) => {
      expect(() => renderEmail({ heading: 'H', paragraphs: ['P'], action: { label: 'Click', url } })).toThrow(/Email link/);
    },
  );

  it('puts the action as "Label: URL" on its own line of the text version', () => {
    const url = 'https://www.example.com/verify-email?token=abc123';
    const { text, html } = renderEmail({ heading: 'Confirm', paragraphs: ['One.', 'Two.'], action: { label: 'Confirm my email', url }, footnote: 'Ignore it.' });
    expect(text.split('\n')).toContain(`Confirm my email: ${url}`);
    expect(text).toBe(`Confirm\n\nOne.\n\nTwo.\n\nConfirm my email: ${url}\n\nIgnore it.\n\n-- \n${site.name}\n${site.url}/\n`);
    expect(html).toContain(`href="${url}"`);
  });

  it('uses the brand, the site name and the site URL', () => {
    const { html } = renderEmail({ heading: 'Hello', paragraphs: ['Body'], action: { label: 'Go', url: 'https://example.com/a' } });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`<html lang="${site.language}">`);
    expect(html).toContain('#0f766e');
    expect(html).toContain('#1e293b');
    expect(html).toContain('#f5efe6');
    expect(html).toContain(site.name);
    expect(html).toContain(`href="${site.url}/"`);
  });

  it('renders footer links as real links in HTML and "Label: URL" in text, refusing unsafe URLs', () => {
    const email = renderEmail({
      heading: 'H',
      paragraphs: ['P'],
      footerLinks: [
        { label: 'Stop all comment emails', url: 'https://example.com/notifications/unsubscribe?token=a&b=1' },
      ],
    });
    expect(() => renderEmail({ heading: 'H', paragraphs: [], footerLinks: [{ label: 'Evil', url: 'javascript:alert(1)' }] })).toThrow(/http/);
    expect(email.html).toContain('<a href="https://example.com/notifications/unsubscribe?token=a&amp;b=1"');
    expect(email.html).toContain('>Stop all comment emails</a>');
    expect(email.html).not.toContain('javascript:');
    expect(email.text).toContain('Stop all comment emails: https://example.com/notifications/unsubscribe?token=a&b=1');
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('email templates', () => {
  const url = 'https://www.example.com/some/link?token=t0k3n';
  const all = [
    verifyEmail({ name: 'Sam', url }),
    passwordReset({ url, expiresInMinutes: 60 }),
    magicLink({ url, expiresInMinutes: 15 }),
    changeEmail({ newEmail: 'new@example.com', url }),
    emailChangedNotice({ newEmail: 'new@example.com' }),
    passwordChangedNotice(),
    accountDeleted(),
  ];

  it('each has a distinct template name, a one-line subject, both versions, and says what to do if unasked', () => {
    expect(new Set(all.map((m) => m.template)).size).toBe(all.length);
    for (const message of all) {
      expect(message.subject).toMatch(/^[^\r\n]{5,120}$/);
      expect(message.text.length).toBeGreaterThan(50);
      expect(message.html).toContain('</html>');
      expect(message.text).toMatch(/If you did not/);
      expect(message.html).toMatch(/If you did not/);
    }
  });

  it('links appear in both versions where the message has an action', () => {
    for (const message of all.slice(0, 4)) {
      expect(message.text).toContain(url);
      expect(message.html).toContain(`href="${url}"`);
    }
    expect(passwordReset({ url, expiresInMinutes: 60 }).text).toContain('expires in 1 hour');
    expect(magicLink({ url, expiresInMinutes: 15 }).text).toContain('expires in 15 minutes');
  });

  it('escapes user-supplied values in the HTML version', () => {
    // (A name with a slash, like XSS itself, is not shown at all: see tests/unit/email-names.test.ts.)
    const name = 'Sam <img src=x onerror=alert(1)>';
    const verify = verifyEmail({ name, url });
    expect(verify.text).toContain(`Hi ${name},`);
    expect(verify.html).toContain('Hi <bdi>Sam &lt;img src=x onerror=alert(1)&gt;</bdi>,');
    expect(verify.html).not.toContain('<img');
    expect(verifyEmail({ name: XSS, url }).html).not.toContain('<script');
    const change = changeEmail({ newEmail: `"${XSS}"@example.com`, url });
    expect(change.html).not.toContain('<script');
    expect(emailChangedNotice({ newEmail: XSS }).html).not.toContain('<script');
  });

  it('greets without a name when there is none, and refuses a javascript: link', () => {
    expect(verifyEmail({ name: null, url }).text).toMatch(/^Hi,$/m);
    expect(() => verifyEmail({ name: 'Sam', url: 'javascript:alert(1)' })).toThrow();
    expect(() => passwordReset({ url: 'javascript:alert(1)', expiresInMinutes: 30 })).toThrow();
  });

  it('formatExpiry', () => {
    expect(formatExpiry(1)).toBe('1 minute');
    expect(formatExpiry(30)).toBe('30 minutes');
    expect(formatExpiry(60)).toBe('1 hour');
    expect(formatExpiry(1440)).toBe('24 hours');
    expect(() => formatExpiry(0)).toThrow();
  });
});
