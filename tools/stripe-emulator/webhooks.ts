// Webhook delivery the way Stripe does it: signed POSTs sent after the API call returns,
// retried with backoff on a non-2xx answer or a network error. The behaviour switches reproduce
// what a real endpoint must cope with: duplicates, out-of-order delivery, late and failed attempts.
import crypto from 'node:crypto';
import type { StoredEvent } from './store';

export interface WebhookBehaviour {
  /** 0..1: probability each event is delivered a second time (1 = always twice). */
  duplicates: number;
  /** Deliver each batch of events (those caused by one action) in random order. */
  shuffle: boolean;
  /** Wait before delivering each batch. */
  delayMs: number;
  /** The first attempt of every event is sent but treated as failed (as if it timed out), then retried. */
  failFirst: boolean;
}

export type WebhookTarget = string | ((request: Request) => Promise<Response>);

export const DEFAULT_BEHAVIOUR: WebhookBehaviour = { duplicates: 0, shuffle: false, delayMs: 0, failFirst: false };

/** Stripe retries for days; the emulator compresses that to 5 attempts within about 3 seconds. */
export const RETRY_DELAYS_MS = [200, 400, 800, 1600];
const ATTEMPT_TIMEOUT_MS = 10_000;
const MAX_LOG = 500;
/** URL given to an in-process handler's Request (it is never fetched). */
const IN_PROCESS_URL = 'http://127.0.0.1/stripe-emulator-webhook';

export interface DeliveryRecord {
  event: string;
  type: string;
  attempt: number;
  duplicate: boolean;
  ok: boolean;
  status: number | null;
  error?: string;
  at: string;
}

/** The Stripe-Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`. */
export function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = crypto.createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

export function parseBehaviour(input: unknown, current: WebhookBehaviour): WebhookBehaviour {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new TypeError('webhook behaviour must be an object');
  const next = { ...current };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'duplicates') {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new TypeError('duplicates must be a number from 0 to 1');
      next.duplicates = value;
    } else if (key === 'delayMs') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new TypeError('delayMs must be a number >= 0');
      next.delayMs = value;
    } else if (key === 'shuffle' || key === 'failFirst') {
      if (typeof value !== 'boolean') throw new TypeError(`${key} must be true or false`);
      next[key] = value;
    } else {
      throw new TypeError(`unknown webhook behaviour: ${key}`);
    }
  }
  return next;
}

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

interface Job {
  event: StoredEvent;
  payload: string;
  target: WebhookTarget;
  duplicate: boolean;
  forceFailFirst: boolean;
}

export class WebhookDispatcher {
  behaviour: WebhookBehaviour;
  target: WebhookTarget | undefined;
  readonly log: DeliveryRecord[] = [];
  /** Batches go out one after another, so without `shuffle` events arrive in the order they happened. */
  private chain: Promise<void> = Promise.resolve();
  private readonly pending = new Set<Promise<void>>();
  private readonly sleepers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private readonly aborters = new Set<AbortController>();
  private closed = false;
  private readonly onDelivered?: (eventId: string) => void;
  private readonly logger?: (message: string) => void;

  constructor(
    private readonly secret: string,
    options: {
      target?: WebhookTarget;
      behaviour?: Partial<WebhookBehaviour>;
      /** Called once an event's original delivery succeeded (Stripe then lowers pending_webhooks). */
      onDelivered?: (eventId: string) => void;
      logger?: (message: string) => void;
    } = {},
  ) {
    this.target = options.target;
    this.behaviour = parseBehaviour(options.behaviour ?? {}, DEFAULT_BEHAVIOUR);
    this.onDelivered = options.onDelivered;
    this.logger = options.logger;
  }

  /** Queues one batch (the events one action caused). Target and behaviour are taken as they are now. */
  enqueue(events: StoredEvent[]): void {
    const target = this.target;
    if (!target || events.length === 0 || this.closed) return;
    const behaviour = { ...this.behaviour };
    const run = this.chain.then(() => this.deliverBatch(events, target, behaviour));
    this.chain = run.catch(() => undefined);
    this.track(run);
  }

