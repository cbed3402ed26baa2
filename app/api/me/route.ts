// GET /api/me – who is signed in, for the header of prerendered pages. Never cached.
import { cleanDisplayName } from '@/lib/auth/display-name';
import { getCurrentUser } from '@/lib/auth/current-user';
import { getEntitlements } from '@/lib/billing/entitlements';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  const body = user
    ? { signedIn: true, id: user.id, name: cleanDisplayName(user.name) || user.email, role: user.role, entitled: (await getEntitlements(user.id)).premium }
    : { signedIn: false };
  return Response.json(body, { headers: { 'Cache-Control': 'private, no-store' } });
}
