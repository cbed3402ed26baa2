// Load runs and their rows for `npm run bench` (bench/run.ts, bench/fleet.ts), and the
// processes' memory. Two load generators, each bounded in time:
//   - autocannon (Node.js, one process): the rows of the app on its own;
//   - wrk (C, Debian's package, installed with apt-get when missing and this process may):
//     the rows through nginx. autocannon spends a whole core parsing 95 KB responses and
//     stops near 2,700 req/s here whatever serves them (README, "Benchmarks"), so it cannot
//     tell nginx from node:http; a row measured by wrk is compared with a baseline
//     measured by wrk in the same run, never with autocannon's.
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { aptInstall } from '../scripts/lib/apt';

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 2;

/** A load run; p50 and p99 are Infinity when no response came back within it. */
export interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  statuses?: string;
}

/** `url`: one URL, or several that autocannon's connections take in turn (connection i: url[i % n]). */
export async function load(name: string, url: string | string[], headers: Record<string, string> = {}, connections = CONNECTIONS): Promise<Row> {
  const target = url as string; // autocannon takes an array too; its types say string
  await autocannon({ url: target, headers, connections, duration: WARM_UP_SECONDS }); // warm-up, not reported
  const r = await autocannon({ url: target, headers, connections, duration: DURATION });
  const answered = r.requests.total > 0;
  const statuses = r.non2xx > 0 ? Object.entries(r.statusCodeStats ?? {}).map(([code, { count }]) => `HTTP ${code}: ${count}`).join(', ') : undefined;
  return { name, rps: r.requests.average, p50: answered ? r.latency.p50 : Infinity, p99: answered ? r.latency.p99 : Infinity, errors: r.errors + r.non2xx, statuses };
}

/** A load run bounded by its number of requests (`amount`) rather than its time: for pages too slow to hammer for 10 s. */
export async function loadRequests(name: string, url: string, headers: Record<string, string>, options: { amount: number; connections: number }): Promise<Row> {
  await autocannon({ url, headers, connections: options.connections, amount: options.connections * 3 }); // warm-up, not reported
  const r = await autocannon({ url, headers, connections: options.connections, amount: options.amount });
  const answered = r.requests.total > 0;
  const statuses = r.non2xx > 0 ? Object.entries(r.statusCodeStats ?? {}).map(([code, { count }]) => `HTTP ${code}: ${count}`).join(', ') : undefined;
  return { name, rps: r.requests.average, p50: answered ? r.latency.p50 : Infinity, p99: answered ? r.latency.p99 : Infinity, errors: r.errors + r.non2xx, statuses };
}

export function findWrk(): string | null {
  const candidates = ['/usr/bin/wrk', ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'wrk'))];
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

/** wrk's path, installing Debian's package when it is missing and this process may; null when it cannot. */
export function ensureWrk(): string | null {
  return findWrk() ?? (aptInstall('wrk', 'for the benchmark rows through nginx') ? findWrk() : null);
}

/** "1.55ms", "830.00us", "1.20s", "2.00m" in ms. */
function wrkDuration(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text);
  if (!m) return NaN;
  const value = Number(m[1]);
  return m[2] === 'us' ? value / 1000 : value * { ms: 1, s: 1000, m: 60_000 }[m[2] as 'ms' | 's' | 'm'];
}

/** Reads wrk's report (--latency): rate, p50, p99, non-2xx/3xx answers and socket errors. */
export function parseWrk(name: string, report: string): Row {
  const total = Number(/(\d+) requests in /.exec(report)?.[1] ?? 0);
  const percentile = (p: string) => wrkDuration(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(report)?.[1] ?? '');
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(report)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(report);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  const statuses = [non2xx ? `${non2xx} answers not 2xx/3xx` : '', socket ? `socket errors: ${socket[0].replace('Socket errors: ', '')}` : ''].filter(Boolean).join(', ');
  return {
    name,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(report)?.[1] ?? 0),
    p50: total > 0 ? percentile('50') : Infinity,
    p99: total > 0 ? percentile('99') : Infinity,
    errors: non2xx + socketErrors,
    statuses: statuses || undefined,
  };
}

/** One wrk run, killed if it outlasts its duration by 20 s. */
function runWrk(binary: string, url: string, headers: Record<string, string>, connections: number, seconds: number): Promise<string> {
  const args = ['-t', String(Math.min(2, connections)), '-c', String(connections), '-d', `${seconds}s`, '--latency', '--timeout', '10s'];
  for (const [key, value] of Object.entries(headers)) args.push('-H', `${key}: ${value}`);
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), (seconds + 20) * 1000);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`wrk ${url} ended with ${code ?? signal}: ${out.trim()}`));
    });
  });
}

/** The same load as `load`, generated by wrk (2 threads): a warm-up, then the measured run. */
export async function wrkLoad(binary: string, name: string, url: string, headers: Record<string, string> = {}, connections = CONNECTIONS): Promise<Row> {
  await runWrk(binary, url, headers, connections, WARM_UP_SECONDS);
  return parseWrk(name, await runWrk(binary, url, headers, connections, DURATION));
}

/** wrk's version line, for the report. */
export function wrkVersion(binary: string): string {
  return /wrk [\d.]+/.exec(spawnSync(binary, ['-v'], { encoding: 'utf8' }).stdout ?? '')?.[0] ?? 'wrk';
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** A process and all its descendants: their RSS added up, in MB. */
export function treeRssMb(pid: number): number {
  let total = rssMb(pid);
  for (const child of fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
    total += treeRssMb(Number(child));
  }
  return total;
}

const pad = (s: string, n: number) => s.padEnd(n);
const num = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : 'none').padStart(9);
export const printHeader = () => console.log(`${pad('route', 62)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'vs base'.padStart(9)}${'errors'.padStart(8)}`);
export const printRow = (r: Row, base: number) => console.log(`${pad(r.name, 62)}${num(r.rps)}${num(r.p50, 1)}${num(r.p99, 1)}${(r.rps / base).toFixed(2).padStart(8)}x${String(r.errors).padStart(8)}`);
export const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
export const ms = (n: number) => (Number.isFinite(n) ? `${Number(n.toFixed(2))} ms` : 'none: no response within the run');
