// Outgoing mail goes through the OutboxEmail table: queueEmail only inserts a row, so
// a request never waits for (or fails because of) an SMTP server. Delivery claims due
// rows with a lease, so any number of app instances can deliver side by side without
// sending a message twice, and a failed send is retried with backoff. Besides the kick
// on queueing, lib/jobs/site-jobs.ts runs delivery on a schedule.
import 'server-only';
import { z } from 'zod';
import { getDb, type PrismaClient } from '@/lib/db';
import { env } from '@/lib/env';
import { getMailTransport, type MailTransport } from './transport';

/** Delivery attempts before a message is given up on (status FAILED). */
export const MAX_ATTEMPTS = 6;
/** Wait after the 1st, 2nd, … failed attempt. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
/** A claimed row is invisible to other deliverers this long; sending a batch must finish well within it. */
export const LEASE_MS = 5 * 60_000;
const SEND_TIMEOUT_MS = 60_000;

export const outgoingEmailSchema = z.object({
  to: z.string().trim().max(320, 'Email address is too long').pipe(z.email('Not a valid email address')),
  template: z.string().trim().min(1).max(100),
  // A header: one line (no header injection), within RFC 5322's line limit.
  subject: z
    .string()
    .trim()
    .min(1)
    .max(998)
    .refine((s) => !/[\r\n]/.test(s), 'Subject must be a single line'),
  text: z.string().min(1),
  html: z.string().min(1),
  listUnsubscribeUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
});

export type OutgoingEmail = z.input<typeof outgoingEmailSchema>;

/**
 * Stores the message in the outbox (PENDING) and returns at once. With SMTP configured,
 * delivery starts in the background; without it the message stays in the outbox,
 * which is the local mailbox shown at /dev/outbox. Rejects a malformed message.
 */
export async function queueEmail(
  message: OutgoingEmail,
  db: PrismaClient = getDb(),
  options: { transport?: MailTransport | null } = {},
): Promise<{ id: string }> {
  const { id } = await queueEmailInTransaction(db, message);
  const transport = options.transport === undefined ? getMailTransport() : options.transport;
  if (transport) kickDelivery(db, transport);
  return { id };
}

/**
 * queueEmail inside the caller's transaction: the message exists only if the change it
 * reports commits. No delivery kick (the transaction is still open): the scheduled
 * delivery (lib/jobs/site-jobs.ts, every 30 s) sends it.
 */
export async function queueEmailInTransaction(tx: Pick<PrismaClient, 'outboxEmail'>, message: OutgoingEmail): Promise<{ id: string }> {
  return tx.outboxEmail.create({ data: outgoingEmailSchema.parse(message), select: { id: true } });
}

export interface DeliveryOptions {
  db?: PrismaClient;
  /** null (no SMTP_URL): nothing is sent, mail stays in the outbox. */
  transport?: MailTransport | null;
  now?: Date;
  batchSize?: number;
  /** Batches per run at most, so one run cannot go on for ever. */
  maxBatches?: number;
  from?: string;
  /** Messages per second this process hands to SMTP at most (default EMAIL_SEND_RATE). */
  ratePerSecond?: number;
  /** Stops claiming new batches (a shutdown); the batch in hand is still sent and recorded. */
  signal?: AbortSignal;
}

export interface DeliveryResult {
  sent: number;
  /** Failed this time, will be tried again later. */
  retrying: number;
  /** Failed for the last time (status FAILED). */
  failed: number;
}

interface ClaimedEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  listUnsubscribeUrl: string | null;
  attempts: number;
}

/** Sends every due PENDING message once. Safe to run concurrently, in one process or many. */
export async function deliverPendingEmails(options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  const transport = options.transport === undefined ? getMailTransport() : options.transport;
  if (!transport) return result;
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 10;
  const maxBatches = options.maxBatches ?? 20;
  const from = options.from ?? env.EMAIL_FROM;
  const pace = pacerFor(db, options.ratePerSecond ?? env.EMAIL_SEND_RATE);

  for (let batch = 0; batch < maxBatches; batch++) {
    // Waiting happens before the claim, never while holding leased rows.
    await pace.wait();
    if (options.signal?.aborted) break;
    const lease = new Date(now.getTime() + LEASE_MS);
    const claimed = await claimDueEmails(db, now, lease, batchSize);
    if (claimed.length === 0) break;
    pace.spend(claimed.length);
    // In parallel, so the whole batch finishes within one send timeout (< LEASE_MS).
    const outcomes = await Promise.all(claimed.map((email) => deliverOne(db, transport, email, { from, now, lease })));
    for (const outcome of outcomes) if (outcome) result[outcome]++;
    await markSent(db, claimed.filter((_, i) => outcomes[i] === 'sent').map((e) => e.id), { now, lease });
    if (claimed.length < batchSize) break;
  }
  return result;
}

/**
 * The send rate: each batch books its messages' share of time, and the next batch waits
 * until that has passed. One pacer per database client, i.e. per instance, shared by
 * every run in it (the scheduled job and the kick after queueing).
 */
