// GET /api/comments – parts of a thread a page asks for after loading (lib/comments/thread-parts.ts).
import { serveThreadPart } from '@/lib/comments/thread-parts';

export function GET(request: Request) {
  return serveThreadPart(request);
}
