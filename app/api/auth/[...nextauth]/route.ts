// /api/auth/* – Auth.js (sign-in callbacks, session, sign-out). It sees the request on
// SITE_URL's origin with any callbackUrl already made safe (lib/auth/auth-request.ts). Its
// POSTs also carry Auth.js's CSRF token; the Origin check refuses a forged form first.
import type { NextRequest } from 'next/server';
import { GET as authGet, POST as authPost } from '@/auth';
import { requestForAuthJs } from '@/lib/auth/auth-request';
import { refuseCrossOrigin } from '@/lib/http/origin';

// Auth.js's handlers are typed for a NextRequest but read only url, method, headers and body.
const forAuthJs = (request: NextRequest) => requestForAuthJs(request) as NextRequest;

export async function GET(request: NextRequest) {
  return authGet(forAuthJs(request));
}

export async function POST(request: NextRequest) {
  return refuseCrossOrigin(request) ?? authPost(forAuthJs(request));
}
