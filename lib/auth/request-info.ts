// The client's IP for per-IP rate limits: the first X-Forwarded-For entry (set by the
// load balancer or proxy in front of the app), else X-Real-IP. Without either, all
// requests share one bucket and the per-email limits do the protecting.
import 'server-only';
import { headers } from 'next/headers';

export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || h.get('x-real-ip') || 'unknown';
}
