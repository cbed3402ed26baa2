// Members' private podcast feeds, end to end below the HTTP server: the route handlers'
// functions with real Requests, a real database, and memberships changed by signed
// webhooks from the Stripe emulator (checkout, cancel, period end, renewal).
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { buildPodcastFeed } from '@/lib/podcast/public-feed';
import { loadEntitlements } from '@/lib/billing/entitlements';
import { pollPrivateFeed } from '@/lib/podcast/private-feed/poll';
import { servePrivateAudio, servePrivateFeed } from '@/lib/podcast/private-feed/serve';
import { feedSharingOf, flaggedFeeds, SHARED_FEED_CLIENTS } from '@/lib/podcast/private-feed/sharing';
import { ensurePrivateFeed, existingPrivateFeedToken, privateFeedUrl, resetPrivateFeed } from '@/lib/podcast/private-feed/tokens';
import { CONTENT_ROOT, isMembers, rawEpisodes } from '../helpers/content-text';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';
import { allEvents, deliver, startStripeHarness, subscribeThroughCheckout, type StripeHarness } from '../helpers/stripe';
import { CLIENT_ADDRESS_HEADER, clientAddressStep } from '../../scripts/client-address.mjs';

let db: TestDatabase;
let harness: StripeHarness;
let prisma: PrismaClient;
let stripe: Stripe;

beforeAll(async () => {
  // As under scripts/server.mjs: requests carry the address it resolved (the test sets it).
  clientAddressStep(undefined);
  [db, harness] = await Promise.all([createTestDatabase(), startStripeHarness()]);
  prisma = db.connection.prisma;
  stripe = harness.stripe;
});
afterAll(async () => {
  await harness?.close();
  await db?.drop();
});

const AUDIO = path.join(CONTENT_ROOT, 'podcast', 'audio');
const audioOf = (e: ReturnType<typeof rawEpisodes>[number]) => (e.data.audio as { url: string }).url;
const membersEpisodes = rawEpisodes().filter(isMembers);
const publicEpisodes = rawEpisodes().filter((e) => !isMembers(e));
const membersFile = audioOf(membersEpisodes[0]);
const membersTitles = membersEpisodes.map((e) => String(e.data.title));

type Item = { title: string; enclosure: { '@_url': string; '@_length': string; '@_type': string }; guid: { '#text': string } };
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (name) => name === 'item' });
const channelOf = (xml: string) => (parser.parse(xml) as { rss: { channel: { title: string; 'itunes:block'?: string; item?: Item[] } } }).rss.channel;

let n = 0;
async function newUser(name: string | null = 'Feed Listener') {
  n++;
  return prisma.user.create({ data: { email: `feed-${n}-${Date.now()}@example.com`, name }, select: { id: true, email: true, name: true, stripeCustomerId: true } });
}

const feedRequest = (token: string, init: RequestInit = {}) => new Request(privateFeedUrl(token), init);
const audioRequest = (token: string, file: string, init: RequestInit = {}) => new Request(`http://localhost/media/podcast/private/${token}/${file}`, init);

async function fetchFeed(token: string, headers: Record<string, string> = {}) {
  const response = await servePrivateFeed(feedRequest(token, { headers: { 'user-agent': 'Overcast/3.0', [CLIENT_ADDRESS_HEADER]: '203.0.113.7', ...headers } }), token, { db: prisma });
  return { response, xml: response.status === 200 ? await response.text() : '' };
}

async function deliverAll(events: Stripe.Event[]) {
  for (const event of events) expect((await deliver(stripe, prisma, event)).status).toBe(200);
}

/** A member with a live subscription (checkout paid, webhooks delivered). */
async function subscribedMember() {
  const user = await newUser();
  const { events, subscriptionId } = await subscribeThroughCheckout(stripe, prisma, user);
  await deliverAll(events);
  return { user, subscriptionId };
}

/** Cancels at period end, lets the emulator pass the period end, and delivers what Stripe sent. */
async function lapse(subscriptionId: string) {
  const before = new Set((await allEvents(stripe)).map((e) => e.id));
  await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
  await harness.emulator.advanceSubscription(subscriptionId);
  await deliverAll((await allEvents(stripe)).filter((e) => !before.has(e.id)));
}

