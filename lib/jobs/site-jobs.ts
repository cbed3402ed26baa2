// The site's background jobs, started once per server (instrumentation.ts) after the
// database is prepared. Each runs once per interval across all instances (scheduler.ts).
import 'server-only';
import { sendCoachDigests } from '@/lib/comments/notifications';
import { getConnection } from '@/lib/db';
import type { DatabaseConnection } from '@/lib/db/connection';
import { deliverPendingEmails } from '@/lib/email/send-email';
import { getMailTransport, type MailTransport } from '@/lib/email/transport';
import { runLifecycleJob } from '@/lib/lifecycle/job';
import { env } from '@/lib/env';
import { createNewsletterDrafts } from '@/lib/newsletters/drafts';
import { queueDueNewsletters } from '@/lib/newsletters/queue';
import { createScheduler, type Job, type Scheduler } from './scheduler';

/**
 * Delivers due mail: retries, and mail queued while no instance was up. Only with
 * SMTP_URL; without it the outbox is the mailbox. Each row is claimed (FOR UPDATE SKIP
 * LOCKED, with a lease) before it is sent, so delivery is already once per message
 * without the scheduler's lock, even beside queueEmail's own kick; the lock only spares
 * the instances from all polling the outbox at once.
 */
export function emailDeliveryJob(transport: MailTransport): Job {
  return { name: 'email-delivery', intervalMs: 30_000, run: (db) => deliverPendingEmails({ db, transport, ...deliveryRunSize() }) };
}

/**
 * A scheduled run sends for about 25 s of its 30 s interval at EMAIL_SEND_RATE, so a
 * newsletter keeps going out at that pace (the round runs in one instance at a time).
 */
export function deliveryRunSize(rate = env.EMAIL_SEND_RATE): { batchSize: number; maxBatches: number } {
  const batchSize = Math.min(100, Math.max(10, rate));
  return { batchSize, maxBatches: Math.max(20, Math.ceil((rate * 25) / batchSize)) };
}

/**
 * Queues the coaches' daily digests; checked hourly, the first check out of the way of
 * starting up. Coaches are claimed atomically, so each gets one a day even without the
 * lock. Runs with or without SMTP: without it the digests land in the outbox.
 */
export const coachDigestJob: Job = {
  name: 'coach-digests',
  intervalMs: 3_600_000,
  firstRunMs: 60_000,
  run: (db) => sendCoachDigests({ db }),
};

/**
 * Queues the due lifecycle emails (ending soon, lapsed, gone quiet, next phase) hourly.
 * Each is recorded with its email in one transaction (lib/lifecycle/send.ts), so it is sent
 * once even if two instances ran the job at the same moment.
 */
export const lifecycleEmailJob: Job = {
  name: 'lifecycle-emails',
  intervalMs: 3_600_000,
  firstRunMs: 90_000,
  run: (db) => runLifecycleJob({ db }),
};

/**
 * Makes a newsletter draft for each newly published article or episode (lib/newsletters/
 * drafts.ts): at start, then every few minutes, so an item whose date arrives gets its
 * draft within minutes. Idempotent (one row per item), the lock only saves work.
 */
export const newsletterDraftJob: Job = {
  name: 'newsletter-drafts',
  intervalMs: 5 * 60_000,
  firstRunMs: 5_000,
  run: (db) => createNewsletterDrafts({ db }),
};

/**
 * Queues scheduled newsletters that have come due and marks finished ones SENT. Each
 * newsletter is queued once across instances (a conditional status change in the
 * queuing transaction); the lock keeps two instances from reading recipients for nothing.
 */
export const newsletterQueueJob: Job = {
  name: 'newsletter-queue',
  intervalMs: 60_000,
  firstRunMs: 10_000,
  run: (db) => queueDueNewsletters({ db }),
};

export function siteJobs(transport: MailTransport | null = getMailTransport()): Job[] {
  const always = [coachDigestJob, lifecycleEmailJob, newsletterDraftJob, newsletterQueueJob];
  return transport ? [emailDeliveryJob(transport), ...always] : always;
}

const schedulerKey = Symbol.for('steady-spine.scheduler');
type GlobalWithScheduler = typeof globalThis & { [schedulerKey]?: Scheduler };

/** Starts the site's jobs once per process (a dev server's reloads included) and returns the scheduler. */
export function startSiteJobs(connection: DatabaseConnection = getConnection()): Scheduler {
  const store = globalThis as GlobalWithScheduler;
  if (!store[schedulerKey]) {
    const scheduler = createScheduler({ connection });
    for (const job of siteJobs()) scheduler.register(job);
    store[schedulerKey] = scheduler.start();
  }
  return store[schedulerKey];
}
