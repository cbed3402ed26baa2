// Lifecycle emails against a real database, the real outbox and the Stripe emulator: each
// scheduled trigger at its time with a clock the test moves (before: nothing; at: one;
// again and later: still one), admins' switches and members' muted categories, welcome
// and card failed through signed webhook deliveries, and two job runs at once.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { runLifecycleJob } from '@/lib/lifecycle/job';
import type { LifecycleKind } from '@/lib/lifecycle/kinds';
import { setLifecycleSwitch } from '@/lib/lifecycle/settings';
import { handleLifecycleOneClick } from '@/lib/lifecycle/unsubscribe';
import { phaseDefinitions } from '@/lib/programme/store';
import { testDatabaseKind } from '../helpers/database';
import { allEvents, deliver, stripeTestBed, subscribeThroughCheckout } from '../helpers/stripe';

const bed = stripeTestBed();

const DAY = 86_400_000;
let year = 2030;
/** A clock of its own per test (a year apart), so one test's members are never due in another's. */
function clock() {
  const base = Date.UTC(year++, 0, 1, 9);
  return (days: number) => new Date(base + days * DAY);
}

let n = 0;
async function person(options: { role?: 'MEMBER' | 'COACH'; muted?: string[] } = {}) {
  n++;
  const user = await bed.prisma.user.create({
    data: { email: `life-${n}@example.com`, name: `Member ${n}`, role: options.role ?? 'MEMBER' },
    select: { id: true, email: true, name: true, stripeCustomerId: true },
  });
  if (options.muted) await bed.prisma.notificationSettings.create({ data: { userId: user.id, unsubscribeToken: `hash-${n}`, mutedLifecycle: options.muted } });
  return user;
}

async function subscription(userId: string, fields: { status?: string; currentPeriodEnd: Date; createdAt: Date; cancelAtPeriodEnd?: boolean; endedAt?: Date }) {
  await bed.prisma.subscription.create({
    data: { id: `sub_life_${++n}`, userId, customerId: `cus_x_${n}`, priceId: 'price_membership_monthly', interval: 'month', status: 'active', ...fields },
  });
}

/** A member paying monthly since well before `since`, with access until `until`. */
async function payingMember(at: (d: number) => Date, until = 400, options: Parameters<typeof person>[0] = {}) {
  const user = await person(options);
  await subscription(user.id, { currentPeriodEnd: at(until), createdAt: at(-60) });
  return user;
}

async function completion(userId: string, completedAt: Date, phaseSlug = 'phase-one', sessionSlug = 'breathing-and-bracing') {
  await bed.prisma.sessionCompletion.create({ data: { userId, phaseSlug, sessionSlug, completedAt, requestKey: `key-${++n}-${completedAt.getTime()}` } });
}

const TEMPLATE: Record<LifecycleKind, string> = {
  welcome: 'membership-started',
  'card-failed': 'lifecycle-card-failed',
  'ending-soon': 'lifecycle-ending-soon',
  lapsed: 'lifecycle-lapsed',
  'gone-quiet': 'lifecycle-gone-quiet',
  'next-phase': 'lifecycle-next-phase',
};
const sent = (to: string, kind: LifecycleKind) => bed.prisma.outboxEmail.count({ where: { to, template: TEMPLATE[kind] } });
const emails = (to: string, kind: LifecycleKind) => bed.prisma.outboxEmail.findMany({ where: { to, template: TEMPLATE[kind] }, orderBy: { createdAt: 'asc' } });
const run = (now: Date, client: PrismaClient = bed.prisma) => runLifecycleJob({ db: client, now });