describe(`private podcast feed on ${testDatabaseKind()}`, () => {
  it('lives through issue, use, reset, lapse and renewal', async () => {
    const { user, subscriptionId } = await subscribedMember();

    // Issue: a 43-character token; only its hash is stored, and it is the same on every visit.
    const { token } = await ensurePrivateFeed(user.id, { db: prisma });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await ensurePrivateFeed(user.id, { db: prisma })).token).toBe(token);
    expect(await existingPrivateFeedToken(user.id, { db: prisma })).toBe(token);
    const row = await prisma.podcastFeed.findUniqueOrThrow({ where: { userId: user.id } });
    expect(JSON.stringify(row)).not.toContain(token);

    // Use: every episode, members-only ones with token-bound audio, the member's name in the title.
    const entitled = await fetchFeed(token);
    expect(entitled.response.status).toBe(200);
    expect(entitled.response.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    expect(entitled.response.headers.get('cache-control')).toMatch(/private/);
    const channel = channelOf(entitled.xml);
    expect(channel.title).toContain('Feed Listener');
    expect(channel['itunes:block']).toBe('Yes');
    expect(channel.item).toHaveLength(rawEpisodes().length);
    for (const title of membersTitles) {
      const item = channel.item!.find((i) => i.title === title)!;
      expect(item.enclosure['@_url']).toContain(`/media/podcast/private/${token}/`);
    }
    expect(entitled.xml).not.toMatch(/renew/i);

    // Reset: the old address stops at once, the new one works.
    expect(await resetPrivateFeed(user.id, { db: prisma })).toBe(true);
    expect((await fetchFeed(token)).response.status).toBe(404);
    expect((await servePrivateAudio(audioRequest(token, membersFile), token, membersFile, { db: prisma })).status).toBe(403);
    const fresh = (await ensurePrivateFeed(user.id, { db: prisma })).token;
    expect(fresh).not.toBe(token);
    expect((await fetchFeed(fresh)).response.status).toBe(200);

    // Lapse: still 200, public episodes plus one renew item, no members' audio at all.
    await lapse(subscriptionId);
    const lapsed = await fetchFeed(fresh);
    expect(lapsed.response.status).toBe(200);
    const lapsedItems = channelOf(lapsed.xml).item!;
    expect(lapsedItems).toHaveLength(publicEpisodes.length + 1);
    expect(lapsedItems[0].title).toMatch(/membership has ended/i);
    expect(lapsedItems[0].enclosure['@_url']).toContain(`/media/podcast/private/${fresh}/renew-membership.mp3`);
    for (const title of membersTitles) expect(lapsed.xml).not.toContain(title);
    expect((await servePrivateAudio(audioRequest(fresh, membersFile), fresh, membersFile, { db: prisma })).status).toBe(403);
    const renewAudio = await servePrivateAudio(audioRequest(fresh, 'renew-membership.mp3', { method: 'HEAD' }), fresh, 'renew-membership.mp3', { db: prisma });
    expect(renewAudio.status).toBe(200);
    expect(renewAudio.headers.get('content-type')).toBe('audio/mpeg');
    expect(Number(lapsedItems[0].enclosure['@_length'])).toBe(Number(renewAudio.headers.get('content-length')));

    // Renewal: a new checkout, and the same address lists everything again.
    const renewed = await subscribeThroughCheckout(stripe, prisma, (await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true, stripeCustomerId: true } })));
    await deliverAll(renewed.events);
    const back = await fetchFeed(fresh);
    expect(channelOf(back.xml).item).toHaveLength(rawEpisodes().length);
    expect(back.xml).not.toMatch(/membership has ended/i);
    expect((await servePrivateAudio(audioRequest(fresh, membersFile, { method: 'HEAD' }), fresh, membersFile, { db: prisma })).status).toBe(200);
  });

  it("decides a poll's entitlement exactly as every other channel does, in every membership state", async () => {
    const client = { client: 'equivalence', agent: 'Test' };
    const expectSame = async (userId: string, now = new Date()) => {
      const { token } = await ensurePrivateFeed(userId, { db: prisma });
      const poll = await pollPrivateFeed(token, client, { db: prisma, now });
      expect(poll!.entitlements).toEqual(await loadEntitlements(userId, { db: prisma, now }));
      return poll!.entitlements;
    };
    const { user, subscriptionId } = await subscribedMember();
    expect((await expectSame(user.id)).source).toBe('subscription');
    await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    await deliverAll((await allEvents(stripe)).filter((e) => e.type === 'customer.subscription.updated' && JSON.stringify(e.data.object).includes(subscriptionId)).slice(-1));
    expect((await expectSame(user.id)).accessEndsAt).not.toBeNull();
    await lapse(subscriptionId);
    expect((await expectSame(user.id)).premium).toBe(false);

    const comped = await newUser();
    await prisma.compGrant.create({ data: { userId: comped.id, endsAt: new Date(Date.now() + 86_400_000) } });
    expect((await expectSame(comped.id)).source).toBe('comp');
    expect((await expectSame(comped.id, new Date(Date.now() + 2 * 86_400_000))).premium).toBe(false);
    const coach = await prisma.user.create({ data: { email: `coach-${Date.now()}@example.com`, role: 'COACH' } });
    expect((await expectSame(coach.id)).source).toBe('staff');
    expect(await pollPrivateFeed('x'.repeat(43), client, { db: prisma })).toBeNull();
  });

  it('answers a conditional fetch with 304 until the feed changes, and HEAD without a body', async () => {
    const { user, subscriptionId } = await subscribedMember();
    const { token } = await ensurePrivateFeed(user.id, { db: prisma });
    const first = await fetchFeed(token);
    const etag = first.response.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect((await fetchFeed(token, { 'if-none-match': etag })).response.status).toBe(304);
    const head = await servePrivateFeed(feedRequest(token, { method: 'HEAD' }), token, { db: prisma });
    expect(head.status).toBe(200);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    // The entitlement is part of the cached feed's key: a lapse changes the feed (and its ETag) at once.
    await lapse(subscriptionId);
    const after = await fetchFeed(token, { 'if-none-match': etag });
    expect(after.response.status).toBe(200);
    expect(after.response.headers.get('etag')).not.toBe(etag);
    expect(after.xml).toMatch(/membership has ended/i);
  });

  it('serves members-only audio through a valid token with HEAD and byte ranges, and 403 otherwise', async () => {
    const { user } = await subscribedMember();
    const { token } = await ensurePrivateFeed(user.id, { db: prisma });
    const bytes = fs.readFileSync(path.join(AUDIO, membersFile));

    const head = await servePrivateAudio(audioRequest(token, membersFile, { method: 'HEAD' }), token, membersFile, { db: prisma });
    expect(head.status).toBe(200);
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
    expect(head.headers.get('cache-control')).toMatch(/^private/);
    expect((await head.arrayBuffer()).byteLength).toBe(0);

    const ranged = await servePrivateAudio(audioRequest(token, membersFile, { headers: { Range: 'bytes=100-1099' } }), token, membersFile, { db: prisma });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 100-1099/${bytes.length}`);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(bytes.subarray(100, 1100))).toBe(true);

    const tail = await servePrivateAudio(audioRequest(token, membersFile, { headers: { Range: 'bytes=-500' } }), token, membersFile, { db: prisma });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 500))).toBe(true);

    const forged = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const bad of [forged, 'not-a-token', '', 'x'.repeat(43)]) {
      for (const init of [{}, { method: 'HEAD' }, { headers: { Range: 'bytes=0-' } }]) {
        const refused = await servePrivateAudio(audioRequest(bad, membersFile, init), bad, membersFile, { db: prisma });
        expect(refused.status).toBe(403);
        expect(refused.headers.get('content-type')).not.toMatch(/^audio\//);
        expect(refused.headers.has('content-range')).toBe(false);
      }
    }
    // A member without a membership who somehow holds a feed gets no members' audio either.
    const never = await newUser();
    const theirs = (await ensurePrivateFeed(never.id, { db: prisma })).token;
    expect((await servePrivateAudio(audioRequest(theirs, membersFile), theirs, membersFile, { db: prisma })).status).toBe(403);
  });

  it('keeps premium audio out of the public feed', () => {
    const xml = buildPodcastFeed();
    const enclosures = channelOf(xml).item!.map((i) => i.enclosure['@_url']);
    for (const e of membersEpisodes) {
      expect(xml).not.toContain(audioOf(e));
      expect(enclosures.filter((url) => url.endsWith(`/${audioOf(e)}`))).toEqual([]);
    }
    expect(xml).not.toContain('/media/podcast/private/');
  });

  it('answers 404 for unknown addresses, and 429 once one network tries too many', async () => {
    const headers = { [CLIENT_ADDRESS_HEADER]: '198.51.100.99' };
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await fetchFeed(`${'q'.repeat(40)}${String(i).padStart(3, '0')}`, headers)).response.status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it('counts unknown addresses by the resolved client, whatever X-Forwarded-For it makes up', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const headers = { [CLIENT_ADDRESS_HEADER]: '198.51.100.120', 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `192.0.2.${i}` };
      statuses.push((await fetchFeed(`${'s'.repeat(40)}${String(i).padStart(3, '0')}`, headers)).response.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('flags a feed fetched from many clients in a day, counts one client once, and a reset clears it', async () => {
    const { user } = await subscribedMember();
    const { token } = await ensurePrivateFeed(user.id, { db: prisma });
    // One member: the same app on the same network all day (a different last octet is the same /24).
    for (let i = 0; i < 20; i++) await fetchFeed(token, { [CLIENT_ADDRESS_HEADER]: `192.0.2.${i}`, 'user-agent': 'AppleCoreMedia/1.0 (iPhone; U; CPU OS 17_1)' });
    let sharing = (await feedSharingOf([user.id], { db: prisma })).get(user.id)!;
    expect(sharing).toMatchObject({ clients: 1, fetches: 20, flagged: false, agents: ['AppleCoreMedia'] });

    // Then many networks: flagged once it reaches the threshold, never before.
    for (let i = 1; i < SHARED_FEED_CLIENTS - 1; i++) await fetchFeed(token, { [CLIENT_ADDRESS_HEADER]: `10.${i}.0.1` });
    sharing = (await feedSharingOf([user.id], { db: prisma })).get(user.id)!;
    expect(sharing.clients).toBe(SHARED_FEED_CLIENTS - 1);
    expect(sharing.flagged).toBe(false);
    expect((await flaggedFeeds({ db: prisma })).map((f) => f.userId)).not.toContain(user.id);
    await fetchFeed(token, { [CLIENT_ADDRESS_HEADER]: '2001:db8:abcd:12::1' });
    await fetchFeed(token, { [CLIENT_ADDRESS_HEADER]: '2001:db8:abcd:ffff::2' }); // same /48: not another client
    const flagged = (await flaggedFeeds({ db: prisma })).find((f) => f.userId === user.id);
    expect(flagged).toMatchObject({ clients: SHARED_FEED_CLIENTS, flagged: true, email: user.email });

    // Nobody is locked out for it.
    expect((await fetchFeed(token)).response.status).toBe(200);

    // A day later the flag is gone by itself; a reset clears it at once.
    const tomorrow = new Date(Date.now() + 25 * 3_600_000);
    expect((await flaggedFeeds({ db: prisma, now: tomorrow })).map((f) => f.userId)).not.toContain(user.id);
    await resetPrivateFeed(user.id, { db: prisma });
    expect((await flaggedFeeds({ db: prisma })).map((f) => f.userId)).not.toContain(user.id);
    expect((await feedSharingOf([user.id], { db: prisma })).has(user.id)).toBe(false);
  });

  it('counts concurrent fetches from two app instances without losing one', async () => {
    const { user } = await subscribedMember();
    const { token } = await ensurePrivateFeed(user.id, { db: prisma });
    const instances = db.kind === 'postgres' ? [prisma, db.openAnother().prisma] : [prisma, prisma];
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => servePrivateFeed(feedRequest(token, { headers: { [CLIENT_ADDRESS_HEADER]: '203.0.113.50' } }), token, { db: instances[i % 2] })),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect((await feedSharingOf([user.id], { db: prisma })).get(user.id)?.fetches).toBe(20);
  });

  it('gives every member their own address, and the account deletion takes the feed with it', async () => {
    const [a, b] = [await newUser('A'), await newUser(null)];
    const [ta, tb] = await Promise.all([ensurePrivateFeed(a.id, { db: prisma }), ensurePrivateFeed(b.id, { db: prisma })]);
    expect(ta.token).not.toBe(tb.token);
    // No name: the feed still says whose it is.
    expect(channelOf((await fetchFeed(tb.token)).xml).title).toContain(b.email.split('@')[0]);
    await prisma.user.delete({ where: { id: a.id } });
    expect(await prisma.podcastFeed.count({ where: { userId: a.id } })).toBe(0);
    expect((await fetchFeed(ta.token)).response.status).toBe(404);
  });
});
