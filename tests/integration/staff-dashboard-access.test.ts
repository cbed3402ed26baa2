// Who may download the dashboard's member CSV, as an attacker would try it: a visitor is
// sent to sign in, a member gets a 404 and a coach a 403; an admin gets the CSV, with the
// header, one row per member, the filters applied and formula-like names neutralised.
// And the dashboard's data for a coach carries no money at all.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { sessionCookieFor } from '../helpers/action-caller';
import { useAsAppDatabase } from '../helpers/auth-browser';
import { createCountingTestDatabase, testDatabaseKind, type CountingTestDatabase } from '../helpers/database';

const SECRET = vi.hoisted(() => 'integration-test-secret-that-is-long-enough-0123');
vi.hoisted(() => vi.stubEnv('AUTH_SECRET', SECRET));
const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}) }));

const { memberCsvResponse, MEMBER_CSV_HEADER } = await import('@/lib/dashboard/member-export');
const { loadDashboard } = await import('@/lib/dashboard/dashboard');

const NOW = new Date('2026-06-15T12:00:00Z');
let db: CountingTestDatabase;
let prisma: PrismaClient;
const cookies: Record<'member' | 'coach' | 'admin', string> = { member: '', coach: '', admin: '' };

beforeAll(async () => {
  db = await createCountingTestDatabase();
  prisma = db.connection.prisma;
  useAsAppDatabase(db.connection);
  for (const role of ['MEMBER', 'COACH', 'ADMIN'] as const) {
    const user = await prisma.user.create({ data: { email: `${role.toLowerCase()}@example.com`, name: `The ${role.toLowerCase()}`, role, createdAt: new Date('2026-01-01T00:00:00Z') } });
    cookies[role.toLowerCase() as keyof typeof cookies] = await sessionCookieFor(prisma, user.id, SECRET);
  }
  const sneaky = await prisma.user.create({ data: { email: 'sneaky@example.com', name: '=HYPERLINK("http://evil.test","x")', createdAt: new Date('2026-03-01T00:00:00Z') } });
  await prisma.compGrant.create({ data: { userId: sneaky.id, reason: 'test' } });
  const payer = await prisma.user.create({ data: { email: 'payer@example.com', name: 'Pat "Payer", PT', createdAt: new Date('2026-02-01T00:00:00Z') } });
  await prisma.subscription.create({
    data: { id: 'sub_x', userId: payer.id, customerId: 'cus_x', status: 'active', priceId: 'price_m', interval: 'month', currentPeriodEnd: new Date('2026-07-01T00:00:00Z'), createdAt: new Date('2026-02-01T00:00:00Z') },
  });
});
afterAll(() => db?.drop());

const csv = (query = '') => memberCsvResponse(new Request(`http://localhost:3000/staff/members.csv${query}`), { db: prisma, now: NOW });

describe(`the member CSV on ${testDatabaseKind()}`, () => {
  it('sends a visitor to sign in, and refuses a member (404), a forged cookie and a coach (403)', async () => {
    request.cookie = null;
    await expect(csv()).rejects.toMatchObject({ digest: expect.stringContaining('/sign-in?callbackUrl=%2Fstaff') });
    request.cookie = 'authjs.session-token=forged.value.here';
    await expect(csv()).rejects.toMatchObject({ digest: expect.stringContaining('/sign-in') });
    request.cookie = cookies.member;
    expect((await csv()).status).toBe(404);
    request.cookie = cookies.coach;
    const refused = await csv();
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('payer@example.com');
  });

  it('gives an admin every member, filtered, with formulas neutralised', async () => {
    request.cookie = cookies.admin;
    const response = await csv();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="members-2026-06-15.csv"');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(MEMBER_CSV_HEADER.map((h) => `"${h}"`).join(','));
    expect(lines).toHaveLength(4); // header, the member, the payer, sneaky (staff are not members)
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.test"",""x""\)","sneaky@example\.com","Complimentary","","2026-03-01","","0","http:\/\/localhost:3000\/staff\/members\/[^"]+\/progress"$/);
    expect(lines[2]).toMatch(/^"Pat ""Payer"", PT","payer@example\.com","Active",/);
    expect(lines[3]).toMatch(/^"The member","member@example\.com","No membership",/);

    const active = (await (await csv('?status=active&phase=%3Dbad')).text()).trimEnd().split('\r\n');
    expect(active).toHaveLength(2);
    expect(active[1]).toContain('payer@example.com');
  });

  it('loads no money for a coach', async () => {
    const prices = { currency: 'gbp', unavailable: false, prices: [{ priceId: 'price_m', amount: 1900 }] };
    const forAdmin = await loadDashboard({ role: 'ADMIN', filter: {}, now: NOW, db: prisma, prices });
    expect(forAdmin.money?.months[11].mrr).toBe(1900);
    const forCoach = await loadDashboard({ role: 'COACH', filter: {}, now: NOW, db: prisma, prices });
    expect(forCoach.money).toBeNull();
    expect(JSON.stringify(forCoach)).not.toMatch(/mrr|churn|1900/i);
  });
});