describe(`lifecycle emails on ${testDatabaseKind()}`, () => {
  it('membership ending: nothing with more than 3 days left, one at 3 days, still one later', async () => {
    const at = clock();
    const user = await person();
    await subscription(user.id, { cancelAtPeriodEnd: true, currentPeriodEnd: at(10), createdAt: at(-20) });
    // Access that goes on (a complimentary membership) means nothing is ending.
    const comped = await person();
    await subscription(comped.id, { cancelAtPeriodEnd: true, currentPeriodEnd: at(10), createdAt: at(-20) });
    await bed.prisma.compGrant.create({ data: { userId: comped.id, createdAt: at(-5) } });

    await run(at(6.99));
    expect(await sent(user.email, 'ending-soon')).toBe(0);
    await run(at(7));
    await run(at(7));
    await run(at(9.5));
    const [email] = await emails(user.email, 'ending-soon');
    expect(await sent(user.email, 'ending-soon')).toBe(1);
    expect(email.subject).toBe('Your Steady Spine membership ends on 11 January 2030');
    expect(email.listUnsubscribeUrl).toMatch(/\/api\/notifications\/unsubscribe\?token=[\w-]{43}&category=ending-soon$/);
    expect(await sent(comped.email, 'ending-soon')).toBe(0);
  });

  it('lapsed: 7 days after the membership ended, once; not for a member who came back', async () => {
    const at = clock();
    const user = await person();
    await subscription(user.id, { status: 'canceled', currentPeriodEnd: at(0), endedAt: at(0), createdAt: at(-90) });
    const rejoined = await person();
    await subscription(rejoined.id, { status: 'canceled', currentPeriodEnd: at(0), endedAt: at(0), createdAt: at(-90) });
    await subscription(rejoined.id, { currentPeriodEnd: at(30), createdAt: at(3) });

    await run(at(6.9));
    expect(await sent(user.email, 'lapsed')).toBe(0);
    await run(at(7));
    await run(at(8));
    await run(at(13.9));
    expect(await sent(user.email, 'lapsed')).toBe(1);
    expect((await emails(user.email, 'lapsed'))[0].text).toContain('/pricing');
    expect(await sent(rejoined.email, 'lapsed')).toBe(0);
  });

  it('gone quiet: 10 days without a session while entitled, at most once a fortnight', async () => {
    const at = clock();
    const quiet = await payingMember(at);
    await completion(quiet.id, at(0));
    // Came back for one session after the email, then quiet again: not before a fortnight.
    const relapsed = await payingMember(at);
    await completion(relapsed.id, at(0));
    // Joined and never started: quiet from the day access began.
    const neverStarted = await person();
    await subscription(neverStarted.id, { currentPeriodEnd: at(400), createdAt: at(0) });
    // Not entitled, or staff: never nudged.
    const reader = await person();
    await completion(reader.id, at(0));
    const coach = await person({ role: 'COACH' });
    await completion(coach.id, at(0));

    await run(at(9.99));
    expect(await sent(quiet.email, 'gone-quiet')).toBe(0);
    await run(at(10));
    await run(at(10));
    expect([await sent(quiet.email, 'gone-quiet'), await sent(relapsed.email, 'gone-quiet'), await sent(neverStarted.email, 'gone-quiet')]).toEqual([1, 1, 1]);
    const [first] = await emails(quiet.email, 'gone-quiet');
    expect(first.text).toContain('It has been 10 days since your last session.');
    expect(first.text).toContain('/programme/phase-one/');

    await completion(relapsed.id, at(11));
    await run(at(21));
    await run(at(23.9));
    expect([await sent(quiet.email, 'gone-quiet'), await sent(relapsed.email, 'gone-quiet')]).toEqual([1, 1]);
    await run(at(24));
    await run(at(25));
    expect([await sent(quiet.email, 'gone-quiet'), await sent(relapsed.email, 'gone-quiet'), await sent(neverStarted.email, 'gone-quiet')]).toEqual([2, 2, 2]);
    expect(await sent(reader.email, 'gone-quiet')).toBe(0);
    expect(await sent(coach.email, 'gone-quiet')).toBe(0);
  });

  it('ready for the next phase: when the readiness rule says so, once per phase', async () => {
    const at = clock();
    const phase = phaseDefinitions()[0];
    const user = await payingMember(at);
    // The recommended runs, two days apart (more than the spacing rule asks).
    const times: Date[] = [];
    for (let r = 0; r < phase.recommendedRuns; r++) phase.sessionSlugs.forEach((_, i) => times.push(at(r * 2 + i * 0.01)));
    const last = times.length - 1;
    for (let i = 0; i < last; i++) await completion(user.id, times[i], phase.slug, phase.sessionSlugs[i % phase.sessionSlugs.length]);

    await run(new Date(times[last - 1].getTime() + 3_600_000));
    expect(await sent(user.email, 'next-phase')).toBe(0);
    await completion(user.id, times[last], phase.slug, phase.sessionSlugs.at(-1));
    const soon = new Date(times[last].getTime() + 3_600_000);
    await run(soon);
    await run(soon);
    await run(new Date(soon.getTime() + DAY));
    expect(await sent(user.email, 'next-phase')).toBe(1);
    const [email] = await emails(user.email, 'next-phase');
    expect(email.subject).toBe(`You are ready for ${phaseDefinitions()[1].title}`);
    expect(email.text).toContain(`/programme/${phaseDefinitions()[1].slug}`);
  });

  it('an email switched off by an admin is not sent; a muted category is not sent, the others still are', async () => {
    const at = clock();
    const quiet = await payingMember(at);
    await completion(quiet.id, at(0));
    const muted = await person({ muted: ['gone-quiet'] });
    await subscription(muted.id, { cancelAtPeriodEnd: true, currentPeriodEnd: at(12), createdAt: at(-60) });
    await completion(muted.id, at(0));

    await setLifecycleSwitch('gone-quiet', false, null, bed.prisma);
    await run(at(10));
    expect(await sent(quiet.email, 'gone-quiet')).toBe(0);
    expect(await sent(muted.email, 'ending-soon')).toBe(1);
    await setLifecycleSwitch('gone-quiet', true, null, bed.prisma);
    await run(at(10.5));
    expect(await sent(quiet.email, 'gone-quiet')).toBe(1);
    expect(await sent(muted.email, 'gone-quiet')).toBe(0);
  });

  it('two job runs at the same moment send each email once', async () => {
    const at = clock();
    const quiet = await payingMember(at);
    await completion(quiet.id, at(0));
    const ending = await person();
    await subscription(ending.id, { cancelAtPeriodEnd: true, currentPeriodEnd: at(11), createdAt: at(-60) });
    await completion(ending.id, at(9));
    const lapsed = await person();
    await subscription(lapsed.id, { status: 'canceled', currentPeriodEnd: at(2), endedAt: at(2), createdAt: at(-60) });
    // Two app instances (two connection pools) on PostgreSQL; on PGlite, two runs on its one connection.
    const other = bed.db.kind === 'postgres' ? bed.db.openAnother().prisma : bed.prisma;
    await Promise.all([run(at(10), bed.prisma), run(at(10), other), run(at(10), bed.prisma)]);
    expect([await sent(quiet.email, 'gone-quiet'), await sent(ending.email, 'ending-soon'), await sent(lapsed.email, 'lapsed')]).toEqual([1, 1, 1]);
    expect(await bed.prisma.lifecycleEmail.count({ where: { userId: { in: [quiet.id, ending.id, lapsed.id] } } })).toBe(3);
  });

  it('welcome: once when a membership starts through the webhook, with its own one-click unsubscribe', async () => {
    const user = await person();
    const { events, subscriptionId } = await subscribeThroughCheckout(bed.stripe, bed.prisma, user);
    for (const event of [...events, ...[...events].reverse()]) expect((await deliver(bed.stripe, bed.prisma, event)).status).toBe(200);
    const [email, ...more] = await emails(user.email, 'welcome');
    expect(more).toEqual([]);
    expect(email.text).toContain('What to do first: start Phase One, session 1');
    expect(email.text).toContain('/programme/phase-one/breathing-and-bracing');
    expect(await bed.prisma.lifecycleEmail.findMany({ where: { userId: user.id }, select: { kind: true, key: true } })).toEqual([{ kind: 'welcome', key: subscriptionId }]);

    // One click mutes the welcome category only, and says which; a bad category or token gets one answer.
    const url = email.listUnsubscribeUrl!;
    const post = (target: string, body = 'List-Unsubscribe=One-Click') => handleLifecycleOneClick(new Request(target, { method: 'POST', body }), { db: bed.prisma });
    expect((await post(url, '')).status).toBe(400);
    const refused = await Promise.all([post(url.replace('category=welcome', 'category=card-failed')), post(url.replace('category=welcome', 'category=%27%3B--')), post(url.replace(/token=[\w-]+/, `token=${'A'.repeat(43)}`))]);
    expect(refused.map((r) => r.status)).toEqual([404, 404, 404]);
    expect(new Set(await Promise.all(refused.map((r) => r.text())))).toEqual(new Set(['This unsubscribe link is not valid.']));
    const ok = await post(url);
    expect([ok.status, await ok.text()]).toEqual([200, 'Unsubscribed from emails about a welcome when a membership starts.']);
    expect(await post(url).then((r) => r.status)).toBe(200);
    expect(await bed.prisma.notificationSettings.findUniqueOrThrow({ where: { userId: user.id }, select: { mutedLifecycle: true, replies: true } })).toEqual({ mutedLifecycle: ['welcome'], replies: true });
  });

  it('welcome: not sent while switched off, nor to a member who muted it', async () => {
    const switchedOff = await person();
    const muted = await person({ muted: ['welcome'] });
    await setLifecycleSwitch('welcome', false, null, bed.prisma);
    const first = await subscribeThroughCheckout(bed.stripe, bed.prisma, switchedOff);
    for (const event of first.events) await deliver(bed.stripe, bed.prisma, event);
    await setLifecycleSwitch('welcome', true, null, bed.prisma);
    const second = await subscribeThroughCheckout(bed.stripe, bed.prisma, muted);
    for (const event of second.events) await deliver(bed.stripe, bed.prisma, event);
    expect([await sent(switchedOff.email, 'welcome'), await sent(muted.email, 'welcome')]).toEqual([0, 0]);
  });

  it('card failed: once per invoice attempt from a signed invoice.payment_failed, whatever the duplicates; not mutable', async () => {
    // Muting is refused for card failed: even a row that says so (written by hand) does not stop it.
    const user = await person({ muted: ['card-failed'] });
    const { events, subscriptionId } = await subscribeThroughCheckout(bed.stripe, bed.prisma, user, 'failsOnRenewal');
    for (const event of events) await deliver(bed.stripe, bed.prisma, event);
    const seen = new Set((await allEvents(bed.stripe)).map((e) => e.id));
    await bed.harness.emulator.advanceSubscription(subscriptionId);
    const renewal = (await allEvents(bed.stripe)).filter((e) => !seen.has(e.id));
    const failed = renewal.find((e) => e.type === 'invoice.payment_failed')!;
    expect(failed).toBeDefined();
    for (const event of renewal) expect((await deliver(bed.stripe, bed.prisma, event)).result).toBe('processed');
    expect((await deliver(bed.stripe, bed.prisma, failed)).result).toBe('duplicate');
    // Stripe can also send the same news as a new event: same invoice and attempt, one email.
    expect((await deliver(bed.stripe, bed.prisma, { ...failed, id: `${failed.id}_again` })).result).toBe('processed');

    const [email, ...more] = await emails(user.email, 'card-failed');
    expect(more).toEqual([]);
    expect(email.subject).toBe('Your Steady Spine payment did not go through');
    expect(email.text).toContain('of £19');
    expect(email.text).toContain('Update my card: ');
    expect(email.text).toContain('/account#membership-heading');
    expect(email.listUnsubscribeUrl).toBeNull();
    const invoice = failed.data.object as Stripe.Invoice;
    expect(await bed.prisma.lifecycleEmail.findMany({ where: { userId: user.id, kind: 'card-failed' }, select: { key: true } })).toEqual([{ key: `${invoice.id}#1` }]);
  });

  it('card failed: switched off by an admin, nothing is sent', async () => {
    const user = await person();
    const { events, subscriptionId } = await subscribeThroughCheckout(bed.stripe, bed.prisma, user, 'failsOnRenewal');
    for (const event of events) await deliver(bed.stripe, bed.prisma, event);
    const seen = new Set((await allEvents(bed.stripe)).map((e) => e.id));
    await bed.harness.emulator.advanceSubscription(subscriptionId);
    await setLifecycleSwitch('card-failed', false, null, bed.prisma);
    try {
      for (const event of (await allEvents(bed.stripe)).filter((e) => !seen.has(e.id))) await deliver(bed.stripe, bed.prisma, event);
    } finally {
      await setLifecycleSwitch('card-failed', true, null, bed.prisma);
    }
    expect(await sent(user.email, 'card-failed')).toBe(0);
    expect((await bed.prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId } })).status).toBe('past_due');
  });
});
