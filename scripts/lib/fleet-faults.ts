// The parts a fault run breaks, each its own, so nothing shared is ever stopped:
//   - a TCP proxy in front of the machine's PostgreSQL server: "restarting the database"
//     drops every connection through it and refuses new ones until it is brought back,
//     which is what the app sees of a database restart or failover;
//   - a redis-server of the run's own, on its own port with no persistence, stopped and
//     started again by its own process id.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { redisClient, redisProblem } from '../../lib/cache/redis';
import { startManagedProcess, type ManagedProcess } from './managed-process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface DatabaseProxy {
  /** The database URL with the proxy's address in place of the server's. */
  url: string;
  /** Drops every connection and refuses new ones (the database "goes down"). */
  down(): Promise<void>;
  /** Accepts connections again (the database "is back"). */
  up(): Promise<void>;
  close(): Promise<void>;
}

/** A proxy on 127.0.0.1:`port` to the server in `databaseUrl`. */
export async function startDatabaseProxy(databaseUrl: string, port: number): Promise<DatabaseProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = () => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => (server.off('error', reject), resolve())));
  await listen();
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(port);
  const down = async () => {
    const closed = server.listening ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    url: proxied.toString(),
    down,
    up: () => (server.listening ? Promise.resolve() : listen()),
    close: down,
  };
}

export function findRedisServer(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  return found || null;
}

export interface OwnRedis {
  url: string;
  running(): boolean;
  /** SIGTERM (then SIGKILL): Redis is gone, and so is everything it held. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** How many keys it holds now, in all its databases (the cache library uses database 1). */
  keyCount(): Promise<number>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

/** A redis-server on 127.0.0.1:`port` in a folder of its own: no saving, the cache library's keyspace events on. */
export async function startOwnRedis(binary: string, port: number): Promise<OwnRedis> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-spine-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let current: ManagedProcess | null = null;
  const start = async () => {
    if (current?.running()) return;
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--notify-keyspace-events', 'Exe'];
    current = startManagedProcess(`redis-${port}`, binary, args, { env: { PATH: process.env.PATH, NODE_ENV: 'production' }, detached: true });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (!current.running()) throw new Error(`redis-server exited at start:\n${current.log()}`);
      if ((await redisProblem(url, 1_000)) === null) return;
      await sleep(100);
    }
    throw new Error(`redis-server on port ${port} did not answer within 10 s:\n${current.log()}`);
  };
  await start();
  return {
    url,
    running: () => Boolean(current?.running()),
    async stop() {
      await current?.stop(5_000);
    },
    start,
    async keyCount() {
      const client = redisClient(url, { timeoutMs: 2_000 });
      try {
        await client.connect();
        const keyspace = await client.info('keyspace');
        return [...keyspace.matchAll(/^db\d+:keys=(\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
      } finally {
        if (client.isOpen) await client.disconnect().catch(() => {});
      }
    },
    async close() {
      await current?.stop(5_000);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
