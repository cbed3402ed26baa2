// @ts-check
// What scripts/server.mjs and the app (bundled apart by Next, so never the same module
// instance) share about the process's life: whether it is draining after SIGTERM, and
// the steps that release what the app holds (the job scheduler, database connections).
// Both live on globalThis under Symbol.for keys, as lib/db keeps its connection.

const DRAINING_KEY = Symbol.for('steady-spine.draining');
const HOOKS_KEY = Symbol.for('steady-spine.shutdown-hooks');

/** @typedef {{ name: string, run: () => Promise<unknown> }} ShutdownHook */

const store = /** @type {Record<symbol, unknown>} */ (globalThis);

/** True once the server stopped taking connections: /readyz answers 503 'draining'. */
export function isDraining() {
  return store[DRAINING_KEY] === true;
}

export function startDraining() {
  store[DRAINING_KEY] = true;
}

/** @returns {ShutdownHook[]} */
function hooks() {
  store[HOOKS_KEY] ??= [];
  return /** @type {ShutdownHook[]} */ (store[HOOKS_KEY]);
}

/**
 * Registers a release step, run once at shutdown in reverse order of registration (the
 * scheduler, registered after the database, stops before the database closes).
 * @param {string} name
 * @param {() => Promise<unknown>} run
 */
export function onShutdown(name, run) {
  if (!hooks().some((hook) => hook.name === name)) hooks().push({ name, run });
}

/**
 * Runs every release step, each bounded by `timeoutMs`; returns the names of the steps
 * that failed or timed out (a stuck step must not keep a stopping instance alive).
 * @param {number} timeoutMs
 * @returns {Promise<string[]>}
 */
export async function runShutdownHooks(timeoutMs) {
  const failed = [];
  for (const hook of hooks().splice(0).reverse()) {
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([hook.run().then(() => 'ok', () => 'failed'), timedOut]);
    clearTimeout(timer);
    if (outcome !== 'ok') failed.push(`${hook.name} (${outcome})`);
  }
  return failed;
}

/** Default of SHUTDOWN_GRACE_SECONDS: how long requests in flight may finish after SIGTERM. */
export const DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;

/**
 * Parses SHUTDOWN_GRACE_SECONDS (a whole number of seconds, 0 to 300); throws a message on
 * anything else. lib/env.ts checks it with this too.
 * @param {string | undefined} value
 */
export function parseShutdownGrace(value) {
  const text = (value ?? '').trim();
  if (text === '') return DEFAULT_SHUTDOWN_GRACE_SECONDS;
  if (!/^\d+$/.test(text) || Number(text) > 300) throw new Error(`must be a whole number of seconds from 0 to 300, not "${text}"`);
  return Number(text);
}
