// The app's side of scripts/shared-cache.mjs: drop a page from the in-memory shared cache
// of this server process the moment its content changes (with revalidatePath, which
// makes Next render it afresh). A no-op under `next dev` or when no such cache runs.
const KEY = Symbol.for('steady-spine.shared-cache');

export function purgeSharedCache(path: string): void {
  const cache = (globalThis as Record<symbol, { purge(path: string): void } | undefined>)[KEY];
  cache?.purge(path);
}
