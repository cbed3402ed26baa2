// Reading the outbox: the local mailbox at /dev/outbox when no SMTP server is set, and
// a delivery log when one is.
import 'server-only';
import { z } from 'zod';
import type { ViewerUser } from '@/lib/viewer/types';
import { getDb, type PrismaClient } from '@/lib/db';
import type { OutboxStatus } from '@/lib/db/generated/enums';
import { demoMode } from '@/lib/demo/mode';
import { env } from '@/lib/env';

export type { OutboxStatus };

export interface OutboxSummary {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
}

export interface OutboxEmailDetail extends OutboxSummary {
  text: string;
  html: string;
  lastError: string | null;
  nextAttemptAt: Date;
  listUnsubscribeUrl: string | null;
}

const summarySelect = {
  id: true,
  to: true,
  subject: true,
  template: true,
  status: true,
  attempts: true,
  createdAt: true,
  sentAt: true,
} as const;

/** The outbox filter form: `?to=` is optional, and an email address when given. */
export const outboxFilterSchema = z.object({
  to: z
    .string()
    .trim()
    .max(320, 'That address is too long')
    .transform((v) => v || undefined)
    .pipe(z.email('Enter a full email address, like name@example.com').optional()),
});

/** Newest first; `to` matches the whole address, ignoring case. */
export async function listOutbox({
  to,
  limit = 100,
  db = getDb(),
}: { to?: string; limit?: number; db?: PrismaClient } = {}): Promise<OutboxSummary[]> {
  return db.outboxEmail.findMany({
    where: to ? { to: { equals: to.trim(), mode: 'insensitive' } } : undefined,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(1, Math.trunc(limit)), 500),
    select: summarySelect,
  });
}

export async function getOutboxEmail(id: string, db: PrismaClient = getDb()): Promise<OutboxEmailDetail | null> {
  if (id.length === 0 || id.length > 64) return null;
  return db.outboxEmail.findUnique({
    where: { id },
    select: { ...summarySelect, text: true, html: true, lastError: true, nextAttemptAt: true, listUnsubscribeUrl: true },
  });
}

/**
 * Mail holds sign-in links: admins may read it, and everyone only in the demo (a loopback
 * SITE_URL) under `next dev` or with DEV_OUTBOX_PUBLIC. On a real site nobody else, whatever
 * the other settings say.
 */
export function canViewOutbox(user: ViewerUser | null): boolean {
  if (user?.role === 'ADMIN') return true;
  return demoMode && (env.DEV_OUTBOX_PUBLIC || env.NODE_ENV !== 'production');
}

export interface EmailLink {
  /** "Confirm my email address" for a "Label: URL" line, else null. */
  label: string | null;
  url: string;
}

/** The http(s) links of an email's text version, in order, each once. */
export function extractLinks(text: string): EmailLink[] {
  const links: EmailLink[] = [];
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    for (const match of line.matchAll(/https?:\/\/[^\s<>"'`]+/gi)) {
      // Sentence punctuation after a URL is not part of it.
      const candidate = match[0].replace(/[.,;:!?)\]]+$/, '');
      let url: string;
      try {
        url = new URL(candidate).href;
      } catch {
        continue;
      }
      if (seen.has(url)) continue;
      seen.add(url);
      const before = line.slice(0, match.index).trim();
      const label = before.endsWith(':') && before.length > 1 ? before.slice(0, -1).trim() : null;
      links.push({ label, url });
    }
  }
  return links;
}
