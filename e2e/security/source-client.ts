// HTTP from a chosen loopback source address (127.0.0.3, 127.0.0.5, …). The production-mode
// server listens on 127.0.0.2 with no trusted proxy, so to it each source address is another
// client, as two machines on the internet would be; Playwright's own request context always
// comes from 127.0.0.1. Speaks to Auth.js's endpoints directly, as a script would.
import http from 'node:http';

export interface Answer {
  status: number;
  location: string | null;
  body: string;
}

export class SourceClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly baseURL: string,
    readonly localAddress: string,
  ) {}

  send(method: 'GET' | 'POST', path: string, { form, headers = {} }: { form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Answer> {
    const url = new URL(path, this.baseURL);
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: `${url.pathname}${url.search}`,
          method,
          localAddress: this.localAddress,
          headers: {
            Origin: new URL(this.baseURL).origin,
            ...(cookie ? { Cookie: cookie } : {}),
            ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(body)) } : {}),
            ...headers,
          },
        },
        (res) => {
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair] = line.split(';');
            const at = pair.indexOf('=');
            this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
          }
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Auth.js's CSRF token (double-submit: its cookie is kept in this client's jar). */
  async csrfToken(): Promise<string> {
    const answer = await this.send('GET', '/api/auth/csrf');
    return (JSON.parse(answer.body) as { csrfToken: string }).csrfToken;
  }

  /** POST /api/auth/callback/password: signed in, or the error code Auth.js redirects with. */
  async signInWithPassword(email: string, password: string, headers: Record<string, string> = {}): Promise<{ signedIn: boolean; code: string | null }> {
    const csrfToken = await this.csrfToken();
    this.cookies.forEach((_, name) => name.includes('session-token') && this.cookies.delete(name));
    const answer = await this.send('POST', '/api/auth/callback/password', { form: { csrfToken, email, password, callbackUrl: '/account' }, headers });
    if (answer.status !== 302 || !answer.location) throw new Error(`Expected a redirect, got ${answer.status}: ${answer.body.slice(0, 200)}`);
    const signedIn = [...this.cookies].some(([name, value]) => name.includes('session-token') && value !== '');
    return { signedIn, code: signedIn ? null : new URL(answer.location, this.baseURL).searchParams.get('code') };
  }

  /** POST /api/auth/signin/email: true when Auth.js sends the "check your email" page, else its error. */
  async requestSignInLink(email: string): Promise<{ sent: boolean; error: string | null }> {
    const csrfToken = await this.csrfToken();
    const answer = await this.send('POST', '/api/auth/signin/email', { form: { csrfToken, email, callbackUrl: '/account' } });
    if (answer.status !== 302 || !answer.location) throw new Error(`Expected a redirect, got ${answer.status}: ${answer.body.slice(0, 200)}`);
    const target = new URL(answer.location, this.baseURL);
    // Auth.js answers with its verify-request route, which shows /sign-in/check-email.
    const sent = ['/api/auth/verify-request', '/sign-in/check-email'].includes(target.pathname);
    return { sent, error: target.searchParams.get('error') ?? (sent ? null : `unexpected redirect to ${target.pathname}`) };
  }
}
