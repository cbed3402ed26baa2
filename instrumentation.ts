// Next.js calls register() once per server start, before it handles any request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Prerendering at build time needs no database; only real servers prepare it.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // A real site (non-loopback SITE_URL) asking for a demo behaviour does not start at all.
  const { assertSafeToStart, UnsafeStartError } = await import('./lib/demo/startup-check');
  try {
    assertSafeToStart();
  } catch (error) {
    if (!(error instanceof UnsafeStartError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  const { prepareDatabase } = await import('./lib/db/prepare');
  const db = await prepareDatabase();
  // Released by scripts/server.mjs on SIGTERM, after the requests in flight: the scheduler
  // (its ticks and their advisory locks) first, then the database's connections.
  const { onShutdown } = await import('./scripts/lifecycle.mjs');
  const { getConnection } = await import('./lib/db');
  onShutdown('database connections', () => getConnection().close());
  // Seeds the demo only on a loopback SITE_URL; a real site disables a past demo's accounts.
  const { prepareDemo } = await import('./lib/demo/prepare-demo');
  await prepareDemo(db, console.log);
  const { ensureSearchIndex } = await import('./lib/search/search-content');
  await ensureSearchIndex(db);
  // Mail delivery and digests, each once per interval across instances.
  const { startSiteJobs } = await import('./lib/jobs/site-jobs');
  const scheduler = startSiteJobs();
  onShutdown('job scheduler', () => scheduler.stop());
}
