// One scheduler for the site's background jobs. Every instance runs the same timers;
// a tick runs its job only if it holds the job's PostgreSQL advisory lock (so a job
// never runs in two instances at once) and claims the round (so it runs once per
// interval across all instances, whatever the phase of each instance's timers).
//
// The lock is session-level, on a connection of the tick's own: a transaction-level
// lock would keep a transaction open for as long as the job runs, and on PGlite (one
// connection) the job's own queries would queue behind that transaction for ever.
// On PGlite there is one process and one session, where the lock always succeeds;
// the round claim still keeps two schedulers on it from running a job twice.
import type { DatabaseConnection, SqlSession } from '@/lib/db/connection';
import type { PrismaClient } from '@/lib/db';

export interface Job {
  /** Unique per site; names the lock and the SystemState row `job:<name>`. */
  name: string;
  intervalMs: number;
  /** Delay of the first tick after start(); defaults to 0. */
  firstRunMs?: number;
  run(db: PrismaClient): Promise<unknown>;
}

/** What one tick did: ran the job (ok or failed), or skipped it and why. */
export type TickOutcome = 'ran' | 'failed' | 'overlap' | 'locked' | 'not-due' | 'error';

export interface SchedulerOptions {
  connection: DatabaseConnection;
  /** Milliseconds since the epoch; tests move it to start a new round. */
  now?: () => number;
  log?: (line: string) => void;
}

export interface Scheduler {
  register(job: Job): Scheduler;
  /** Starts every registered job's timers (unref'ed: they never keep the process alive). */
  start(): Scheduler;
  /** One tick of a job now, as its timer would; resolves when it is over. */
  tick(name: string): Promise<TickOutcome>;
  /** Stops the timers and waits for ticks under way. */
  stop(): Promise<void>;
}

/** A round started less than this share of the interval ago counts as this round: timers drift. */
const ROUND_SHARE = 0.9;

export function createScheduler({ connection, now = Date.now, log = console.error }: SchedulerOptions): Scheduler {
  const jobs = new Map<string, Job>();
  const timers: ReturnType<typeof setTimeout>[] = [];
  const running = new Map<string, Promise<TickOutcome>>();
  let started = false;
  let stopped = false;

  async function runTick(job: Job): Promise<TickOutcome> {
    try {
      return await connection.withOwnConnection(async (session) => {
        const [{ locked }] = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [lockName(job)]);
        if (!locked) return 'locked';
        try {
          if (!(await claimRound(session, job, now()))) return 'not-due';
          try {
            await job.run(connection.prisma);
            return 'ran';
          } catch (error) {
            log(`[jobs] ${job.name} failed: ${describe(error)}`);
            return 'failed';
          }
        } finally {
          await session.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockName(job)]);
        }
      });
    } catch (error) {
      // The database is unreachable or the lock could not be taken: try at the next tick.
      log(`[jobs] ${job.name} could not start: ${describe(error)}`);
      return 'error';
    }
  }

  const scheduler: Scheduler = {
    register(job) {
      if (jobs.has(job.name)) throw new Error(`Job ${job.name} is registered twice`);
      if (!(job.intervalMs > 0)) throw new Error(`Job ${job.name} needs a positive interval`);
      jobs.set(job.name, job);
      if (started && !stopped) schedule(job);
      return scheduler;
    },
    start() {
      if (started) return scheduler;
      started = true;
      for (const job of jobs.values()) schedule(job);
      return scheduler;
    },
    tick(name) {
      const job = jobs.get(name);
      if (!job) return Promise.reject(new Error(`No job named ${name}`));
      // Never two ticks of one job at once in this process: a slow run skips the next.
      if (running.has(name)) return Promise.resolve('overlap');
      const tick = runTick(job).finally(() => running.delete(name));
      running.set(name, tick);
      return tick;
    },
    async stop() {
      stopped = true;
      for (const timer of timers.splice(0)) clearTimeout(timer);
      await Promise.all(running.values());
    },
  };

  function schedule(job: Job): void {
    const fire = () => {
      void scheduler.tick(job.name);
    };
    const first = setTimeout(() => {
      fire();
      if (!stopped) keep(setInterval(fire, job.intervalMs));
    }, job.firstRunMs ?? 0);
    keep(first);
  }

  function keep(timer: ReturnType<typeof setTimeout>): void {
    timer.unref();
    timers.push(timer);
  }

  return scheduler;
}

function lockName(job: Job): string {
  return `steady-spine.job:${job.name}`;
}

/**
 * Records that this round of the job starts now, unless one started less than a
 * round ago (in any instance). One statement, so it is atomic even where the lock is not.
 */
async function claimRound(session: SqlSession, job: Job, nowMs: number): Promise<boolean> {
  const rows = await session.query(
    `INSERT INTO "SystemState" (key, value, "updatedAt") VALUES ($1, $2, now() AT TIME ZONE 'UTC')
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt"
     WHERE CASE WHEN "SystemState".value ~ '^[0-9]+$' THEN "SystemState".value::bigint <= $3::bigint ELSE true END
     RETURNING key`,
    [`job:${job.name}`, String(nowMs), String(Math.floor(nowMs - job.intervalMs * ROUND_SHARE))],
  );
  return rows.length > 0;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
