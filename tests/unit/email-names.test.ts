// A display name never becomes a link in our mail: mail apps turn URLs, domains and
// addresses in plain text into links by themselves, so a member called "evil.example"
// would otherwise get a link into every coach's inbox. Such a name is replaced by a
// neutral word; names are never inside an href, and in the HTML version sit in <bdi>.
import { describe, expect, it } from 'vitest';
import { coachDigest, coachQuestion, commentReply, emailName, verifyEmail, type EmailMessageContent, type NotificationLinks } from '@/lib/email/templates';

const url = 'https://www.steadyspine.example/articles/sciatica-myths#comment-1';
const links: NotificationLinks = {
  unsubscribeUrl: 'https://www.steadyspine.example/notifications/unsubscribe?token=t',
  oneClickUnsubscribeUrl: 'https://www.steadyspine.example/api/notifications/unsubscribe?token=t',
  settingsUrl: 'https://www.steadyspine.example/account',
};

/** Names that mail apps would link, and the part of each that must not appear. */
const LINKABLE_NAMES: [string, string][] = [
  ['http://evil.example', 'evil'],
  ['https://evil.example/login', 'evil'],
  ['evil.example', 'evil'],
  ['www.evil.example', 'evil'],
  ['Visit evil.example today', 'evil'],
  ['evil。example', 'evil'], // ideographic full stop: a dot to IDNA
  ['evil．example', 'evil'], // fullwidth full stop
  ['a@b.example', 'b.example'],
  ['a＠b', 'a＠b'], // fullwidth at sign
  ['mailto:a', 'mailto'],
  ['javascript:alert(1)', 'javascript'],
  ['10.0.0.1', '10.0.0.1'],
  ['Bob\u202Egnp.exe', 'exe'], // bidi override hiding a file name
  ['evil\u200B.example', 'evil'], // zero-width space inside a domain
  ['evil\u202E.example', 'evil'],
];

function everyEmailNaming(name: string): EmailMessageContent[] {
  return [
    verifyEmail({ name, url }),
    commentReply({ replierName: name, byStaff: false, targetTitle: 'Sciatica myths', excerpt: 'Thanks!', url, links }),
    commentReply({ replierName: name, byStaff: true, targetTitle: 'Sciatica myths', excerpt: 'Thanks!', url, links }),
    coachQuestion({ askerName: name, followUp: false, targetTitle: 'Sciatica myths', excerpt: 'Can I run?', url, links }),
    coachDigest({ questions: [{ askerName: name, targetTitle: 'Sciatica myths', age: '3 hours ago', excerpt: 'Can I run?' }], more: 0, url, links }),
  ];
}

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe('names in emails', () => {
  it.each(LINKABLE_NAMES)('a name like %j is replaced by a neutral word', (name, part) => {
    for (const email of everyEmailNaming(name)) {
      for (const version of [email.subject, email.text, email.html]) expect(version, email.template).not.toContain(part);
      if (email.template === 'verify-email') expect(email.text).toMatch(/^Hi,$/m);
      else expect(`${email.subject}\n${email.text}`).toContain('A member');
    }
  });

  it('keeps an ordinary name, without its bidi controls, inside <bdi> in the HTML and never in an href', () => {
    const name = 'Amira \u202Bعمرو\u202C Haddad';
    const shown = 'Amira عمرو Haddad';
    for (const email of everyEmailNaming(name)) {
      expect(email.text, email.template).toContain(shown);
      expect(email.html, email.template).toContain(`<bdi>${shown}</bdi>`);
      for (const version of [email.subject, email.text, email.html]) expect(version).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
      for (const href of hrefs(email.html)) expect(decodeURIComponent(href)).not.toContain('Amira');
    }
  });

  it('subjects carry the name on one line, with no isolate marks', () => {
    const reply = commentReply({ replierName: 'Maya\nOkafor', byStaff: true, targetTitle: 'T', excerpt: 'E', url, links });
    expect(reply.subject).toBe('Maya Okafor (coach) replied to your comment');
    expect(reply.html).toContain('<h1 style="margin:0 0 20px;font-size:24px;line-height:1.3;font-weight:700;color:#1e293b;"><bdi>Maya Okafor</bdi> (coach) replied to your comment</h1>');
    expect(reply.html).toContain('<title>Maya Okafor (coach) replied to your comment</title>');
  });

  it('emailName: the rule on its own', () => {
    expect(emailName('  Sam  Lee ', 'A member')).toBe('Sam Lee');
    expect(emailName('J.R.R. Tolkien', 'A member')).toBe('J.R.R. Tolkien');
    expect(emailName('Dr. Okafor', 'A member')).toBe('Dr. Okafor');
    expect(emailName('\u202E\u2066', 'A member')).toBe('A member');
    expect(emailName(null, 'A member')).toBe('A member');
    expect(emailName('x'.repeat(100), 'A member')).toHaveLength(60);
  });
});
