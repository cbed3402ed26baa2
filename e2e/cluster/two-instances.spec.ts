// Two instances of the app (A and B) on one PostgreSQL database and one Redis, as a site
// that runs "as many instances as you like" does: what one instance changes, the other
// shows at once, each queued email goes out once, and no cached members' text reaches a
// reader who is not entitled on either. Both instances, the database, the mail sink and
// the Stripe emulator are this file's own (e2e/cluster/cluster.ts).
import crypto from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAs } from '../helpers';
import { isMembers, normalize, premiumOnlySentences, rawArticles, roughText, sentencesOf, splitAtMarker } from '../../tests/helpers/content-text';
import { clusterRedisProblem, startCluster, type Cluster, type Instance } from './cluster';

// One cluster for the file: its tests run one after another in one worker.
test.describe.configure({ mode: 'default' });

const MEMBER = { email: 'member@steadyspine.example', password: 'demo-member-pass', name: 'Morgan Member' };
const READER = { email: 'reader@steadyspine.example', password: 'demo-reader-pass', name: 'Riley Reader' };
const ADMIN = { email: 'admin@steadyspine.example', password: 'demo-admin-pass' };
type Person = { email: string; password: string };

/** How soon another instance must show a change (issue 15). */
const PROPAGATION_MS = 1_000;

let cluster: Cluster | undefined;

test.beforeAll(async () => {
  // Two production starts (migrations, seed, search index) on a busy machine.
  test.setTimeout(420_000);
  const problem = await clusterRedisProblem();
  if (problem) {
    // CI runs a Redis for this test: there a missing one is a failure, never a skip.
    if (process.env.CI) throw new Error(`${problem}. CI must run the two-instance tests: start Redis or set REDIS_URL.`);
    console.log(`Skipping the two-instance tests: ${problem}. Start Redis or set REDIS_URL to run them.`);
    test.skip(true, problem);
    return;
  }
  cluster = await startCluster();
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await cluster?.stop();
});

test.afterEach(async ({}, testInfo) => {
  if (cluster && testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach('instance logs', { body: `${cluster.a.log()}\n\n${cluster.b.log()}`, contentType: 'text/plain' });
  }
});

function running(): Cluster {
  if (!cluster) throw new Error('The cluster did not start');
  return cluster;
}

const unique = () => `${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Fetched {
  status: number;
  headers: Headers;
  body: string;
}

/** A plain GET from outside any browser: no cookies unless given, redirects not followed. */
async function get(instance: Instance, path: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const response = await fetch(`${instance.origin}${path}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/**
 * The RSC payload of `path`, as the client router fetches it. Next answers a request with
 * `RSC: 1` but without its cache-busting `_rsc` parameter with a redirect to the URL with
 * it: followed here, on the same instance, with the same headers.
 */
async function getRsc(instance: Instance, path: string, headers: Record<string, string> = {}): Promise<Fetched> {
  let response = await get(instance, path, { ...headers, RSC: '1' });
  for (let hop = 0; hop < 3 && response.status >= 300 && response.status < 400; hop++) {
    const next = new URL(response.headers.get('location') ?? '', instance.origin);
    expect(next.origin, 'an RSC redirect stays on the instance').toBe(instance.origin);
    response = await get(instance, `${next.pathname}${next.search}`, { ...headers, RSC: '1' });
  }
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/x-component');
  return response;
}

/** Cache-related response headers, for the log. */
function cacheHeaders(response: Fetched): string {
  const names = ['x-nextjs-cache', 'x-nextjs-prerender', 'x-nextjs-stale-time', 'cache-control', 'age'];
  return names.flatMap((n) => (response.headers.get(n) === null ? [] : [`${n}: ${response.headers.get(n)}`])).join('; ');
}

