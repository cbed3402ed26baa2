// Two app instances (two connection pools) hitting one limit at the same moment.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { consumeRateLimit } from '@/lib/rate-limit/rate-limit';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

it('never lets more than the limit through from two app instances at once', async () => {
  const rule = { name: 'two-instances', limit: 10, windowSeconds: 900 };
  const other = db.openAnother();
  const now = new Date();
  const results = await Promise.all(
    Array.from({ length: 80 }, (_, i) => consumeRateLimit(rule, 'race@example.com', { db: (i % 2 ? other : db.connection).prisma, now })),
  );
  expect(results.filter((x) => x.allowed)).toHaveLength(10);
  const [bucket] = await db.connection.prisma.rateLimitBucket.findMany();
  expect(bucket.count).toBe(80);
});
