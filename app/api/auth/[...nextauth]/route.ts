// /api/auth/* – Auth.js (sign-in callbacks, session, sign-out). Its POSTs also carry
// Auth.js's CSRF token; the Origin check refuses a forged form before Auth.js reads it.
import { GET, POST as authPost } from '@/auth';
import { refuseCrossOrigin } from '@/lib/http/origin';
import type { NextRequest } from 'next/server';

export { GET };

export async function POST(request: NextRequest) {
  return refuseCrossOrigin(request) ?? authPost(request);
}
