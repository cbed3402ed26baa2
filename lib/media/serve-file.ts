// Serves a file from disk with the HTTP semantics media players and podcast apps rely
// on: HEAD, single byte ranges (206/416), ETag and Last-Modified revalidation.
import 'server-only';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { MEDIA_LENGTH_HEADER } from './content-length';

export type ByteRange = { start: number; end: number };

/** Parses one "bytes=" range against a file size. null: no usable range; 'unsatisfiable': 416. */
export function parseRange(header: string | null, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Multiple ranges or other units: serve the whole file, which RFC 9110 allows.
  if (!match) return null;
  const [, startText, endText] = match;
  if (startText === '' && endText === '') return null;
  if (startText === '') {
    const suffix = Number(endText);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(startText);
  const end = endText === '' ? size - 1 : Math.min(Number(endText), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/** If-None-Match: "*", or a list of tags compared weakly (RFC 9110 §13.1.2). */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export async function serveFile(
  request: Request,
  filePath: string,
  options: { contentType: string; cacheControl: string },
): Promise<Response> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(filePath);
    if (!stat.isFile()) throw new Error('not a file');
  } catch {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = new Headers({
    'Content-Type': options.contentType,
    'Accept-Ranges': 'bytes',
    'Cache-Control': options.cacheControl,
    ETag: etag,
    // Node rounds stat.mtime to the nearest millisecond, which can carry it into the next second;
    // floor mtimeMs so Last-Modified is the second the file was really written, like the ETag.
    'Last-Modified': new Date(Math.floor(stat.mtimeMs)).toUTCString(),
  });

  if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });

  // If-Range: only honour the range when the client still has this exact version.
  const ifRange = request.headers.get('if-range');
  const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.get('range'), stat.size);
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${stat.size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: stat.size - 1 };
  headers.set('Content-Length', String(end - start + 1));
  headers.set(MEDIA_LENGTH_HEADER, String(end - start + 1));
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${stat.size}`);
  const status = range ? 206 : 200;
  if (request.method === 'HEAD' || stat.size === 0) return new Response(null, { status, headers });

  const stream = Readable.toWeb(fs.createReadStream(filePath, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status, headers });
}
