// GET /api/me – who is signed in, for the header of prerendered pages. Never cached.
import { cleanDisplayName } from '@/lib/auth/display-name';
import { getViewer } from '@/lib/viewer/viewer';

export const dynamic = 'force-dynamic';

export async function GET() {
  const { user, entitled } = await getViewer();
  const body = user
    ? { signedIn: true, id: user.id, name: cleanDisplayName(user.name) || user.email, role: user.role, entitled }
    : { signedIn: false };
  return Response.json(body, { headers: { 'Cache-Control': 'private, no-store' } });
}
