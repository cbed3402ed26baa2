// POST /sign-in/link/continue – the magic link's "Sign in" button. A plain form POST
// (scanners that follow links never send one) answered with 303 to Auth.js's callback,
// which the browser then opens as a normal navigation, receiving the session cookie.
// Only from this site's own page: a form elsewhere must not sign a visitor in to an
// account of the forger's choosing (login CSRF).
import { safeMagicLinkTarget } from '@/lib/auth/magic-link';
import { refuseCrossOrigin } from '@/lib/http/origin';

export async function POST(request: Request) {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const form = await request.formData().catch(() => null);
  const next = form?.get('next');
  const target = safeMagicLinkTarget(typeof next === 'string' ? next : undefined);
  const location = target ?? '/sign-in?error=Verification';
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}
