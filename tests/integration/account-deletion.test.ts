// Deleting an account removes the person's data from every table: the check reads every
// row of every table as text, so a table added later that keeps the address fails it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAccount, exportAccountData } from '@/lib/auth/account';
import { startSession } from '@/lib/auth/sessions';
import { issueToken } from '@/lib/auth/tokens';
import { queueEmail } from '@/lib/email/send-email';
import { verifyEmail } from '@/lib/email/templates';
import { pollPrivateFeed } from '@/lib/podcast/private-feed/poll';
import { ensurePrivateFeed } from '@/lib/podcast/private-feed/tokens';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

async function rowsMentioning(text: string): Promise<Record<string, number>> {
  const prisma = db.connection.prisma;
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const found: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table_name.replace(/"/g, '')}" t WHERE t::text ILIKE $1`,
      `%${text}%`,
    );
    if (Number(row.n) > 0) found[table_name] = Number(row.n);
  }
  return found;
}

describe(`account deletion on ${testDatabaseKind()}`, () => {
  it('exports the person’s data, then deletion leaves nothing that names them', async () => {
    const prisma = db.connection.prisma;
    const email = 'leaving.person@example.com';
    const user = await prisma.user.create({ data: { email, name: 'Lee Leaving', passwordHash: 'x', emailVerified: new Date() } });
    await prisma.account.create({ data: { userId: user.id, type: 'oauth', provider: 'github', providerAccountId: 'gh-123' } });
    await issueToken({ userId: user.id, purpose: 'RESET_PASSWORD', email }, { db: prisma });
    await queueEmail({ to: email, ...verifyEmail({ name: 'Lee Leaving', url: 'https://example.com/verify' }) }, prisma);
    await prisma.verificationToken.create({ data: { identifier: email, token: 'hashed', expires: new Date(Date.now() + 60_000) } });
    await startSession(user.id, { db: prisma });
    // Someone signed up again with the address (the row a sign-up leaves for a confirmed account).
    await prisma.signUpRequest.create({ data: { email, tokenHash: 'hashed-link', expiresAt: new Date(Date.now() + 60_000) } });
    const { feedId, token } = await ensurePrivateFeed(user.id, { db: prisma });
    await pollPrivateFeed(token, { client: 'c1', agent: 'Overcast' }, { db: prisma });
    const other = await prisma.user.create({ data: { email: 'staying@example.com', name: 'Sam Staying' } });
    await prisma.notificationSettings.create({ data: { userId: user.id, unsubscribeToken: 'secret-token-hash', newsletter: true, mutedLifecycle: ['gone-quiet'] } });
    await prisma.comment.create({ data: { targetKind: 'article', targetSlug: 'posture', authorId: user.id, body: 'My own words', bodyHash: 'h1' } });

    const exported = await exportAccountData(user.id, prisma);
    expect(exported.profile).toMatchObject({ email, name: 'Lee Leaving', hasPassword: true });
    expect(JSON.stringify(exported)).not.toContain('"passwordHash"');
    expect(exported.signInAccounts).toEqual([{ provider: 'github', providerAccountId: 'gh-123' }]);
    expect(exported.emailsSent).toHaveLength(1);
    expect(exported.privatePodcastFeed?.fetchesPerDayAndApp).toEqual([expect.objectContaining({ agent: 'Overcast', count: 1 })]);
    expect(JSON.stringify(exported)).not.toContain(token);
    // Their email choices and their own comments, but not the unsubscribe secret.
    expect(exported.emailChoices).toEqual({ replies: true, coachQuestions: 'IMMEDIATE', newsletter: true, mutedLifecycle: ['gone-quiet'] });
    expect(exported.comments).toEqual([expect.objectContaining({ targetKind: 'article', targetSlug: 'posture', body: 'My own words' })]);
    expect(JSON.stringify(exported)).not.toContain('secret-token-hash');

    expect(Object.keys(await rowsMentioning(email)).length).toBeGreaterThan(2);
    await deleteAccount(user.id, prisma);
    expect(await rowsMentioning(email)).toEqual({});
    expect(await rowsMentioning('Lee Leaving')).toEqual({});
    expect(await rowsMentioning(user.id)).toEqual({});
    expect(await rowsMentioning(feedId)).toEqual({});
    // Nobody else is touched.
    expect(await prisma.user.findUnique({ where: { id: other.id } })).not.toBeNull();
  });
});
