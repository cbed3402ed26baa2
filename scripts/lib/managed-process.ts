// A child process a script or test started and must be able to stop, or kill, on its own:
// the app servers of the cluster specs and the fleet, and the fleet's nginx. Its output is
// kept (the last lines) for a failure's report. `detached` puts it in a process group of
// its own, so signals reach it (and nginx's workers) by group id, never by name, and a
// terminal's Ctrl-C reaches only the script, which then stops it in order.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Resolves when it exited, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
  /** The last lines it printed. */
  log(): string;
  /** Sends a signal to it (its whole group when detached). */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startManagedProcess(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; detached?: boolean; echo?: boolean },
): ManagedProcess {
  const child = spawn(command, args, { env: options.env, detached: options.detached ?? false, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines.push(`[${name}] ${line}`);
      if (options.echo) console.log(`[${name}] ${line}`);
    }
    lines.splice(0, Math.max(0, lines.length - 300));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      lines.push(`[${name}] ${error.message}`);
      resolve({ code: null, signal: null });
    });
  });
  if (child.pid === undefined) throw new Error(`${name} could not be started (${command})`);
  const pid = child.pid;
  const running = () => child.exitCode === null && child.signalCode === null;
  const signal = (sig: NodeJS.Signals) => {
    if (!running()) return;
    try {
      // A negative pid is the process group this process leads.
      process.kill(options.detached ? -pid : pid, sig);
    } catch {
      // already gone
    }
  };
  return {
    name,
    child,
    pid,
    exited,
    running,
    log: () => lines.join('\n'),
    signal,
    async stop(graceMs = 15_000) {
      if (!running()) return;
      signal('SIGTERM');
      if (await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)])) return;
      signal('SIGKILL');
      await Promise.race([exited, sleep(5_000)]);
    },
  };
}

/**
 * Polls `url` until it answers 200, failing early if the process exits. A production start
 * migrates, seeds and builds the search index first: minutes at most.
 */
export async function waitUntilAnswering(process_: ManagedProcess, url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!process_.running()) throw new Error(`${process_.name} exited before answering at ${url}:\n${process_.log()}`);
    const status = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(250);
  }
  throw new Error(`${process_.name} did not answer at ${url} within ${Math.round(timeoutMs / 1000)} s:\n${process_.log()}`);
}
