// Drives the app's real Auth.js route handlers (auth.ts) in-process, the way a browser
// does: a cookie jar, Auth.js's CSRF token, the sign-in link read from the outbox. For
// integration tests that need real sign-ins, sign-outs and session cookies on a test
// database without a running server. Needs AUTH_SECRET set before auth.ts is imported.
import { expect } from 'vitest';
import type { DatabaseConnection } from '@/lib/db/connection';
import type { PrismaClient } from '@/lib/db/generated/client';

/** Where requests claim to come from: the default SITE_URL, so links built on it match. */
const ORIGIN = 'http://localhost:3000';

/** Makes getDb() (lib/db) answer with this connection: the app's code then runs on the test database. */
export function useAsAppDatabase(connection: DatabaseConnection): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('steady-spine.database')] = connection;
}

/** The newest email to `to` from `template`, and the first link in it to `path` (as a URL). */
export async function linkFromOutbox(db: PrismaClient, to: string, template: string, path: string): Promise<URL> {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to, template }, orderBy: { createdAt: 'desc' } });
  const href = mail.text.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname === path);
  expect(href, `a ${path} link in the ${template} email to ${to}`).toBeDefined();
  return new URL(href!);
}

type Handler = (request: Request) => Promise<Response>;

async function routeHandlers(): Promise<{ GET: Handler; POST: Handler }> {
  const { handlers } = await import('@/auth');
  // Auth.js's handlers take a NextRequest but only use the standard Request parts here.
  return handlers as unknown as { GET: Handler; POST: Handler };
}

export class AuthBrowser {
  private readonly jar = new Map<string, string>();

  /** The Cookie header this browser sends (a copy of it is what a cookie thief replays). */
  cookieHeader(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  hasSessionCookie(): boolean {
    return [...this.jar.keys()].some((name) => name.includes('authjs.session-token'));
  }

  async get(path: string): Promise<Response> {
    return this.send('GET', path);
  }

  async post(path: string, form: Record<string, string>): Promise<Response> {
    return this.send('POST', path, new URLSearchParams(form));
  }

  private async send(method: 'GET' | 'POST', path: string, body?: URLSearchParams): Promise<Response> {
    const headers = new Headers({ cookie: this.cookieHeader() });
    if (body) headers.set('content-type', 'application/x-www-form-urlencoded');
    const handler = (await routeHandlers())[method];
    const response = await handler(new Request(new URL(path, ORIGIN), { method, headers, body }));
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }

  private async csrfToken(): Promise<string> {
    const response = await this.get('/api/auth/csrf');
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  /** POST /api/auth/signin/email, as the sign-in page's link form ends up doing. */
  async requestSignInLink(email: string): Promise<Response> {
    return this.post('/api/auth/signin/email', { email, csrfToken: await this.csrfToken(), callbackUrl: `${ORIGIN}/account` });
  }

  /** Requests a sign-in link, reads it from the outbox and follows it, as the link page's button does. */
  async signInWithLink(email: string, db: PrismaClient): Promise<void> {
    await this.requestSignInLink(email);
    const link = await linkFromOutbox(db, email, 'magic-link', '/sign-in/link');
    const response = await this.get(link.searchParams.get('next')!);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/account`);
  }

  /** POST /api/auth/callback/password; true when it set a session cookie. */
  async signInWithPassword(email: string, password: string): Promise<boolean> {
    await this.post('/api/auth/callback/password', { email, password, csrfToken: await this.csrfToken(), callbackUrl: `${ORIGIN}/account` });
    return this.hasSessionCookie();
  }

  /** Auth.js's own POST /api/auth/signout (what the site's sign-out button also ends in). */
  async signOut(): Promise<void> {
    const response = await this.post('/api/auth/signout', { csrfToken: await this.csrfToken() });
    expect(response.status).toBe(302);
    expect(this.hasSessionCookie()).toBe(false);
  }
}
