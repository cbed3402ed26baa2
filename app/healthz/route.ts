// GET /healthz – the process is alive and serving (no database touched): for liveness
// probes. Never cached, never rate-limited, nothing about the configuration in it.
import { connection } from 'next/server';
import { livenessResponse } from '@/lib/health/readiness';

export async function GET() {
  // Answered per request, never prerendered at build time.
  await connection();
  return livenessResponse(process.uptime());
}
