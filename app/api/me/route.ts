// GET /api/me – who is signed in, for a page served from the shared cache (the same HTML
// for everyone): its header asks once after load. Never cached.
import { meOf } from '@/lib/viewer/me';
import { getViewer } from '@/lib/viewer/viewer';

export async function GET() {
  return Response.json(meOf(await getViewer()), { headers: { 'Cache-Control': 'private, no-store' } });
}