interface Pacer {
  wait(): Promise<void>;
  spend(messages: number): void;
}
const pacers = new WeakMap<PrismaClient, { nextAt: number }>();

function pacerFor(db: PrismaClient, ratePerSecond: number): Pacer {
  let state = pacers.get(db);
  if (!state) pacers.set(db, (state = { nextAt: 0 }));
  const booked = state;
  return {
    async wait() {
      const delay = booked.nextAt - Date.now();
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    },
    spend(messages) {
      booked.nextAt = Math.max(Date.now(), booked.nextAt) + (messages * 1000) / ratePerSecond;
    },
  };
}

/**
 * Atomically takes up to `limit` due rows by pushing their nextAttemptAt to the lease's
 * end: rows another deliverer holds (locked, or already leased) are skipped. Timestamps
 * go in as UTC wall-clock text, as Prisma stores them in the `timestamp(3)` columns.
 */
async function claimDueEmails(db: PrismaClient, now: Date, lease: Date, limit: number): Promise<ClaimedEmail[]> {
  return db.$queryRaw<ClaimedEmail[]>`
    UPDATE "OutboxEmail"
    SET "nextAttemptAt" = ${lease.toISOString()}::timestamp(3)
    WHERE id IN (
      SELECT id FROM "OutboxEmail"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now.toISOString()}::timestamp(3)
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "to", subject, text, html, "listUnsubscribeUrl", attempts`;
}

/** RFC 8058 one-click unsubscribe: mail apps show their own button and POST to the URL. */
function listHeaders(url: string | null): Record<string, string> | undefined {
  return url ? { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : undefined;
}

async function deliverOne(
  db: PrismaClient,
  transport: MailTransport,
  email: ClaimedEmail,
  { from, now, lease }: { from: string; now: Date; lease: Date },
): Promise<keyof DeliveryResult | null> {
  // Updates only while we still hold the lease: a deliverer that overran it must not
  // overwrite what the one that took over has recorded.
  const held = { id: email.id, status: 'PENDING' as const, nextAttemptAt: lease };
  const attempts = email.attempts + 1;
  try {
    await withTimeout(transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text, html: email.html, headers: listHeaders(email.listUnsubscribeUrl) }), SEND_TIMEOUT_MS);
  } catch (error) {
    const failed = attempts >= MAX_ATTEMPTS;
    const delay = RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1];
    console.error(`[email] sending ${email.id} failed (attempt ${attempts} of ${MAX_ATTEMPTS}${failed ? ', giving up' : ''}): ${describe(error)}`);
    try {
      await db.outboxEmail.updateMany({
        where: held,
        data: {
          attempts,
          lastError: describe(error).slice(0, 1000),
          status: failed ? 'FAILED' : 'PENDING',
          nextAttemptAt: failed ? now : new Date(now.getTime() + delay),
        },
      });
    } catch (dbError) {
      // The lease runs out and another run retries it.
      console.error(`[email] could not record the failed send of ${email.id}: ${describe(dbError)}`);
    }
    return failed ? 'failed' : 'retrying';
  }
  return 'sent';
}

/**
 * Records a batch's sent messages in one statement (a newsletter's thousands would
 * otherwise cost a statement each), only where we still hold the lease: a deliverer that
 * overran it must not overwrite what the one that took over has recorded.
 */
async function markSent(db: PrismaClient, ids: string[], { now, lease }: { now: Date; lease: Date }): Promise<void> {
  if (ids.length === 0) return;
  try {
    const { count } = await db.outboxEmail.updateMany({
      where: { id: { in: ids }, status: 'PENDING', nextAttemptAt: lease },
      data: { status: 'SENT', sentAt: now, attempts: { increment: 1 }, lastError: null },
    });
    if (count < ids.length) console.error(`[email] ${ids.length - count} of ${ids.length} sent after their lease ran out; they may be sent twice`);
  } catch (dbError) {
    console.error(`[email] sent ${ids.length} but could not mark them SENT (they may be sent again): ${describe(dbError)}`);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer from the mail server within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/** Starts delivering in the background now (e.g. a newsletter just queued) rather than at the next scheduled run. */
export function deliverSoon(db: PrismaClient = getDb(), transport: MailTransport | null = getMailTransport()): void {
  if (transport) kickDelivery(db, transport);
}

// One delivery run at a time per database client in this process; a kick during a run
// asks for one more run afterwards (the new row may have missed the running claim).
const running = new WeakMap<PrismaClient, { again: boolean }>();

function kickDelivery(db: PrismaClient, transport: MailTransport): void {
  const current = running.get(db);
  if (current) {
    current.again = true;
    return;
  }
  const state = { again: false };
  running.set(db, state);
  void (async () => {
    try {
      do {
        state.again = false;
        await deliverPendingEmails({ db, transport });
      } while (state.again);
    } catch (error) {
      // Never reaches the request that queued the mail; the scheduled delivery retries later.
      console.error(`[email] background delivery failed: ${describe(error)}`);
    } finally {
      running.delete(db);
    }
  })();
}
