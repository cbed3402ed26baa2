// The mixed workload a fleet is proven under (scripts/lib/fleet-chaos.ts): anonymous
// readers of articles and the podcast feed, signed-in members opening a session page and
// marking it complete and asking questions, coaches answering them, and Stripe delivering
// webhooks with duplicates and retrying what failed, as Stripe does. Everything goes
// through nginx, as a browser's or Stripe's requests would. Every write the site
// acknowledged (a 2xx with a success result) is written into the ledger, so the run can
// look for each one in the database afterwards. Loopback only; bounded by `stop()` and
// per-request timeouts.
import crypto from 'node:crypto';
import pg from 'pg';
import type Stripe from 'stripe';
import { callFormAction, findActionId, resultStatus } from './action-client';
import { createFleetPeople, signInThrough, type FleetPerson } from './fleet-members';

export type RequestKind = 'article' | 'feed' | 'session page' | 'completion' | 'question' | 'answer' | 'webhook';

export interface Outcome {
  kind: RequestKind;
  /** HTTP status; 0: no answer (connection error or timeout). */
  status: number;
  started: number;
  ended: number;
}

export interface Ledger {
  outcomes: Outcome[];
  /** requestKey of each completion the site acknowledged. */
  completions: string[];
  /** Body of each question and answer the site acknowledged. */
  comments: string[];
  /** Stripe event ids the site answered 2xx. */
  events: Set<string>;
  /** Writes answered 200 with a refusal (rate limit, validation): not acknowledged, counted. */
  refused: number;
}

export interface WorkloadSettings {
  /** nginx's origin. */
  url: string;
  databaseUrl: string;
  /** Unique per run: names the people and the comments. */
  label: string;
  readers: number;
  members: number;
  coaches: number;
  stripe: { client: Stripe; webhookSecret: string; subscriptions: number };
  requestTimeoutMs?: number;
}

export const ARTICLES = ['/articles/best-sleep-positions-for-back-pain', '/articles/what-to-do-in-a-back-pain-flare-up'];
const FEED = '/podcast/feed.xml';
const PHASE = { slug: 'phase-two', path: '/programme/phase-two' };
const SESSION = { slug: 'single-leg-balance', path: '/programme/phase-two/single-leg-balance' };
/** Each person's posts stay under the comment limit (10 in 10 minutes) for a whole run. */
const QUESTIONS_PER_MEMBER = 4;
const ANSWERS_PER_COACH = 9;
const DUPLICATE_SHARE = 0.3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

export interface Workload {
  ledger: Ledger;
  /** Runs until `stop()`; then gives Stripe up to `drainMs` to deliver what is left. */
  run(drainMs: number): Promise<void>;
  stop(): void;
  /** Stripe subscription ids whose webhooks this workload delivers. */
  subscriptionIds: string[];
  /** A signed-in member's session cookie, and a page of theirs that needs the database. */
  member: { cookie: string; pagePath: string };
}

