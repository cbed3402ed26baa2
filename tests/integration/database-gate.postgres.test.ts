// The app server's database gate (scripts/database-gate.mjs) on a PostgreSQL server: it
// closes when the server stops answering and opens when it answers again. The "restart"
// is a proxy of the test's own dropping every connection (never the shared server).
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_UNREACHABLE, watchDatabase } from '@/scripts/database-gate.mjs';
import { startDatabaseProxy, type DatabaseProxy } from '@/scripts/lib/fleet-faults';

const request = (method: string, url: string, cookie?: string) => ({ method, url, headers: cookie ? { cookie } : {} });
const server = process.env.TEST_DATABASE_URL!;
let proxy: DatabaseProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

const until = async (test: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!test() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return test();
};

describe('watchDatabase on a PostgreSQL server', () => {
  it('answers 503 for signed-in requests while the server is unreachable, and stops when it is back', async () => {
    proxy = await startDatabaseProxy(server, 4190 + Math.floor(Math.random() * 8));
    const lines: string[] = [];
    const gate = watchDatabase(proxy.url, { intervalMs: 200, log: (line) => lines.push(line) })!;
    const member = request('GET', '/dashboard', 'authjs.session-token=abc');
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(gate.refusalFor(member)).toBeNull();
      await proxy.down();
      expect(await until(() => gate.refusalFor(member) !== null, 3_000)).toBe(true);
      expect(gate.refusalFor(member)).toEqual(DATABASE_UNREACHABLE);
      expect(gate.refusalFor(request('GET', '/articles/x'))).toBeNull();
      await proxy.up();
      expect(await until(() => gate.refusalFor(member) === null, 3_000)).toBe(true);
      // Once each way, not once per probe.
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/unreachable/);
      expect(lines[1]).toMatch(/answers again/);
    } finally {
      await gate.close();
    }
  });
});
