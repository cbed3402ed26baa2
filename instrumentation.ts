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
  await prepareDatabase();
}
