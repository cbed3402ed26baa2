// Queues the coaches' daily digests of waiting questions: checked hourly in every
// instance (coaches are claimed atomically, so each gets one a day). Runs with or without
// SMTP: without it the digests land in the outbox like every other email.
import 'server-only';
import { getDb } from '@/lib/db';
import { sendCoachDigests } from './notifications';

const CHECK_INTERVAL_MS = 3_600_000;
/** The first check waits a little, out of the way of starting up. */
const FIRST_CHECK_MS = 60_000;
const scheduleKey = Symbol.for('steady-spine.coach-digests');

export function startCoachDigestSchedule(): void {
  const store = globalThis as Record<symbol, unknown>;
  if (store[scheduleKey]) return;
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    sendCoachDigests({ db: getDb() })
      .catch((error) => console.error('Coach digests failed:', error))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, FIRST_CHECK_MS);
  const timer = setInterval(tick, CHECK_INTERVAL_MS);
  first.unref();
  timer.unref();
  store[scheduleKey] = timer;
}
