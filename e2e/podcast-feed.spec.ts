// Members' private podcast feeds in Chromium: copied from the account page, fetched the
// way a podcast app does (no cookies), its members' audio played, and the same address
// after the membership lapses. Plus the episode page for members, and the staff flag.
import { expect, request as apiRequest, test, type APIRequestContext } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { isMembers, rawEpisodes } from '../tests/helpers/content-text';
import { advance, cancelInPortal, emulatorSubscriptionOf, newSubscriber } from './billing-helpers';
import { expectNoAxeViolations, linkFromLatestEmail, signInAs } from './helpers';

test.describe.configure({ mode: 'parallel' });
// Each test signs up from its own address, so the per-IP sign-up limit never trips.
test.use({ extraHTTPHeaders: { 'X-Forwarded-For': `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } });

const premium = rawEpisodes().find(isMembers)!;
const premiumTitle = String(premium.data.title);
const premiumSeconds = String(premium.data.duration).split(':').reduce((t, p) => t * 60 + Number(p), 0);
const FEED_URL = /^http:\/\/localhost:\d+\/podcast\/private\/[A-Za-z0-9_-]{43}\/feed\.xml$/;

type Item = { title: string; enclosure: { '@_url': string; '@_length': string; '@_type': string } };
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (name) => name === 'item' });

/** A podcast app: the feed address and nothing else (no cookies, its own user agent). */
async function podcastApp(userAgent = 'Overcast/3.0 (+http://overcast.fm/; iOS podcast app)'): Promise<APIRequestContext> {
  return apiRequest.newContext({ extraHTTPHeaders: { 'User-Agent': userAgent } });
}

async function fetchChannel(app: APIRequestContext, feedUrl: string) {
  const response = await app.get(feedUrl);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/rss\+xml/);
  return (parser.parse(await response.text()) as { rss: { channel: { title: string; item: Item[] } } }).rss.channel;
}

test('a member copies their private feed from the account page, plays its members’ episode, and after a lapse the same address lists the renew episode', async ({ page, context }) => {
  const email = await newSubscriber(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Your private podcast feed' });
  await section.getByRole('button', { name: 'Copy address' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const feedUrl = await page.evaluate(() => navigator.clipboard.readText());
  expect(feedUrl).toMatch(FEED_URL);
  await expect(section.getByTestId('private-feed-url')).toHaveValue(feedUrl);
  await expectNoAxeViolations(page, 'account page, private feed', 'section[aria-labelledby="podcast-feed-heading"]');

  const app = await podcastApp();
  const channel = await fetchChannel(app, feedUrl);
  expect(channel.title).toContain('Pat Payer');
  const item = channel.item.find((i) => i.title === premiumTitle);
  expect(item, `${premiumTitle} in the member's feed`).toBeDefined();
  const enclosure = item!.enclosure;
  expect(enclosure['@_type']).toBe('audio/mpeg');
  const head = await app.fetch(enclosure['@_url'], { method: 'HEAD' });
  expect(head.status()).toBe(200);
  expect(head.headers()['content-length']).toBe(enclosure['@_length']);
  const ranged = await app.get(enclosure['@_url'], { headers: { Range: 'bytes=0-1023' } });
  expect(ranged.status()).toBe(206);
  expect((await ranged.body()).length).toBe(1024);
  // Playable: Chromium's own audio element loads it from the feed's address, full length.
  await page.setContent(`<audio preload="auto" src="${enclosure['@_url']}"></audio>`);
  const audio = page.locator('audio');
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThanOrEqual(1);
  expect(Math.abs((await audio.evaluate((a: HTMLAudioElement) => a.duration)) - premiumSeconds)).toBeLessThan(1.5);

  // Cancelled, and the period passes: the same address still answers, with the renew episode instead.
  await cancelInPortal(page);
  await advance(await emulatorSubscriptionOf(email));
  const lapsed = await fetchChannel(app, feedUrl);
  expect(lapsed.item[0].title).toMatch(/membership has ended/i);
  expect(lapsed.item.some((i) => i.title === premiumTitle)).toBe(false);
  expect(lapsed.item.filter((i) => i.enclosure['@_url'].includes('/private/'))).toHaveLength(1);
  expect((await app.fetch(enclosure['@_url'], { method: 'HEAD' })).status()).toBe(403);
  const renewAudio = await app.fetch(lapsed.item[0].enclosure['@_url'], { method: 'HEAD' });
  expect(renewAudio.status()).toBe(200);
  expect(renewAudio.headers()['content-type']).toBe('audio/mpeg');
  await page.goto('/account');
  await expect(section.getByText(/Your membership has ended, so this feed now has the public episodes/)).toBeVisible();
  await expect(section.getByTestId('private-feed-url')).toHaveValue(feedUrl);
  await app.dispose();
});

test('a member hears a members-only episode on its page and finds their private feed there; visitors get the teaser', async ({ page }) => {
  await page.goto(`/podcast/${premium.slug}`);
  await expect(page.getByRole('heading', { name: 'This episode is for members' })).toBeVisible();
  await expect(page.getByTestId('private-feed-url')).toHaveCount(0);

  // A new member of our own: the demo member's sign-ins are counted by the per-account limit across the specs.
  await newSubscriber(page);
  await page.goto(`/podcast/${premium.slug}`);
  const part = page.getByTestId('members-part');
  const audio = part.locator('audio');
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('heading', { name: 'This episode is for members' })).toHaveCount(0);
  await expect(part.getByRole('heading', { name: 'Listen in your podcast app' })).toBeVisible();
  await expect(part.getByTestId('private-feed-url')).toHaveValue(FEED_URL);
  await expect(part.getByRole('link', { name: 'Apple Podcasts' })).toHaveAttribute('href', /^podcast:\/\/localhost:\d+\/podcast\/private\//);
  await expect(part.getByRole('link', { name: 'Overcast' })).toHaveAttribute('href', /^overcast:\/\/x-callback-url\/add\?url=http%3A%2F%2F/);
  await expectNoAxeViolations(page, 'members-only episode, member');
});

test('staff see a feed fetched from many clients flagged, and resetting it stops the old address and emails the member', async ({ page, browser }) => {
  const email = await newSubscriber(page);
  await page.goto('/account');
  const feedUrl = await page.getByTestId('private-feed-url').inputValue();
  const app = await podcastApp();
  for (let i = 0; i < 8; i++) {
    const response = await app.get(feedUrl, { headers: { 'X-Forwarded-For': `172.20.${i}.9`, 'User-Agent': `Player${i}/1.0` } });
    expect(response.status()).toBe(200);
  }

  const staff = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '10.7.0.1' } });
  const staffPage = await staff.newPage();
  await signInAs(staffPage, 'admin@steadyspine.example', 'demo-admin-pass');
  await staffPage.goto('/staff/members');
  const entry = staffPage.getByRole('region', { name: 'Private feeds that look shared' }).getByTestId('shared-feed').filter({ hasText: email });
  await expect(entry).toContainText('8 clients');
  await expectNoAxeViolations(staffPage, 'staff members page with a shared feed');
  // Flagged, not locked out.
  expect((await app.get(feedUrl)).status()).toBe(200);

  await entry.getByRole('button', { name: /Reset feed address/ }).click();
  await expect(entry.getByRole('status')).toContainText('New feed address made');
  expect((await app.get(feedUrl)).status()).toBe(404);
  await staff.close();

  // The member is told, and finds a new, working address where the email sends them.
  await page.goto(await linkFromLatestEmail(page, email, /Your private podcast feed has a new address/));
  const fresh = await page.getByTestId('private-feed-url').inputValue();
  expect(fresh).toMatch(FEED_URL);
  expect(fresh).not.toBe(feedUrl);
  expect((await app.get(fresh)).status()).toBe(200);
  await app.dispose();
});

test('a member resets their own feed address from the account page', async ({ page }) => {
  await newSubscriber(page);
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Your private podcast feed' });
  const before = await section.getByTestId('private-feed-url').inputValue();
  await section.getByText('Reset the address').click();
  await section.getByRole('button', { name: 'Reset my feed address' }).click();
  // The confirmation box is required: nothing happens without it.
  await expect(section.getByTestId('private-feed-url')).toHaveValue(before);
  await section.getByLabel(/I understand I will need to add the new address/).check();
  await section.getByRole('button', { name: 'Reset my feed address' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Your feed has a new address' })).toBeVisible();
  const after = await section.getByTestId('private-feed-url').inputValue();
  expect(after).toMatch(FEED_URL);
  expect(after).not.toBe(before);
  const app = await podcastApp();
  expect((await app.get(before)).status()).toBe(404);
  expect((await app.get(after)).status()).toBe(200);
  await app.dispose();
});