  /** Resolves once every queued delivery and scheduled retry has finished. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  close(): void {
    this.closed = true;
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.resolve();
    }
    this.sleepers.clear();
    for (const aborter of this.aborters) aborter.abort();
  }

  private track(promise: Promise<void>): void {
    const tracked = promise.catch((error: unknown) => this.logger?.(`webhook delivery crashed: ${String(error)}`));
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const sleeper = {
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper);
          resolve();
        }, ms),
        resolve,
      };
      this.sleepers.add(sleeper);
    });
  }

  private async deliverBatch(events: StoredEvent[], target: WebhookTarget, behaviour: WebhookBehaviour): Promise<void> {
    await this.sleep(behaviour.delayMs);
    const ordered = behaviour.shuffle ? shuffled(events) : events;
    const jobs: Job[] = ordered.map((event) => ({
      event,
      // Stripe sends pretty-printed JSON; the payload is fixed per event, the signature per attempt.
      payload: JSON.stringify(event, null, 2),
      target,
      duplicate: false,
      forceFailFirst: behaviour.failFirst,
    }));
    // Duplicates follow the batch, as a late second delivery of the same event would.
    const duplicates = jobs.filter(() => behaviour.duplicates > 0 && Math.random() < behaviour.duplicates);
    const all = [...jobs, ...duplicates.map((job) => ({ ...job, duplicate: true, forceFailFirst: false }))];
    for (const job of all) await this.attempt(job, 1);
  }

  /** One attempt; on failure schedules the next one (tracked, so flush() waits for it). */
  private async attempt(job: Job, attempt: number): Promise<void> {
    if (this.closed) return;
    const result = await this.send(job);
    const forcedFailure = job.forceFailFirst && attempt === 1;
    const ok = result.ok && !forcedFailure;
    this.record({
      event: job.event.id,
      type: job.event.type,
      attempt,
      duplicate: job.duplicate,
      ok,
      status: result.status,
      ...(forcedFailure ? { error: 'failFirst: attempt treated as failed' } : result.error ? { error: result.error } : {}),
      at: new Date().toISOString(),
    });
    if (ok) {
      if (!job.duplicate) this.onDelivered?.(job.event.id);
      return;
    }
    if (!forcedFailure) this.logger?.(`webhook ${job.event.type} ${job.event.id} attempt ${attempt} failed: ${result.error ?? `HTTP ${result.status}`}`);
    const delay = RETRY_DELAYS_MS[attempt - 1];
    if (delay === undefined) {
      this.logger?.(`webhook ${job.event.type} ${job.event.id}: giving up after ${attempt} attempts`);
      return;
    }
    this.track(this.sleep(delay).then(() => this.attempt(job, attempt + 1)));
  }

  private async send(job: Job): Promise<{ ok: boolean; status: number | null; error?: string }> {
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Stripe-Signature': signPayload(job.payload, this.secret),
      'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      Accept: '*/*; q=0.5, application/xml',
      'Cache-Control': 'no-cache',
    };
    try {
      let response: Response;
      if (typeof job.target === 'function') {
        response = await job.target(new Request(IN_PROCESS_URL, { method: 'POST', headers, body: job.payload }));
      } else {
        const aborter = new AbortController();
        this.aborters.add(aborter);
        const timer = setTimeout(() => aborter.abort(), ATTEMPT_TIMEOUT_MS);
        try {
          response = await fetch(job.target, { method: 'POST', headers, body: job.payload, signal: aborter.signal, redirect: 'manual' });
          await response.arrayBuffer().catch(() => undefined);
        } finally {
          clearTimeout(timer);
          this.aborters.delete(aborter);
        }
      }
      return { ok: response.status >= 200 && response.status < 300, status: response.status };
    } catch (error) {
      return { ok: false, status: null, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private record(entry: DeliveryRecord): void {
    this.log.push(entry);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
  }
}