/** Fetches `path` anonymously twice, so the instance has rendered and cached it before a change. */
async function warm(instance: Instance, path: string): Promise<Fetched> {
  const first = await get(instance, path);
  expect(first.status, `${instance.name} ${path}`).toBe(200);
  const second = await get(instance, path);
  expect(second.status, `${instance.name} ${path}`).toBe(200);
  console.log(`${instance.name} ${path} warmed: first {${cacheHeaders(first)}}, second {${cacheHeaders(second)}}`);
  return second;
}

/**
 * Milliseconds from `since` until `probe` (a request) answered true, probing every 50 ms;
 * no probe starts after `withinMs`, so a result above it is a probe that started in time
 * and answered late. Null if none answered true.
 */
async function msUntil(since: number, withinMs: number, probe: () => Promise<boolean>): Promise<number | null> {
  const deadline = since + withinMs;
  for (let round = 0; round < 1_000 && Date.now() <= deadline; round++) {
    if (await probe()) return Date.now() - since;
    await sleep(50);
  }
  return null;
}

const describeMs = (ms: number | null) => (ms === null ? `not within ${PROPAGATION_MS} ms` : `${ms} ms`);
const inTime = (ms: number | null) => ms !== null && ms <= PROPAGATION_MS;

async function signedInPage(browser: Browser, instance: Instance, person: Person): Promise<Page> {
  const context = await browser.newContext({ baseURL: instance.origin });
  const page = await context.newPage();
  await signInAs(page, person.email, person.password);
  return page;
}

