// /_emulator/* control routes: what Stripe does with time (renewals, dunning) and with webhook
// delivery, made triggerable by tests and e2e specs. Not part of Stripe's API; no key needed.
import type Stripe from 'stripe';
import { advanceSubscription } from './billing';
import { NO_REQUEST, type EmulatorCore } from './core';
import { ApiError } from './errors';
import { newId } from './objects';
import { parseBehaviour } from './webhooks';

export interface ControlResponse {
  status: number;
  body: unknown;
}

/** Moves a subscription to its next period and records the events that causes. */
export function advance(core: EmulatorCore, id: string): Stripe.Subscription {
  core.commit(advanceSubscription(core.store, id), NO_REQUEST);
  return core.store.subscription(id);
}

export async function handleControl(core: EmulatorCore, method: string, path: string, body: string): Promise<ControlResponse | null> {
  try {
    const advanceMatch = /^\/_emulator\/subscriptions\/([^/]+)\/advance$/.exec(path);
    if (advanceMatch && method === 'POST') return { status: 200, body: advance(core, decodeURIComponent(advanceMatch[1])) };
    if (path === '/_emulator/webhooks' && method === 'POST') {
      let input: unknown;
      try {
        input = body.trim() ? JSON.parse(body) : {};
      } catch {
        throw new ApiError(400, 'The body must be JSON, e.g. {"duplicates": 1, "shuffle": true}');
      }
      try {
        core.webhooks.behaviour = parseBehaviour(input, core.webhooks.behaviour);
      } catch (error) {
        throw new ApiError(400, error instanceof Error ? error.message : String(error));
      }
      return { status: 200, body: { behaviour: core.webhooks.behaviour } };
    }
    if (path === '/_emulator/flush' && method === 'POST') {
      await core.webhooks.flush();
      return { status: 200, body: { flushed: true } };
    }
    if (path === '/_emulator/state' && method === 'GET') {
      const target = core.webhooks.target;
      return {
        status: 200,
        body: {
          publicUrl: core.publicUrl,
          webhooks: { target: typeof target === 'function' ? 'in-process handler' : (target ?? null), behaviour: core.webhooks.behaviour, deliveries: core.webhooks.log },
          state: core.store.state,
        },
      };
    }
    if (path.startsWith('/_emulator/')) throw new ApiError(404, `Unknown control route ${method} ${path}`);
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.status, body: error.toJSON(newId('req', 14)) };
  }
}
