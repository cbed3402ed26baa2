// No pre-registration hijack (lib/auth/sign-up.ts, and auth.ts's signIn callback): a
// password chosen at sign-up reaches an account only through the link sent to the
// address, so someone who signs up first with another person's address cannot sign in
// once the owner proves the address by a sign-in link, or signs up again themselves.
// Sign-in links go through the app's real Auth.js routes.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { confirmSignUp, requestSignUp, SIGN_UP_LINK_MINUTES } from '@/lib/auth/sign-up';
import type { PrismaClient } from '@/lib/db/generated/client';
import { AuthBrowser, linkFromOutbox, useAsAppDatabase } from '../helpers/auth-browser';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

vi.hoisted(() => vi.stubEnv('AUTH_SECRET', 'integration-test-secret-that-is-long-enough-0123'));

const OWNER_PASSWORD = 'calm-river-stone-42';
const ATTACKER_PASSWORD = 'attacker-chose-this-77';
let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.connection.prisma;
  useAsAppDatabase(db.connection);
});
afterAll(() => db?.drop());

let n = 0;
const address = (label: string) => `${label}-${++n}@example.com`;
/** A different client address each time, so only the per-email limit can refuse. */
const signUp = (email: string, password: string, name = 'Someone', now?: Date) =>
  requestSignUp({ name, email, password, next: '/', ip: `10.0.0.${++n}` }, { db: prisma, now });
const confirmationToken = async (email: string) => (await linkFromOutbox(prisma, email, 'verify-email', '/verify-email')).searchParams.get('token')!;
const passwordOpens = async (email: string, password: string) => new AuthBrowser().signInWithPassword(email, password);