/** The browser context's cookies for `instance`, as a Cookie header for a plain request. */
async function cookieHeader(page: Page, instance: Instance): Promise<string> {
  const cookies = await page.context().cookies(instance.origin);
  expect(cookies.length, 'session cookies').toBeGreaterThan(0);
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Posts a top-level comment in the page's thread and waits until the app says it is posted. */
async function comment(page: Page, path: string, text: string): Promise<void> {
  await page.goto(path);
  const box = page.getByLabel('Ask a question or add a comment');
  await box.fill(text);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your comment is posted.' })).toBeVisible();
  await expect(box).toHaveValue('');
}

test('a comment posted through A is in B’s anonymous article HTML within 1 s', async ({ browser }) => {
  const { a, b } = running();
  const path = '/articles/desk-setup-for-a-happy-back';
  const text = `A question asked on instance A ${unique()}`;
  // B has rendered and cached the thread without the comment.
  expect((await warm(b, path)).body).not.toContain(text);

  const reader = await signedInPage(browser, a, READER);
  await comment(reader, path, text);
  const posted = Date.now();
  const ms = await msUntil(posted, PROPAGATION_MS, async () => (await get(b, path)).body.includes(text));
  console.log(`Comment propagation A -> B: ${describeMs(ms)}`);
  if (!inTime(ms)) {
    const stale = await get(b, path);
    console.log(`B still served {${cacheHeaders(stale)}} without the comment; its thread: ${threadSnippet(stale.body)}`);
  }
  expect(inTime(ms), `B's anonymous HTML shows the comment within ${PROPAGATION_MS} ms (took ${describeMs(ms)})`).toBe(true);
  // And A's own anonymous HTML has it too.
  expect((await get(a, path)).body).toContain(text);
});

test('a new display name shows on every thread the member wrote in, on A and on B, within 1 s', async ({ browser }) => {
  const { a, b } = running();
  const paths = ['/articles/sciatica-myths', '/podcast/flare-up-first-aid'];
  const token = unique();
  const member = await signedInPage(browser, a, MEMBER);
  for (const path of paths) await comment(member, path, `Written before the new name ${token}`);
  // Every page, on both instances, is cached showing the old name beside the new comments.
  const pages = [a, b].flatMap((instance) => paths.map((path) => ({ instance, path })));
  for (const { instance, path } of pages) {
    await warm(instance, path);
    const ms = await msUntil(Date.now(), 5_000, async () => (await get(instance, path)).body.includes(token));
    expect(ms, `${instance.name} ${path} shows the new comments`).not.toBeNull();
    expect((await get(instance, path)).body).toContain(MEMBER.name);
  }

  const newName = `Morgan Renamed ${token}`;
  await member.goto('/account');
  await member.getByLabel('Your name').fill(newName);
  await member.getByRole('button', { name: 'Save name' }).click();
  await expect(member.getByRole('status').filter({ hasText: 'Your name is saved.' })).toBeVisible();
  const saved = Date.now();
  const times = await Promise.all(
    pages.map(async ({ instance, path }) => {
      const ms = await msUntil(saved, PROPAGATION_MS, async () => {
        const { body } = await get(instance, path);
        return body.includes(newName) && !body.includes(MEMBER.name);
      });
      return { page: `${instance.name} ${path}`, ms };
    }),
  );
  console.log(`Display name propagation: ${times.map((t) => `${t.page}: ${describeMs(t.ms)}`).join(', ')}`);
  for (const { instance, path } of pages) {
    const { body } = await get(instance, path);
    if (!body.includes(newName) || body.includes(MEMBER.name)) console.log(`${instance.name} ${path} {${cacheHeaders(await get(instance, path))}}: ${threadSnippet(body)}`);
  }
  expect(times.filter((t) => !inTime(t.ms)).map((t) => `${t.page} (${describeMs(t.ms)})`), `pages without the new name (or still with the old one) after ${PROPAGATION_MS} ms`).toEqual([]);
});

test('no members’ text reaches a non-entitled reader on either instance, whichever renders first', async ({ browser }) => {
  // Some thirty page loads and requests on two instances: over 90 s on a saturated machine.
  test.setTimeout(240_000);
  const { a, b } = running();
  const [first, second] = rawArticles().filter(isMembers);
  expect(second, 'two members-only articles').toBeDefined();
  const hiddenIn = (slug: string) => premiumOnlySentences().filter((s) => s.source === `article:${slug}`);
  const previewOf = (body: string) => sentencesOf(roughText(splitAtMarker(body).preview)).map(normalize).find((s) => s.split(' ').length >= 6)!;
  const leaked = (slug: string, text: string) => hiddenIn(slug).filter((s) => normalize(text).includes(s.normalized)).map((s) => s.sentence);

  /** The entitled member reads the members' part on `instance`. */
  async function entitledReads(page: Page, instance: Instance, slug: string) {
    await page.goto(`${instance.origin}/articles/${slug}`);
    const part = page.getByTestId('members-part');
    await expect(part).toBeVisible();
    const shown = normalize((await part.textContent()) ?? '');
    const seen = hiddenIn(slug).filter((s) => shown.includes(s.normalized));
    expect(seen.length, `${instance.name}: premium sentences of ${slug} shown to the entitled member`).toBeGreaterThan(0);
  }
  /** Anonymous HTML and RSC payload on `instance`: the preview, nothing of the rest. */
  async function anonymousSeesPreviewOnly(instance: Instance, article: { slug: string; body: string }) {
    const html = await get(instance, `/articles/${article.slug}`);
    expect(html.status).toBe(200);
    expect(normalize(html.body), `${instance.name}: the preview is served`).toContain(previewOf(article.body));
    expect(leaked(article.slug, html.body), `${instance.name}: premium sentences in the anonymous HTML`).toEqual([]);
    const rsc = await getRsc(instance, `/articles/${article.slug}`);
    expect(leaked(article.slug, rsc.body), `${instance.name}: premium sentences in the anonymous RSC payload`).toEqual([]);
  }
  /** The signed-in reader without a membership, on `instance`: the page, every response it loaded, and its RSC payload. */
  async function readerSeesPreviewOnly(page: Page, instance: Instance, slug: string) {
    const bodies: Promise<string>[] = [];
    const collect = (response: import('@playwright/test').Response) => {
      if (response.url().startsWith(instance.origin)) bodies.push(response.text().catch(() => ''));
    };
    page.on('response', collect);
    await page.goto(`${instance.origin}/articles/${slug}`);
    await expect(page.getByRole('heading', { name: 'Keep reading with a membership' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    page.off('response', collect);
    expect(leaked(slug, await page.content()), `${instance.name}: premium sentences in the reader's page`).toEqual([]);
    expect(leaked(slug, (await Promise.all(bodies)).join('\n')), `${instance.name}: premium sentences in the reader's responses`).toEqual([]);
    const rsc = await getRsc(instance, `/articles/${slug}`, { cookie: await cookieHeader(page, instance) });
    expect(leaked(slug, rsc.body), `${instance.name}: premium sentences in the reader's RSC payload`).toEqual([]);
  }

  const member = await signedInPage(browser, a, MEMBER);
  const reader = await signedInPage(browser, b, READER);

  // Entitled first, on A; then B (twice: rendered, then from the cache) and the reader there.
  await entitledReads(member, a, first.slug);
  await anonymousSeesPreviewOnly(b, first);
  await anonymousSeesPreviewOnly(b, first);
  await readerSeesPreviewOnly(reader, b, first.slug);
  await anonymousSeesPreviewOnly(a, first);

  // The other way round: anonymous and the reader first on B, then the entitled member on A.
  await anonymousSeesPreviewOnly(b, second);
  await anonymousSeesPreviewOnly(b, second);
  await readerSeesPreviewOnly(reader, b, second.slug);
  await entitledReads(member, a, second.slug);
  await entitledReads(member, b, second.slug);
  await anonymousSeesPreviewOnly(a, second);
  await anonymousSeesPreviewOnly(b, second);
  await readerSeesPreviewOnly(reader, a, second.slug);
});

test('a role change and a sign-out on A take effect on B at its next request', async ({ browser }) => {
  const { a, b } = running();
  const reader = await signedInPage(browser, a, READER);
  const cookie = await cookieHeader(reader, a);
  // The same session works on B, and there it is a member's: staff pages are not found.
  expect((await get(b, '/account', { cookie })).status, 'B accepts the session from A').toBe(200);
  expect((await get(b, '/staff', { cookie })).status, 'a member on B cannot open /staff').toBe(404);

  const admin = await signedInPage(browser, a, ADMIN);
  await admin.goto(`/staff/members?q=${encodeURIComponent(READER.email)}`);
  await admin.getByLabel(`Role for ${READER.name}`).selectOption('COACH');
  await admin.getByRole('button', { name: `Save role for ${READER.name}` }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Role changed to coach.' })).toBeVisible();
  // B's very next request for this session sees the new role: no polling.
  const staff = await get(b, '/staff', { cookie });
  expect(staff.status, 'the coach opens /staff on B at the next request').toBe(200);

  // The session ends on A; B's next request with the same cookies is anonymous.
  await reader.goto('/account');
  await reader.getByRole('button', { name: 'Sign out' }).click();
  await expect(reader).not.toHaveURL(/\/account/);
  const after = await get(b, '/account', { cookie });
  expect(after.status, 'B no longer accepts the signed-out session').toBeGreaterThanOrEqual(300);
  expect(after.status).toBeLessThan(400);
  expect(new URL(after.headers.get('location') ?? '', b.origin).pathname).toBe('/sign-in');

  // Put the role back for whatever runs next.
  await admin.goto(`/staff/members?q=${encodeURIComponent(READER.email)}`);
  await admin.getByLabel(`Role for ${READER.name}`).selectOption('MEMBER');
  await admin.getByRole('button', { name: `Save role for ${READER.name}` }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Role changed to member.' })).toBeVisible();
});

test('each queued email is sent exactly once while both instances deliver', async ({ browser }) => {
  // Two delivery rounds of 30 s may pass here.
  test.setTimeout(180_000);
  const { a, b, db, mail } = running();
  const token = unique();
  const count = 30;
  const subjects = Array.from({ length: count }, (_, i) => `Cluster mail ${token} number ${i}`);
  // Both instances run the delivery job from their start, but a job runs once per 30 s
  // round across instances (lib/jobs/scheduler.ts claims the round), so the start-up runs
  // never overlap. What does race is the delivery each instance starts when the app
  // queues a message (queueEmail's kick, lib/email/send-email.ts): every pending row is
  // due, then A and B each queue a message at the same moment, and both deliverers go
  // through the same rows, three batches of ten, alongside any scheduled round.
  const dueAt = new Date(Date.now() + 3_000);
  await db.query(
    `INSERT INTO "OutboxEmail" (id, "to", subject, text, html, template, status, attempts, "nextAttemptAt", "createdAt")
     SELECT 'cluster-' || $1 || '-' || i, 'cluster-' || i || '@example.com', $2 || ' number ' || i, 'Sent once.', '<p>Sent once.</p>', 'cluster-test',
            'PENDING', 0, $3::timestamp(3), now() AT TIME ZONE 'UTC'
     FROM generate_series(0, $4::int - 1) AS i`,
    [token, `Cluster mail ${token}`, dueAt.toISOString(), count],
  );
  const forms = await Promise.all(
    [
      { instance: a, email: MEMBER.email },
      { instance: b, email: READER.email },
    ].map(async ({ instance, email }) => {
      const page = await (await browser.newContext({ baseURL: instance.origin })).newPage();
      await page.goto('/reset-password');
      await page.getByLabel('Email', { exact: true }).fill(email);
      return page;
    }),
  );
  await sleep(Math.max(0, dueAt.getTime() - Date.now()));
  const requested = Date.now();
  await Promise.all(forms.map((page) => page.getByRole('button', { name: 'Email me a reset link' }).click()));
  await Promise.all(forms.map((page) => expect(page).toHaveURL(/\/reset-password\/sent/)));

  const ours = () => mail.received().filter((m) => subjects.includes(m.subject) || (Date.parse(m.receivedAt) >= requested - 1_000 && /reset/i.test(m.subject)));
  const arrived = await msUntil(requested, 30_000, async () => ours().length >= count + 2);
  console.log(`Queued emails delivered: ${ours().length} of ${count + 2} after ${arrived ?? 'more than 30000'} ms`);
  expect(arrived, 'every queued email arrives').not.toBeNull();

  const timesSent = () => {
    const received = mail.received();
    return {
      inserted: subjects.map((s) => received.filter((m) => m.subject === s).length),
      resets: [MEMBER.email, READER.email].map((to) => received.filter((m) => m.to.includes(to) && /reset/i.test(m.subject) && Date.parse(m.receivedAt) >= requested - 1_000).length),
    };
  };
  expect(timesSent()).toEqual({ inserted: subjects.map(() => 1), resets: [1, 1] });
  // The sink has a message before its sender hears the SMTP server's answer and marks the
  // row SENT: each row is marked within a few seconds, once.
  const rowStates = async () =>
    (await db.query<{ state: string }>(`SELECT status || '/' || attempts AS state FROM "OutboxEmail" WHERE id LIKE $1 ORDER BY id`, [`cluster-${token}-%`])).map((r) => r.state);
  await msUntil(Date.now(), 10_000, async () => !(await rowStates()).some((state) => state.startsWith('PENDING')));
  expect(await rowStates()).toEqual(subjects.map(() => 'SENT/1'));

  // One more scheduled round (whichever instance claims it) sends nothing again.
  const round = async () => (await db.query<{ value: string }>(`SELECT value FROM "SystemState" WHERE key = 'job:email-delivery'`))[0]?.value ?? '';
  const before = await round();
  const nextRound = await msUntil(Date.now(), 40_000, async () => (await round()) !== before);
  expect(nextRound, 'another delivery round ran within 40 s').not.toBeNull();
  await sleep(2_000);
  expect(timesSent()).toEqual({ inserted: subjects.map(() => 1), resets: [1, 1] });
});

/** The comments part of a page's HTML, shortened, for a failure's evidence. */
function threadSnippet(html: string): string {
  const start = html.indexOf('id="comments"');
  return start < 0 ? '(no #comments in the page)' : html.slice(start, start + 1_500).replace(/\s+/g, ' ');
}
