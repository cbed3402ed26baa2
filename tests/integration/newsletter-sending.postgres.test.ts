// A newsletter to 10,000 recipients through a real SMTP server (its own process), with
// two app instances (two database clients, each with its own SMTP pool) queuing and
// delivering side by side, and one of them stopped halfway and replaced by a fresh one
// while its messages are in flight: every recipient receives exactly one message.
// PostgreSQL only (PGlite has one connection, so no second instance).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queueNewsletter } from '@/lib/newsletters/queue';
import { newsletterProgress } from '@/lib/newsletters/queries';
import { deliverPendingEmails } from '@/lib/email/send-email';
import { createSmtpTransport, type MailTransport } from '@/lib/email/transport';
import type { PrismaClient } from '@/lib/db/generated/client';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startSmtpRecorder, type SmtpRecorder } from '../helpers/smtp-recorder';

const RECIPIENTS = 10_000;
const STOP_AFTER = 2_500;

let db: TestDatabase;
let smtp: SmtpRecorder;
beforeAll(async () => {
  [db, smtp] = await Promise.all([createTestDatabase(), startSmtpRecorder()]);
});
afterAll(async () => {
  await Promise.all([db?.drop(), smtp?.stop()]);
});

/** One instance's delivery loop, as its scheduled job would run it, until nothing is left for it (or it is stopped). */
async function deliveryLoop(prisma: PrismaClient, transport: MailTransport, signal?: AbortSignal): Promise<void> {
  for (;;) {
    const run = await deliverPendingEmails({ db: prisma, transport, batchSize: 100, maxBatches: 10, ratePerSecond: 20_000, signal });
    if (signal?.aborted || run.sent + run.retrying + run.failed === 0) return;
  }
}

it('queues 10,000 copies once across two instances and delivers each exactly once despite a restart halfway', async () => {
  const prisma = db.connection.prisma;
  // Opted-in readers, every third with a comp grant (a member).
  await prisma.$executeRaw`
    INSERT INTO "User" (id, email, "updatedAt") SELECT 'u' || i, 'reader-' || i || '@example.com', now() FROM generate_series(1, ${RECIPIENTS}::int) i`;
  await prisma.$executeRaw`
    INSERT INTO "NotificationSettings" ("userId", "unsubscribeToken", newsletter) SELECT 'u' || i, 'placeholder-' || i, true FROM generate_series(1, ${RECIPIENTS}::int) i`;
  await prisma.$executeRaw`INSERT INTO "CompGrant" (id, "userId") SELECT 'c' || i, 'u' || i FROM generate_series(3, ${RECIPIENTS}::int, 3) i`;
  const { id } = await prisma.newsletter.create({ data: { contentKind: 'article', contentSlug: 'building-a-resilient-core', subject: 'Building a resilient core' }, select: { id: true } });

  const first = db.connection.prisma;
  const second = db.openAnother().prisma;
  const queueStarted = Date.now();
  const outcomes = await Promise.all([queueNewsletter(id, { db: first }), queueNewsletter(id, { db: second })]);
  console.log(`[newsletter] queued ${RECIPIENTS} copies in ${Date.now() - queueStarted} ms`);
  expect(outcomes.map((o) => o.status).sort()).toEqual(['not-due', 'queued']);
  expect(await prisma.outboxEmail.count({ where: { newsletterId: id } })).toBe(RECIPIENTS);
  expect(await prisma.outboxEmail.count({ where: { newsletterId: id, text: { contains: 'Read it now:' } } })).toBe(Math.floor(RECIPIENTS / 3));

  // Instance one is stopped once it has handed STOP_AFTER messages to SMTP (mid-batch);
  // a fresh instance (new client, new SMTP pool) takes over while the second keeps going.
  const transports = [createSmtpTransport(smtp.url, 'news@example.com', { poolSize: 8 })!, createSmtpTransport(smtp.url, 'news@example.com', { poolSize: 8 })!];
  const stopping = new AbortController();
  let handedOver = 0;
  const stoppable: MailTransport = {
    sendMail: (message) => {
      if (++handedOver === STOP_AFTER) stopping.abort();
      return transports[0].sendMail(message);
    },
  };
  const sendStarted = Date.now();
  const restarted = (async () => {
    await deliveryLoop(first, stoppable, stopping.signal);
    expect(stopping.signal.aborted).toBe(true);
    const fresh = createSmtpTransport(smtp.url, 'news@example.com', { poolSize: 8 })!;
    transports.push(fresh);
    await deliveryLoop(db.openAnother().prisma, fresh);
  })();
  await Promise.all([restarted, deliveryLoop(second, transports[1])]);
  console.log(`[newsletter] delivered ${RECIPIENTS} through SMTP in ${Date.now() - sendStarted} ms`);
  for (const transport of transports) transport.close?.();

  expect(await newsletterProgress(id, { db: prisma })).toEqual({ sent: RECIPIENTS, failed: 0, left: 0, total: RECIPIENTS });
  const received = smtp.received();
  const perAddress = new Map<string, number>();
  for (const { to } of received) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
  expect(perAddress.size).toBe(RECIPIENTS);
  expect([...perAddress.values()].filter((n) => n !== 1)).toEqual([]);
  expect(received.length).toBe(RECIPIENTS);
  expect(new Set(received.map((r) => r.messageId)).size).toBe(RECIPIENTS);
  expect(perAddress.has(`reader-${RECIPIENTS}@example.com`)).toBe(true);
}, 120_000);
