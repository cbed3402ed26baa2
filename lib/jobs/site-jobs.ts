// The site's background jobs, started once per server (instrumentation.ts) after the
// database is prepared. Each runs once per interval across all instances (scheduler.ts).
import 'server-only';
import { sendCoachDigests } from '@/lib/comments/notifications';
import { getConnection } from '@/lib/db';
import type { DatabaseConnection } from '@/lib/db/connection';
import { deliverPendingEmails } from '@/lib/email/send-email';
import { getMailTransport, type MailTransport } from '@/lib/email/transport';
import { runLifecycleJob } from '@/lib/lifecycle/job';
import { createScheduler, type Job, type Scheduler } from './scheduler';

/**
 * Delivers due mail: retries, and mail queued while no instance was up. Only with
 * SMTP_URL; without it the outbox is the mailbox. Each row is claimed (FOR UPDATE SKIP
 * LOCKED, with a lease) before it is sent, so delivery is already once per message
 * without the scheduler's lock, even beside queueEmail's own kick; the lock only spares
 * the instances from all polling the outbox at once.
 */
export function emailDeliveryJob(transport: MailTransport): Job {
  return { name: 'email-delivery', intervalMs: 30_000, run: (db) => deliverPendingEmails({ db, transport }) };
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

export function siteJobs(transport: MailTransport | null = getMailTransport()): Job[] {
  return transport ? [emailDeliveryJob(transport), coachDigestJob, lifecycleEmailJob] : [coachDigestJob, lifecycleEmailJob];
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