/** Makes the people, signs them in, and readies the Stripe events; `run()` then sends the load. */
export async function prepareWorkload(settings: WorkloadSettings): Promise<Workload> {
  const timeout = settings.requestTimeoutMs ?? 30_000;
  const ledger: Ledger = { outcomes: [], completions: [], comments: [], events: new Set(), refused: 0 };
  const people = await createFleetPeople(settings.databaseUrl, settings.label, { members: settings.members, coaches: settings.coaches });
  const cookies = new Map<string, string>();
  for (const person of people) cookies.set(person.id, await signInThrough(settings.url, person));
  const members = people.filter((p) => p.role === 'MEMBER');
  const coaches = people.filter((p) => p.role === 'COACH');
  const firstCookie = cookies.get(members[0].id)!;
  const completeId = await findActionId(settings.url, SESSION.path, firstCookie, 'completeSessionAction');
  const commentId = await findActionId(settings.url, PHASE.path, firstCookie, 'postCommentAction');
  const { subscriptionIds, deliveries } = await stripeLives(settings, members.slice(0, settings.stripe.subscriptions));

  let stopped = false;
  const timed = async (kind: RequestKind, send: () => Promise<{ status: number; body: string }>) => {
    const started = now();
    const answer = await send().catch(() => ({ status: 0, body: '' }));
    ledger.outcomes.push({ kind, status: answer.status, started, ended: now() });
    return answer;
  };
  const get = (kind: RequestKind, path: string, headers: Record<string, string>) =>
    timed(kind, async () => {
      const response = await fetch(`${settings.url}${path}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeout) });
      return { status: response.status, body: await response.text() };
    });
  const act = (kind: RequestKind, person: FleetPerson, pagePath: string, actionId: string, fields: Record<string, string>) =>
    timed(kind, () => callFormAction({ origin: settings.url, pagePath, actionId, cookie: cookies.get(person.id)!, fields, headers: { 'X-Forwarded-For': person.clientAddress }, timeoutMs: timeout }));
  /** A write's answer: acknowledged (2xx and a success result), refused (2xx and an error result), or failed. */
  const acknowledged = (answer: { status: number; body: string }) => {
    const result = answer.status >= 200 && answer.status < 300 ? resultStatus(answer.body) : null;
    if (result === 'error') ledger.refused++;
    return result === 'success';
  };

  const questions: string[] = [];
  const reader = async (index: number) => {
    const from = { 'X-Forwarded-For': `198.51.100.${(index % 250) + 1}` };
    for (let i = 0; !stopped; i++) {
      await get(i % 3 === 2 ? 'feed' : 'article', i % 3 === 2 ? FEED : ARTICLES[i % ARTICLES.length], from);
      await sleep(20);
    }
  };
  const member = async (person: FleetPerson, index: number) => {
    let asked = 0;
    for (let i = 0; !stopped; i++) {
      await get('session page', SESSION.path, { Cookie: cookies.get(person.id)!, 'X-Forwarded-For': person.clientAddress });
      const requestKey = crypto.randomBytes(12).toString('base64url');
      const done = await act('completion', person, SESSION.path, completeId, { phaseSlug: PHASE.slug, sessionSlug: SESSION.slug, requestKey, note: '', effort: '4', pain: '2' });
      if (acknowledged(done)) ledger.completions.push(requestKey);
      if (i % 3 === index % 3 && asked < QUESTIONS_PER_MEMBER) {
        asked++;
        const body = `Fleet question ${settings.label} ${person.id} ${asked}: is it normal that my back aches after the balance work?`;
        const posted = await act('question', person, PHASE.path, commentId, { targetKind: 'phase', targetSlug: PHASE.slug, body });
        if (acknowledged(posted)) {
          ledger.comments.push(body);
          const id = /"commentId":"([^"]+)"/.exec(posted.body)?.[1];
          if (id) questions.push(id);
        }
      }
      await sleep(100);
    }
  };
  const coach = async (person: FleetPerson) => {
    let answered = 0;
    while (!stopped && answered < ANSWERS_PER_COACH) {
      const parentId = questions.shift();
      if (!parentId) {
        await sleep(200);
        continue;
      }
      answered++;
      const body = `Fleet answer ${settings.label} ${person.id} ${answered}: a mild ache is expected; stop if it sharpens.`;
      if (acknowledged(await act('answer', person, PHASE.path, commentId, { targetKind: 'phase', targetSlug: PHASE.slug, body, parentId }))) ledger.comments.push(body);
    }
  };
  /** Stripe: every delivery until acknowledged, failures retried after a pause (as Stripe's retries). */
  const stripeSender = async (drainUntil: () => number) => {
    const queue = [...deliveries];
    while (queue.length > 0 && now() < drainUntil()) {
      const payload = queue.shift()!;
      const signature = settings.stripe.client.webhooks.generateTestHeaderString({ payload, secret: settings.stripe.webhookSecret });
      const answer = await timed('webhook', async () => {
        const response = await fetch(`${settings.url}/api/stripe/webhook`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body: payload, signal: AbortSignal.timeout(timeout) });
        return { status: response.status, body: await response.text() };
      });
      if (answer.status >= 200 && answer.status < 300) ledger.events.add((JSON.parse(payload) as { id: string }).id);
      else {
        queue.push(payload);
        await sleep(300);
      }
      if (!stopped) await sleep(50);
    }
  };

  let drainDeadline = Infinity;
  return {
    ledger,
    subscriptionIds,
    member: { cookie: firstCookie, pagePath: SESSION.path },
    stop: () => void (stopped = true),
    async run(drainMs: number) {
      const senders = [0, 1].map(() => stripeSender(() => drainDeadline));
      await Promise.all([
        ...Array.from({ length: settings.readers }, (_, i) => reader(i)),
        ...members.map((person, i) => member(person, i)),
        ...coaches.map((person) => coach(person)),
        (async () => {
          while (!stopped) await sleep(100);
          drainDeadline = now() + drainMs;
        })(),
      ]);
      await Promise.all(senders);
    },
  };
}

/**
 * A Stripe life for each of `people` (customer, subscription, a plan switch, a scheduled
 * cancellation taken back for some): the events Stripe would send, shuffled, with 30% repeats.
 */
async function stripeLives(settings: WorkloadSettings, people: FleetPerson[]): Promise<{ subscriptionIds: string[]; deliveries: string[] }> {
  const stripe = settings.stripe.client;
  const prices = (await stripe.prices.list({ active: true, lookup_keys: ['membership_monthly', 'membership_annual'] })).data;
  const [monthly, annual] = ['membership_monthly', 'membership_annual'].map((key) => prices.find((p) => p.lookup_key === key)!);
  const client = new pg.Client({ connectionString: settings.databaseUrl });
  await client.connect();
  const subscriptionIds: string[] = [];
  const customers = new Set<string>();
  try {
    for (const [i, person] of people.entries()) {
      const customer = await stripe.customers.create({ email: person.email, metadata: { userId: person.id } });
      customers.add(customer.id);
      await client.query('UPDATE "User" SET "stripeCustomerId" = $1 WHERE id = $2', [customer.id, person.id]);
      const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }], metadata: { userId: person.id } });
      subscriptionIds.push(sub.id);
      await stripe.subscriptions.update(sub.id, { items: [{ id: sub.items.data[0].id, price: annual.id }] });
      await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
      if (i % 3 !== 0) await stripe.subscriptions.update(sub.id, { cancel_at_period_end: false });
    }
  } finally {
    await client.end();
  }
  const events: string[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) {
    const object = event.data.object as { customer?: string | { id: string } };
    const customer = typeof object.customer === 'string' ? object.customer : object.customer?.id;
    if (customer && customers.has(customer)) events.push(JSON.stringify(event));
  }
  const repeats = Math.round((events.length * DUPLICATE_SHARE) / (1 - DUPLICATE_SHARE));
  const all = [...events, ...Array.from({ length: repeats }, (_, i) => events[(i * 7) % events.length])];
  for (let i = all.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return { subscriptionIds, deliveries: all };
}
