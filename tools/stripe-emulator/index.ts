// A local Stripe: the parts of the API this site uses, hosted Checkout and Customer Portal
// pages, and signed webhook deliveries, on 127.0.0.1. The official SDK talks to it unchanged:
// new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' }). See README.md.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi } from './api';
import { advance, handleControl } from './control';
import { EmulatorCore } from './core';
import { handlePage } from './pages';
import { PRICE_LOOKUP_KEYS, Store } from './store';
import { parseBehaviour, WebhookDispatcher, type WebhookBehaviour, type WebhookTarget } from './webhooks';

export type { WebhookBehaviour } from './webhooks';
export { PRICE_IDS, PRICE_LOOKUP_KEYS, PRODUCT_ID, PROMOTION_CODE, TEST_CARDS } from './store';

/** The lookup keys of the seeded prices, as the app looks them up. */
export const DEFAULT_PRICE_LOOKUP_KEYS = [PRICE_LOOKUP_KEYS.monthly, PRICE_LOOKUP_KEYS.annual] as const;
export const EMULATOR_API_KEY = 'sk_test_emulator';
export const DEFAULT_WEBHOOK_SECRET = 'whsec_stripe_emulator_default';

export interface StripeEmulatorOptions {
  /** 0 = any free port (default 0). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Base URL used in hosted page links (checkout/portal `url` fields); default `http://localhost:${port}`. */
  publicUrl?: string;
  /** whsec_...; events are signed with it. Default DEFAULT_WEBHOOK_SECRET. */
  webhookSecret?: string;
  /** URL to POST events to, or an in-process handler (tests pass the Next route handler directly). */
  webhookTarget?: WebhookTarget;
  /** When set, state is loaded from / saved to this JSON file (restarts keep subscriptions). */
  stateFile?: string;
  webhookBehaviour?: Partial<WebhookBehaviour>;
  /** Where delivery failures are reported (the CLI passes console.error). Default: silent. */
  logger?: (message: string) => void;
}

export interface StripeEmulator {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** Any sk_test_... key is accepted; this is the conventional one. */
  apiKey: string;
  webhookSecret: string;
  publicUrl: string;
  setWebhookBehaviour(behaviour: Partial<WebhookBehaviour>): void;
  setWebhookTarget(target: StripeEmulatorOptions['webhookTarget']): void;
  /** Same as POST /_emulator/subscriptions/:id/advance. */
  advanceSubscription(id: string): Promise<void>;
  /** Resolves when every queued or retrying delivery has finished (succeeded or given up). */
  flush(): Promise<void>;
  /** Stops the server and pending retries, and saves the state file. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache, no-store', ...headers });
  res.end(text);
}

async function handle(core: EmulatorCore, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);

  if (url.pathname.startsWith('/v1/')) {
    const response = handleApi(core, { method, path: url.pathname, query: url.search.slice(1), body, headers: req.headers });
    sendJson(res, response.status, response.body, response.headers);
    return;
  }
  const control = await handleControl(core, method, url.pathname, body);
  if (control) {
    sendJson(res, control.status, control.body);
    return;
  }
  const page = handlePage(core, method, url.pathname, url.searchParams, body);
  if (page) {
    res.writeHead(page.status, page.headers);
    res.end(page.body);
    return;
  }
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Stripe emulator: nothing here. The API is under /v1, hosted pages under /checkout and /portal.\n');
}

export async function startStripeEmulator(options: StripeEmulatorOptions = {}): Promise<StripeEmulator> {
  const host = options.host ?? '127.0.0.1';
  const webhookSecret = options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET;
  const store = new Store(options.stateFile);
  const webhooks = new WebhookDispatcher(webhookSecret, {
    target: options.webhookTarget,
    behaviour: options.webhookBehaviour,
    onDelivered: (eventId) => core.markDelivered(eventId),
    logger: options.logger,
  });
  // The public URL needs the port, known once listening.
  const core = new EmulatorCore(store, webhooks, options.publicUrl ?? '');

  const server = http.createServer((req, res) => {
    handle(core, req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof BodyTooLarge) {
        sendJson(res, 413, { error: { type: 'invalid_request_error', message: 'Request body too large.' } });
        return;
      }
      options.logger?.(`emulator error on ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendJson(res, 500, { error: { type: 'api_error', message: `Emulator error: ${error instanceof Error ? error.message : String(error)}` } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  core.publicUrl = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
  store.save();

  let closed: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    apiKey: EMULATOR_API_KEY,
    webhookSecret,
    publicUrl: core.publicUrl,
    setWebhookBehaviour: (behaviour) => {
      webhooks.behaviour = parseBehaviour(behaviour, webhooks.behaviour);
    },
    setWebhookTarget: (target) => {
      webhooks.target = target;
    },
    advanceSubscription: async (id) => {
      advance(core, id);
    },
    flush: () => webhooks.flush(),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        webhooks.close();
        store.save();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