describe(`sign-up on ${testDatabaseKind()}`, () => {
  it('creates no account until the link is used; then the account has the name and password chosen', async () => {
    const email = address('newcomer');
    expect(await signUp(email, OWNER_PASSWORD, 'Nora')).toEqual({ ok: true });
    expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
    expect(await passwordOpens(email, OWNER_PASSWORD)).toBe(false);

    const token = await confirmationToken(email);
    expect(await confirmSignUp(token, { db: prisma })).toEqual({ ok: true, outcome: 'created' });
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: 'Nora' });
    expect(user.emailVerified).not.toBeNull();
    expect(await passwordOpens(email, OWNER_PASSWORD)).toBe(true);
    // The link works once, and the table keeps no password hash after it.
    expect(await confirmSignUp(token, { db: prisma })).toEqual({ ok: false, reason: 'used' });
    expect(await prisma.signUpRequest.findUniqueOrThrow({ where: { email } })).toMatchObject({ passwordHash: null, name: null });
  });

  it('the newsletter box reaches the account only when ticked, and only once the link is used', async () => {
    const ticked = address('wants-news');
    const unticked = address('no-news');
    await requestSignUp({ name: 'Tess', email: ticked, password: OWNER_PASSWORD, next: '/', ip: '10.1.0.1', newsletter: true }, { db: prisma });
    await signUp(unticked, OWNER_PASSWORD);
    expect(await prisma.signUpRequest.findUniqueOrThrow({ where: { email: ticked }, select: { newsletter: true } })).toEqual({ newsletter: true });
    for (const email of [ticked, unticked]) expect(await confirmSignUp(await confirmationToken(email), { db: prisma })).toEqual({ ok: true, outcome: 'created' });
    const optedIn = async (email: string) => (await prisma.notificationSettings.findFirst({ where: { user: { email } }, select: { newsletter: true } }))?.newsletter ?? false;
    expect(await optedIn(ticked)).toBe(true);
    expect(await optedIn(unticked)).toBe(false);
  });

  it('an attacker who signed up first cannot sign in once the owner signs in by link, nor later through the old link', async () => {
    const victim = address('victim-link');
    await signUp(victim, ATTACKER_PASSWORD, 'Mallory');
    const attackersToken = await confirmationToken(victim);

    await new AuthBrowser().signInWithLink(victim, prisma);
    const owner = await prisma.user.findUniqueOrThrow({ where: { email: victim } });
    expect(owner.emailVerified).not.toBeNull();
    expect(owner.passwordHash).toBeNull();
    expect(owner.name).toBeNull();
    expect(await passwordOpens(victim, ATTACKER_PASSWORD)).toBe(false);

    expect(await confirmSignUp(attackersToken, { db: prisma })).toEqual({ ok: false, reason: 'invalid' });
    expect(await prisma.user.findUniqueOrThrow({ where: { email: victim } })).toMatchObject({ passwordHash: null });
    expect(await passwordOpens(victim, ATTACKER_PASSWORD)).toBe(false);
  });

  it('a newer sign-up replaces an unconfirmed one: the owner gets their own password, the first link dies', async () => {
    const victim = address('victim-again');
    await signUp(victim, ATTACKER_PASSWORD, 'Mallory');
    const attackersToken = await confirmationToken(victim);
    await signUp(victim, OWNER_PASSWORD, 'Olive Owner');
    const ownersToken = await confirmationToken(victim);

    expect(await confirmSignUp(attackersToken, { db: prisma })).toEqual({ ok: false, reason: 'invalid' });
    expect(await confirmSignUp(ownersToken, { db: prisma })).toEqual({ ok: true, outcome: 'created' });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: victim } });
    expect(user.name).toBe('Olive Owner');
    expect(await verifyPassword(user.passwordHash, OWNER_PASSWORD)).toBe(true);
    expect(await passwordOpens(victim, ATTACKER_PASSWORD)).toBe(false);
    expect(await passwordOpens(victim, OWNER_PASSWORD)).toBe(true);
  });

  it('an unconfirmed account from before (password on the account) loses that password when the owner signs in by link', async () => {
    const victim = address('legacy-link');
    await prisma.user.create({ data: { email: victim, name: 'Mallory', passwordHash: await hashPassword(ATTACKER_PASSWORD) } });
    await new AuthBrowser().signInWithLink(victim, prisma);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: victim } });
    expect(user.emailVerified).not.toBeNull();
    expect(user.passwordHash).toBeNull();
    expect(await passwordOpens(victim, ATTACKER_PASSWORD)).toBe(false);
  });

  it('an unconfirmed account from before is taken over by the sign-up its owner confirms', async () => {
    const victim = address('legacy-sign-up');
    const legacy = await prisma.user.create({ data: { email: victim, name: 'Mallory', passwordHash: await hashPassword(ATTACKER_PASSWORD) } });
    await signUp(victim, OWNER_PASSWORD, 'Olive Owner');
    expect(await confirmSignUp(await confirmationToken(victim), { db: prisma })).toEqual({ ok: true, outcome: 'created' });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: victim } });
    expect(user).toMatchObject({ id: legacy.id, name: 'Olive Owner' });
    expect(await passwordOpens(victim, ATTACKER_PASSWORD)).toBe(false);
    expect(await passwordOpens(victim, OWNER_PASSWORD)).toBe(true);
  });

  it('leaves a confirmed account as it is and tells its owner, keeping nothing the newcomer chose', async () => {
    const email = address('confirmed');
    const existing = await prisma.user.create({ data: { email, name: 'Cora', passwordHash: await hashPassword(OWNER_PASSWORD), emailVerified: new Date() } });
    expect(await signUp(email, ATTACKER_PASSWORD, 'Mallory')).toEqual({ ok: true });
    expect(await prisma.user.findUniqueOrThrow({ where: { email } })).toEqual(existing);
    const mail = await prisma.outboxEmail.findMany({ where: { to: email } });
    expect(mail.map((m) => m.template)).toEqual(['sign-up-attempt']);
    expect(mail[0].text).not.toContain('/verify-email');
    expect(await prisma.signUpRequest.findUniqueOrThrow({ where: { email } })).toMatchObject({ name: null, passwordHash: null });
    expect(await passwordOpens(email, ATTACKER_PASSWORD)).toBe(false);
  });

  it('a link expires after 24 hours', async () => {
    const email = address('late');
    const sentAt = new Date('2026-03-01T10:00:00Z');
    await signUp(email, OWNER_PASSWORD, 'Lee', sentAt);
    const later = new Date(sentAt.getTime() + SIGN_UP_LINK_MINUTES * 60_000 + 1);
    expect(await confirmSignUp(await confirmationToken(email), { db: prisma, now: later })).toEqual({ ok: false, reason: 'expired' });
    expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
  });

  it('refuses the 6th sign-up for one address within an hour, from any client address', async () => {
    const email = address('flood');
    for (let attempt = 1; attempt <= 5; attempt++) expect(await signUp(email, OWNER_PASSWORD)).toEqual({ ok: true });
    expect(await signUp(email, OWNER_PASSWORD)).toMatchObject({ ok: false });
    expect(await signUp(address('other'), OWNER_PASSWORD)).toEqual({ ok: true });
    expect(await prisma.outboxEmail.count({ where: { to: email } })).toBe(5);
  });
});
