// Reading the mail the production-mode server sent (scripts/e2e-production-server.ts
// delivers it over SMTP to scripts/lib/mail-sink.ts, which writes one JSON file each).
import fs from 'node:fs';
import path from 'node:path';
import type { SunkEmail } from '../../scripts/lib/mail-sink';

export const MAIL_DIR = path.resolve('test-results', 'production-mail');

function read(): SunkEmail[] {
  if (!fs.existsSync(MAIL_DIR)) return [];
  return fs
    .readdirSync(MAIL_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(MAIL_DIR, f), 'utf8')) as SunkEmail);
}

/** Every email delivered to `to` so far, oldest first. */
export function emailsTo(to: string): SunkEmail[] {
  return read().filter((e) => e.to.includes(to.toLowerCase()));
}

/** Waits (up to 15 s) for the newest email to `to` whose subject matches, delivered after `since`. */
export async function waitForEmail(to: string, subject: RegExp, since = 0): Promise<SunkEmail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = emailsTo(to).filter((e) => subject.test(e.subject) && Date.parse(e.receivedAt) >= since).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No email to ${to} matching ${subject} within 15 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The links in an email's text version, as path + query (the site may listen elsewhere than SITE_URL). */
export function linksIn(email: SunkEmail): string[] {
  return [...email.text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => {
    const url = new URL(m[0]);
    return `${url.pathname}${url.search}${url.hash}`;
  });
}
