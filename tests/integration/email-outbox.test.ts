import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/db';
import { getOutboxEmail, listOutbox } from '@/lib/email/outbox';
import { deliverPendingEmails, LEASE_MS, MAX_ATTEMPTS, queueEmail, RETRY_DELAYS_MS } from '@/lib/email/send-email';
import { passwordReset, verifyEmail } from '@/lib/email/templates';
import type { MailTransport } from '@/lib/email/transport';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';
import { fakeTransport, testMessage as message } from '../helpers/fake-mail';

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.connection.prisma;
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(async () => {
  await prisma.outboxEmail.deleteMany();
  // Failed sends are logged on purpose here; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

const FROM = 'Steady Spine <hello@steadyspine.example>';

const later = (ms: number) => new Date(Date.now() + ms);

describe(`email outbox on ${testDatabaseKind()}`, () => {
  it('queueEmail stores a PENDING row with both versions and returns its id', async () => {
    const content = verifyEmail({ name: 'Sam', url: 'https://www.example.com/verify-email?token=abc' });
    const { id } = await queueEmail({ to: 'sam@example.com', ...content }, prisma, { transport: null });
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      to: 'sam@example.com',
      template: 'verify-email',
      subject: content.subject,
      text: content.text,
      html: content.html,
      status: 'PENDING',
      attempts: 0,
      lastError: null,
      sentAt: null,
    });
    expect(row.text).toContain('https://www.example.com/verify-email?token=abc');
    expect(row.html).toContain('href="https://www.example.com/verify-email?token=abc"');
  });

  it('queueEmail rejects a malformed address, a multi-line subject, and stores nothing', async () => {
    for (const to of ['not-an-email', 'sam@', 'sam@example.com, eve@example.com', 'Sam <sam@example.com>', `${'a'.repeat(310)}@example.com`, '']) {
      await expect(queueEmail(message(to), prisma, { transport: null }), to).rejects.toThrow();
    }
    await expect(queueEmail({ ...message('sam@example.com'), subject: 'Hi\r\nBcc: eve@example.com' }, prisma, { transport: null })).rejects.toThrow();
    expect(await prisma.outboxEmail.count()).toBe(0);
  });

  it('without a transport, delivery is a no-op and mail stays in the outbox', async () => {
    await queueEmail(message('sam@example.com'), prisma, { transport: null });
    expect(await deliverPendingEmails({ db: prisma, transport: null, now: later(1000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await prisma.outboxEmail.findMany({ select: { status: true, attempts: true } })).toEqual([{ status: 'PENDING', attempts: 0 }]);
  });

  it('delivers due rows once and marks them SENT; rows not yet due wait', async () => {
    const { id: a } = await queueEmail(message('a@example.com', 1), prisma, { transport: null });
    const { id: b } = await queueEmail(message('b@example.com', 2), prisma, { transport: null });
    const { id: notDue } = await queueEmail(message('c@example.com', 3), prisma, { transport: null });
    await prisma.outboxEmail.update({ where: { id: notDue }, data: { nextAttemptAt: later(3_600_000) } });
    const { transport, sent } = fakeTransport();

    const now = later(1000);
    expect(await deliverPendingEmails({ db: prisma, transport, now, from: FROM })).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(sent.map((m) => m.to).sort()).toEqual(['a@example.com', 'b@example.com']);
    expect(sent.find((m) => m.to === 'a@example.com')).toEqual({ from: FROM, to: 'a@example.com', subject: 'Message 1', text: 'Text 1', html: '<p>HTML 1</p>' });
    for (const id of [a, b]) {
      const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: 'SENT', attempts: 1, lastError: null });
      expect(row.sentAt?.getTime()).toBe(now.getTime());
    }
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: notDue } })).toMatchObject({ status: 'PENDING', attempts: 0 });

    // A second run finds nothing new to send.
    expect(await deliverPendingEmails({ db: prisma, transport, now: later(2000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(sent).toHaveLength(2);
  });

  it('works through more due rows than one batch', async () => {
    for (let n = 0; n < 7; n++) await queueEmail(message(`m${n}@example.com`, n), prisma, { transport: null });
    const { transport, sent } = fakeTransport();
    expect(await deliverPendingEmails({ db: prisma, transport, now: later(1000), batchSize: 3 })).toEqual({ sent: 7, retrying: 0, failed: 0 });
    expect(new Set(sent.map((m) => m.to)).size).toBe(7);
  });

  it('keeps a failed send with attempts, lastError and a later nextAttemptAt, and retries it when due', async () => {
    const { id } = await queueEmail(message('sam@example.com'), prisma, { transport: null });
    const fake = fakeTransport({ failing: true });
    const t0 = later(1000);

    expect(await deliverPendingEmails({ db: prisma, transport: fake.transport, now: t0 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, sentAt: null });
    expect(row.lastError).toMatch(/421 Service not available/);
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + RETRY_DELAYS_MS[0]);

    // Not due yet: nothing happens, even though the server is back.
    fake.state.failing = false;
    expect(await deliverPendingEmails({ db: prisma, transport: fake.transport, now: new Date(t0.getTime() + RETRY_DELAYS_MS[0] - 1000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(fake.state.calls).toBe(1);

    // Due: sent.
    expect(await deliverPendingEmails({ db: prisma, transport: fake.transport, now: new Date(t0.getTime() + RETRY_DELAYS_MS[0]) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
    expect(fake.sent).toHaveLength(1);
  });

  it(`backs off exponentially and gives up (FAILED) after ${MAX_ATTEMPTS} attempts`, async () => {
    const { id } = await queueEmail(message('sam@example.com'), prisma, { transport: null });
    const fake = fakeTransport({ failing: true });
    let now = later(1000);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await deliverPendingEmails({ db: prisma, transport: fake.transport, now });
      const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(result).toEqual({ sent: 0, retrying: 1, failed: 0 });
        expect(row.status).toBe('PENDING');
        delays.push(row.nextAttemptAt.getTime() - now.getTime());
        now = row.nextAttemptAt;
      } else {
        expect(result).toEqual({ sent: 0, retrying: 0, failed: 1 });
        expect(row.status).toBe('FAILED');
        expect(row.lastError).toMatch(/421/);
      }
    }
    expect(delays).toEqual([...RETRY_DELAYS_MS]);
    expect(delays.every((d, i) => i === 0 || d > delays[i - 1])).toBe(true);

    // Given up on: never tried again.
    fake.state.failing = false;
    expect(await deliverPendingEmails({ db: prisma, transport: fake.transport, now: later(30 * 86_400_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(fake.state.calls).toBe(MAX_ATTEMPTS);
  });

  it('a row claimed by a run that died is retried once its lease runs out, not before', async () => {
    const { id } = await queueEmail(message('sam@example.com'), prisma, { transport: null });
    const claimedAt = later(1000);
    // What a claim leaves behind when its process dies mid-send.
    await prisma.outboxEmail.update({ where: { id }, data: { nextAttemptAt: new Date(claimedAt.getTime() + LEASE_MS) } });
    const { transport, sent } = fakeTransport();
    expect((await deliverPendingEmails({ db: prisma, transport, now: new Date(claimedAt.getTime() + LEASE_MS - 1000) })).sent).toBe(0);
    expect((await deliverPendingEmails({ db: prisma, transport, now: new Date(claimedAt.getTime() + LEASE_MS) })).sent).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('concurrent deliveries never send a message twice', async () => {
    const total = 40;
    for (let n = 0; n < total; n++) await queueEmail(message(`m${n}@example.com`, n), prisma, { transport: null });
    // On PostgreSQL a second connection pool is a second app instance; PGlite has one connection.
    const other = db.kind === 'postgres' ? db.openAnother().prisma : prisma;
    await other.$queryRaw`SELECT 1`; // connected before the race starts
    const one = fakeTransport({ delayMs: 5 });
    const two = fakeTransport({ delayMs: 5 });
    const now = later(1000);

    const results = await Promise.all([
      deliverPendingEmails({ db: prisma, transport: one.transport, now, batchSize: 4 }),
      deliverPendingEmails({ db: other, transport: two.transport, now, batchSize: 4 }),
      deliverPendingEmails({ db: prisma, transport: one.transport, now, batchSize: 3 }),
      deliverPendingEmails({ db: other, transport: two.transport, now, batchSize: 5 }),
    ]);

    const sentTo = [...one.sent, ...two.sent].map((m) => m.to);
    expect(sentTo).toHaveLength(total);
    expect(new Set(sentTo).size).toBe(total);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(total);
    expect(await prisma.outboxEmail.count({ where: { status: 'SENT', attempts: 1 } })).toBe(total);
    if (db.kind === 'postgres') {
      // Both instances did part of the work.
      expect(one.sent.length).toBeGreaterThan(0);
      expect(two.sent.length).toBeGreaterThan(0);
    }
  });

  it('with a transport, queueEmail delivers in the background and never fails the caller', async () => {
    const ok = fakeTransport();
    const { id } = await queueEmail(message('sam@example.com'), prisma, { transport: ok.transport });
    await vi.waitFor(async () => expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id } })).status).toBe('SENT'));
    expect(ok.sent.map((m) => m.to)).toEqual(['sam@example.com']);

    const broken: MailTransport = {
      sendMail: () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1:25')),
    };
    const { id: failing } = await queueEmail(message('kim@example.com'), prisma, { transport: broken });
    await vi.waitFor(async () => expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: failing } })).attempts).toBe(1));
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: failing } })).toMatchObject({ status: 'PENDING', lastError: 'ECONNREFUSED 127.0.0.1:25' });
  });

  it('lists the outbox newest first, filtered by recipient ignoring case, and reads one email', async () => {
    const first = await queueEmail({ to: 'Sam@Example.com', ...passwordReset({ url: 'https://www.example.com/reset?token=1', expiresInMinutes: 60 }) }, prisma, { transport: null });
    const middle = await queueEmail(message('kim@example.com'), prisma, { transport: null });
    const last = await queueEmail(message('sam@example.com', 3), prisma, { transport: null });
    // Distinct times, so the order does not depend on how fast the inserts ran.
    for (const [i, { id }] of [first, middle, last].entries()) {
      await prisma.outboxEmail.update({ where: { id }, data: { createdAt: new Date(Date.UTC(2026, 0, 1, 9, i)) } });
    }

    expect((await listOutbox({ db: prisma, limit: 10 })).map((e) => e.to)).toEqual(['sam@example.com', 'kim@example.com', 'Sam@Example.com']);
    const forSam = await listOutbox({ to: 'SAM@example.com', db: prisma, limit: 10 });
    expect(forSam.map((e) => e.id)).toEqual([last.id, first.id]);
    expect(forSam[1]).toMatchObject({ template: 'password-reset', status: 'PENDING', subject: 'Reset your Steady Spine password' });
    expect(await listOutbox({ to: 'nobody@example.com', db: prisma, limit: 10 })).toEqual([]);
    expect(await listOutbox({ db: prisma, limit: 1 })).toHaveLength(1);

    const detail = await getOutboxEmail(first.id, prisma);
    expect(detail?.text).toContain('Choose a new password: https://www.example.com/reset?token=1');
    expect(detail?.html).toContain('href="https://www.example.com/reset?token=1"');
    expect(await getOutboxEmail('no-such-id', prisma)).toBeNull();
  });
});
