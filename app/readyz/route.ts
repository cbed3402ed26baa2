// GET /readyz – whether this instance should get traffic: database reachable with every
// migration applied, Redis reachable when REDIS_URL is set, not draining after SIGTERM.
// 200 or 503 with JSON naming what failed (lib/health). Never cached or rate-limited.
import { connection } from 'next/server';
import { readinessResponse } from '@/lib/health/readiness';
import { siteReadiness } from '@/lib/health/site-readiness';

export async function GET() {
  await connection();
  return readinessResponse(await siteReadiness());
}
