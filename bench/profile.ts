// BENCH_PROFILE=1 (bench/run.ts): where the app server's CPU time went during one load run,
// from the profile `node --cpu-prof` writes when the server exits. Self time only: the
// functions (and the packages or modules they are in) that were on top of the stack.
import fs from 'node:fs';
import path from 'node:path';

/** Microseconds on the monotonic clock V8's profiler stamps its samples with (on Linux). */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a script is, shortened: a package under node_modules, or the path in the project. */
function moduleOf(url: string): string {
  if (!url) return '(native or V8)';
  if (url.startsWith('node:')) return url;
  if (url.startsWith('wasm:')) return `WebAssembly module ${url.slice(url.lastIndexOf('/') + 1)}`;
  const file = url.replace(/^file:\/\//, '');
  const compiled = /node_modules\/next\/dist\/compiled\/([^/]+)/.exec(file);
  if (compiled) return `next (compiled ${compiled[1]})`;
  const inPackage = /.*node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/dist\/([^/]+))?/.exec(file);
  if (inPackage) return inPackage[1] === 'next' && inPackage[2] ? `next (dist/${inPackage[2]})` : inPackage[1];
  if (file.includes('/.next/server/')) return 'the app (.next/server bundles)';
  return path.relative(process.cwd(), file) || file;
}

function top(map: Map<string, number>, total: number, count: number): string[] {
  return [...map.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, count)
    .map(([name, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
}

/** A load run's time span, in monotonic µs (monotonicMicros), and what to call it. */
export interface ProfileWindow {
  label: string;
  from: number;
  to: number;
}

/** Summarises the newest profile in `dir` over each window's samples, then deletes the folder unless `keep`. */
export function summariseProfile(dir: string, windows: ProfileWindow[], options: { keep: boolean }): string {
  try {
    const file = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort((x, y) => fs.statSync(path.join(dir, y)).mtimeMs - fs.statSync(path.join(dir, x)).mtimeMs)[0];
    if (!file) return 'CPU profile: the server wrote none (did it exit by itself?)';
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const windowed = windows.length > 0 ? windows : [null];
    return windowed.map((window) => summariseWindow(profile, window)).join('\n\n');
  } finally {
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Self time over the samples in `window` (the whole profile when null or when no sample falls in it). */
function summariseWindow(profile: CpuProfile, window: ProfileWindow | null): string {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  /** The module of the nearest frame up the stack that is not Node.js's own or native code. */
  const callerModule = (id: number): string => {
    for (let at: number | undefined = id, depth = 0; at !== undefined && depth < 500; at = parents.get(at), depth++) {
      const url = nodes.get(at)!.callFrame.url;
      if (url && !url.startsWith('node:')) return moduleOf(url);
    }
    return moduleOf(nodes.get(id)!.callFrame.url);
  };
  const stamps: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) stamps.push((t += delta));
  const inWindow = (i: number) => !window || (stamps[i] >= window.from && stamps[i] <= window.to);
  const anyInWindow = profile.samples.some((_, i) => inWindow(i));
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  const byCaller = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    if (anyInWindow && !inWindow(i)) continue;
    // A sample stands for the time until the next one.
    const us = Math.max(0, (stamps[i + 1] ?? stamps[i]) - stamps[i]);
    const frame = nodes.get(profile.samples[i])!.callFrame;
    if (frame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    total += us;
    const where = moduleOf(frame.url);
    const name = `${frame.functionName || '(anonymous)'}  ${where}${frame.url && !frame.url.startsWith('wasm:') ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byModule.set(where, (byModule.get(where) ?? 0) + us);
    const caller = callerModule(profile.samples[i]);
    byCaller.set(caller, (byCaller.get(caller) ?? 0) + us);
  }
  const span = anyInWindow && window ? `during the ${window.label} (warm-up and measurement, ${((window.to - window.from) / 1e6).toFixed(1)} s)` : "over the server's whole life";
  return [
    `CPU profile of the one-instance server ${span}: ${(total / 1000).toFixed(0)} ms busy, ${(idle / 1000).toFixed(0)} ms idle`,
    'self time by package or module:',
    ...top(byModule, total, 15),
    "the same with Node.js's own and native code charged to the module that called it (GC stays apart):",
    ...top(byCaller, total, 12),
    'self time by function:',
    ...top(byFunction, total, 25),
  ].join('\n');
}
