// GET/HEAD /media/programme/<phase>/<file>?u=&e=&s= – a programme video or poster, with
// byte ranges so seeking works, for the entitled member the signed link was made for.
import { getViewer } from '@/lib/viewer/viewer';
import { programmeMediaPath } from '@/lib/content/programme';
import { serveFile } from '@/lib/media/serve-file';
import { checkMediaLink } from '@/lib/programme/media-urls';

type Context = { params: Promise<{ phase: string; file: string }> };

const refuse = (status: 403 | 404, message: string) =>
  new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

const CONTENT_TYPES: Record<string, string> = { mp4: 'video/mp4', webm: 'video/webm', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', svg: 'image/svg+xml' };

async function serve(request: Request, { params }: Context): Promise<Response> {
  const { phase, file } = await params;
  const filePath = programmeMediaPath(phase, file);
  if (!filePath) return refuse(404, 'Not found');
  const url = new URL(request.url);
  const link = checkMediaLink(`/media/programme/${encodeURIComponent(phase)}/${encodeURIComponent(file)}`, url.searchParams);
  if (!link.ok) return refuse(403, link.reason === 'expired' ? 'This video link has expired. Reload the session page for a new one.' : 'This video link is not valid.');
  const { user, entitled } = await getViewer();
  // A copied link does not work for anyone else, signed in or not.
  if (!user || user.id !== link.userId) return refuse(403, 'This video link belongs to another member.');
  if (!entitled) return refuse(403, 'Programme videos are for members.');
  const extension = file.split('.').pop()?.toLowerCase() ?? '';
  return serveFile(request, filePath, { contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', cacheControl: 'private, max-age=600' });
}

export const GET = serve;
export const HEAD = serve;
