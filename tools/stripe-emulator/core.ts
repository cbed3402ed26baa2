// What the API, the hosted pages and the control routes share: the store, the webhook
// dispatcher and `commit`, which turns one action's drafts into stored events and one delivery batch.
import type Stripe from 'stripe';
import type { Draft } from './billing';
import { API_VERSION, newId, unixNow } from './objects';
import type { Store, StoredEvent } from './store';
import type { WebhookDispatcher } from './webhooks';

/** Who caused an event: the API request (id and idempotency key), or nobody for hosted pages and renewals. */
export interface RequestInfo {
  id: string | null;
  idempotencyKey: string | null;
}

export const NO_REQUEST: RequestInfo = { id: null, idempotencyKey: null };

export class EmulatorCore {
  constructor(
    readonly store: Store,
    readonly webhooks: WebhookDispatcher,
    public publicUrl: string,
  ) {}

  /** Records events for one action, saves the state, and queues the events as one webhook batch. */
  commit(drafts: Draft[], request: RequestInfo): StoredEvent[] {
    const created = unixNow();
    const events = drafts.map<StoredEvent>((draft) => ({
      id: newId('evt'),
      object: 'event',
      api_version: API_VERSION,
      created,
      data: { object: draft.object, ...(draft.previous ? { previous_attributes: draft.previous } : {}) },
      livemode: false,
      pending_webhooks: this.webhooks.target ? 1 : 0,
      request: { id: request.id, idempotency_key: request.idempotencyKey },
      type: draft.type,
    }));
    for (const event of events) this.store.addEvent(event);
    this.store.save();
    this.webhooks.enqueue(events);
    return events;
  }

  /** Lowers pending_webhooks once an event was delivered, as Stripe shows it on GET /v1/events. */
  markDelivered(eventId: string): void {
    const event = this.store.state.events.find((e) => e.id === eventId);
    if (event) event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
  }

  /** Checkout sessions expire 24 hours after creation; noticed lazily, when the session is next read. */
  expireIfDue(session: Stripe.Checkout.Session): void {
    if (session.status !== 'open' || session.expires_at > unixNow()) return;
    this.expire(session, NO_REQUEST);
  }

  expire(session: Stripe.Checkout.Session, request: RequestInfo): void {
    session.status = 'expired';
    session.url = null;
    this.commit([{ type: 'checkout.session.expired', object: structuredClone(session) }], request);
  }
}
