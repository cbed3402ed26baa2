// The app server's database gate (scripts/database-gate.mjs): which requests wait for the
// database. tests/integration/database-gate.postgres.test.ts closes and opens it for real.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { needsDatabase, watchDatabase } from '../../scripts/database-gate.mjs';

const request = (method: string, url: string, cookie?: string) => ({ method, url, headers: cookie ? { cookie } : {} });

describe('needsDatabase', () => {
  it('holds back writes and signed-in requests, lets anonymous reads, built files and probes through', () => {
    expect(needsDatabase(request('POST', '/programme/phase-two/single-leg-balance'))).toBe(true);
    expect(needsDatabase(request('POST', '/api/stripe/webhook'))).toBe(true);
    expect(needsDatabase(request('GET', '/dashboard', 'theme=dark; authjs.session-token=abc'))).toBe(true);
    expect(needsDatabase(request('GET', '/account', '__Secure-authjs.session-token.0=abc'))).toBe(true);
    expect(needsDatabase(request('GET', '/articles/best-sleep-positions-for-back-pain', 'theme=dark'))).toBe(false);
    expect(needsDatabase(request('HEAD', '/podcast/feed.xml'))).toBe(false);
    expect(needsDatabase(request('GET', '/_next/static/chunks/app.js', 'authjs.session-token=abc'))).toBe(false);
    expect(needsDatabase(request('GET', '/readyz', 'authjs.session-token=abc'))).toBe(false);
    // A cookie that merely contains the name elsewhere is not a session.
    expect(needsDatabase(request('GET', '/', 'note=authjs.session-token'))).toBe(false);
  });

  it('is off for the embedded database, which lives in the process', () => {
    expect(watchDatabase('pglite:/tmp/somewhere')).toBeNull();
    expect(watchDatabase(undefined)).toBeNull();
  });
});

describe('watchDatabase, closing the gate', () => {
  const member = request('GET', '/dashboard', 'authjs.session-token=abc');
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const closedWithin = async (gate: NonNullable<ReturnType<typeof watchDatabase>>, ms: number) => {
    const deadline = Date.now() + ms;
    while (gate.refusalFor(member) === null && Date.now() < deadline) await wait(50);
    return gate.refusalFor(member) !== null;
  };

  it('does not close on one slow answer, only after three probes in a row time out', async () => {
    // A "database" that accepts connections and never answers: every probe times out.
    const sockets: net.Socket[] = [];
    const stalled = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const { port } = stalled.address() as net.AddressInfo;
    const gate = watchDatabase(`postgres://nobody@127.0.0.1:${port}/none`, { intervalMs: 200, log: () => {} })!;
    try {
      await wait(500); // the first probe has timed out, the second is under way
      expect(gate.refusalFor(member)).toBeNull();
      expect(await closedWithin(gate, 4_000)).toBe(true);
    } finally {
      await gate.close();
      for (const socket of sockets) socket.destroy();
      stalled.close();
    }
  });

  it('closes at the first refused connection', async () => {
    const free = net.createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const { port } = free.address() as net.AddressInfo;
    await new Promise((resolve) => free.close(resolve)); // nothing listens there now
    const gate = watchDatabase(`postgres://nobody@127.0.0.1:${port}/none`, { intervalMs: 200, log: () => {} })!;
    try {
      expect(await closedWithin(gate, 1_500)).toBe(true);
    } finally {
      await gate.close();
    }
  });
});
