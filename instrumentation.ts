// Next.js calls register() once per server start, before it handles any request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Prerendering at build time needs no database; only real servers prepare it.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { prepareDatabase } = await import('./lib/db/prepare');
  await prepareDatabase();
}
