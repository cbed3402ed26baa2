// The client address per-IP limits count under: the socket's, unless TRUSTED_PROXIES says a
// proxy stands in front; the right-most untrusted X-Forwarded-For entry then; IPv6 by /64;
// a client can neither spoof X-Forwarded-For nor the header the server hands the app.
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLIENT_ADDRESS_KEY, clientAddressOf, clientIpOf, ipLimitKey, networkOf } from '@/lib/auth/client-address';
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_ADDRESS_KEY as SERVER_KEY,
  clientAddressStep,
  parseTrustedProxies,
  resolveClientAddress,
} from '../../scripts/client-address.mjs';

/** What proxy-addr reads of a request: its socket and X-Forwarded-For. */
function request(socket: string, forwardedFor?: string, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { ...extra, ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) };
  return { socket: { remoteAddress: socket }, headers, rawHeaders: Object.entries(headers).flat() } as unknown as http.IncomingMessage;
}
const resolve = (trusted: string | undefined, socket: string, forwardedFor?: string) => resolveClientAddress(request(socket, forwardedFor), parseTrustedProxies(trusted));

describe('client address resolution (scripts/client-address.mjs)', () => {
  it('without TRUSTED_PROXIES is the socket, whatever X-Forwarded-For says', () => {
    expect(resolve(undefined, '203.0.113.9')).toBe('203.0.113.9');
    expect(resolve(undefined, '203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    expect(resolve('', '203.0.113.9', '198.51.100.1, 10.0.0.1')).toBe('203.0.113.9');
    expect(resolve('0', '203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    expect(resolve(undefined, '::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('with a hop count takes the entry that many hops back, so a spoofed left-hand entry is ignored', () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the one proxy appended the real client.
    expect(resolve('1', '10.0.0.2', '1.1.1.1, 198.51.100.7')).toBe('198.51.100.7');
    expect(resolve('2', '10.0.0.2', '1.1.1.1, 198.51.100.7, 10.0.0.3')).toBe('198.51.100.7');
    // Fewer entries than hops: the furthest one there is.
    expect(resolve('2', '10.0.0.2', '198.51.100.7')).toBe('198.51.100.7');
    expect(resolve('1', '10.0.0.2')).toBe('10.0.0.2');
  });

  it('with a CIDR list skips trusted proxies from the right and stops at the first untrusted address', () => {
    const trusted = '10.0.0.0/8, 192.0.2.1';
    expect(resolve(trusted, '10.1.2.3', '1.1.1.1, 198.51.100.7, 192.0.2.1')).toBe('198.51.100.7');
    // A request straight from the internet: its own X-Forwarded-For is not believed.
    expect(resolve(trusted, '203.0.113.50', '1.1.1.1')).toBe('203.0.113.50');
    expect(resolve('loopback', '127.0.0.1', '2001:db8::1')).toBe('2001:db8::1');
    expect(resolve('loopback, uniquelocal', '::ffff:127.0.0.1', '198.51.100.8, 172.16.0.9')).toBe('198.51.100.8');
    // Junk from a trusted proxy counts as that proxy, never as a free-form key.
    expect(resolve('loopback', '127.0.0.1', 'not-an-address')).toBe('127.0.0.1');
  });

  it('refuses a TRUSTED_PROXIES it cannot read, rather than trust the wrong hop', () => {
    for (const bad of ['true', '*', 'foo', '10.0.0.0/33', '10.0.0.0/8/1', '1.2.3', '3232235777', '11', '10.0.0.1,,10.0.0.2', 'loopback; 10.0.0.0/8', '-1']) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/hop count .* CIDR ranges/);
    }
    for (const good of ['1', '10', '10.0.0.0/8', ' 10.0.0.1 , fd00::/8 ', 'LOOPBACK', 'loopback,linklocal,uniquelocal', '2001:db8::/32']) {
      expect(() => parseTrustedProxies(good), good).not.toThrow();
    }
  });
});

describe('the address the app reads (lib/auth/client-address.ts)', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[CLIENT_ADDRESS_KEY];
  });

  it('is the same key the server announces', () => {
    expect(CLIENT_ADDRESS_KEY).toBe(SERVER_KEY);
  });

  it('reads only the server-set header, and only when the server announced it', () => {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '198.51.100.1', 'x-real-ip': '198.51.100.2' });
    // No server in front (e.g. a bare `next start`): nothing a client sent is believed.
    expect(clientAddressOf(headers)).toBeNull();
    expect(clientIpOf(new Request('http://x/', { headers }))).toBe('unknown');
    clientAddressStep(undefined);
    expect(clientAddressOf(headers)).toBe('203.0.113.9');
    expect(clientAddressOf(new Headers({ 'x-forwarded-for': '198.51.100.1' }))).toBeNull();
    expect(clientAddressOf(new Headers({ [CLIENT_ADDRESS_HEADER]: 'junk' }))).toBeNull();
  });

  it('keys IPv6 clients on their /64 and IPv4 clients on the address', () => {
    expect(ipLimitKey('2001:db8:1:2::5')).toBe('2001:db8:1:2::/64');
    expect(ipLimitKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(ipLimitKey('2001:0db8:0001:0003::5')).toBe('2001:db8:1:3::/64');
    expect(ipLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(ipLimitKey('64:ff9b::203.0.113.9')).toBe('64:ff9b:0:0::/64');
    expect(ipLimitKey('203.0.113.9')).toBe('203.0.113.9');
    expect(ipLimitKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(ipLimitKey(null)).toBe('unknown');
    expect(networkOf('2001:db8:abcd:12::1', { v4: 24, v6: 48 })).toBe('2001:db8:abcd::/48');
    expect(networkOf('192.0.2.77', { v4: 24, v6: 48 })).toBe('192.0.2.0/24');
  });
});

describe('the server step on a real socket', () => {
  let server: http.Server;
  let port: number;
  const seen: http.IncomingHttpHeaders[] = [];
  const rawSeen: string[][] = [];
  let step = clientAddressStep(undefined);

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      step(req);
      seen.push({ ...req.headers });
      rawSeen.push([...req.rawHeaders]);
      res.end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.2', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    delete (globalThis as Record<symbol, unknown>)[CLIENT_ADDRESS_KEY];
    return new Promise<void>((done) => server.close(() => done()));
  });

  const get = (localAddress: string, headers: Record<string, string>) =>
    new Promise<http.IncomingHttpHeaders>((done, fail) => {
      http
        .get({ host: '127.0.0.2', port, localAddress, headers }, (res) => {
          res.resume();
          res.on('end', () => done(seen.at(-1)!));
        })
        .on('error', fail);
    });

  it('replaces whatever the client sent as the address header with the socket address', async () => {
    const headers = await get('127.0.0.3', { [CLIENT_ADDRESS_HEADER]: '198.51.100.1', 'X-Forwarded-For': '198.51.100.2' });
    expect(headers[CLIENT_ADDRESS_HEADER]).toBe('127.0.0.3');
    expect(rawSeen.at(-1)!.filter((h) => h.toLowerCase() === CLIENT_ADDRESS_HEADER)).toHaveLength(1);
    expect(rawSeen.at(-1)).not.toContain('198.51.100.1');
    expect((await get('127.0.0.4', {}))[CLIENT_ADDRESS_HEADER]).toBe('127.0.0.4');
  });

  it('believes X-Forwarded-For from a trusted proxy only', async () => {
    step = clientAddressStep('127.0.0.5');
    expect((await get('127.0.0.5', { 'X-Forwarded-For': '1.1.1.1, 198.51.100.3' }))[CLIENT_ADDRESS_HEADER]).toBe('198.51.100.3');
    expect((await get('127.0.0.6', { 'X-Forwarded-For': '198.51.100.3' }))[CLIENT_ADDRESS_HEADER]).toBe('127.0.0.6');
  });
});

describe('a bad TRUSTED_PROXIES stops the start', () => {
  it('in lib/env.ts, naming the variable', async () => {
    vi.resetModules();
    vi.stubEnv('TRUSTED_PROXIES', 'true');
    await expect(import('@/lib/env')).rejects.toThrow(/TRUSTED_PROXIES: must be a hop count/);
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('in scripts/server.mjs, before Next starts', () => {
    const run = spawnSync(process.execPath, [path.resolve('scripts/server.mjs')], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', TRUSTED_PROXIES: '10.0.0.0/99', PORT: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Invalid TRUSTED_PROXIES: must be a hop count');
  });
});
