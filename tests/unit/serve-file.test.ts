import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, serveFile } from '@/lib/media/serve-file';

describe('parseRange', () => {
  const size = 1000;

  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-50', { start: 950, end: 999 }],
    ['bytes=0-0', { start: 0, end: 0 }],
    ['bytes=999-999', { start: 999, end: 999 }],
    ['bytes=500-5000', { start: 500, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    [' bytes=10-19 ', { start: 10, end: 19 }],
  ])('%s is a single range', (header, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });

  it.each([['bytes=-0'], ['bytes=1000-'], ['bytes=1000-1001'], ['bytes=5000-6000']])('%s is unsatisfiable', (header) => {
    expect(parseRange(header, size)).toBe('unsatisfiable');
  });

  it.each([
    [null],
    [''],
    ['bytes=0-10,20-30'],
    ['bytes=0-10, 20-30'],
    ['bytes=-'],
    ['bytes=abc-def'],
    ['bytes=1.5-2'],
    ['items=0-10'],
    ['garbage'],
    ['bytes 0-10'],
  ])('%s is no usable range (serve the whole file)', (header) => {
    expect(parseRange(header, size)).toBeNull();
  });

  it('never starts a range past the last byte of a small file', () => {
    expect(parseRange('bytes=0-', 1)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=1-', 1)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
  });
});

describe('serveFile', () => {
  let dir: string;
  let file: string;
  let content: Buffer;
  const options = { contentType: 'audio/mpeg', cacheControl: 'public, max-age=60' };
  const url = 'http://localhost/media/test.mp3';
  const get = (headers: Record<string, string> = {}, method = 'GET') => serveFile(new Request(url, { method, headers }), file, options);
  const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-file-'));
    file = path.join(dir, 'test.mp3');
    content = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7 + (i >> 8)) % 256));
    fs.writeFileSync(file, content);
    // A modification time just short of a whole second: Node's stat.mtime rounds it up into the next second.
    fs.utimesSync(file, 1_700_000_000, 1_700_000_000.9996);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves the whole file with 200 and the headers players need', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(response.headers.get('content-length')).toBe('5000');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(response.headers.get('last-modified')).toBe(new Date(1_700_000_000_000).toUTCString());
    expect(response.headers.has('content-range')).toBe(false);
    expect((await bytesOf(response)).equals(content)).toBe(true);
  });

  it('serves a byte range with 206, the exact bytes and Content-Range', async () => {
    const response = await get({ Range: 'bytes=100-1099' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 100-1099/5000');
    expect(response.headers.get('content-length')).toBe('1000');
    expect((await bytesOf(response)).equals(content.subarray(100, 1100))).toBe(true);
  });

  it('serves an open-ended range and a suffix range', async () => {
    const open = await get({ Range: 'bytes=4990-' });
    expect(open.status).toBe(206);
    expect(open.headers.get('content-range')).toBe('bytes 4990-4999/5000');
    expect((await bytesOf(open)).equals(content.subarray(4990))).toBe(true);

    const suffix = await get({ Range: 'bytes=-1' });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe('bytes 4999-4999/5000');
    expect((await bytesOf(suffix)).equals(content.subarray(4999))).toBe(true);
  });

  it('clamps a range that runs past the end', async () => {
    const response = await get({ Range: 'bytes=4000-999999' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 4000-4999/5000');
    expect(response.headers.get('content-length')).toBe('1000');
    expect((await bytesOf(response)).equals(content.subarray(4000))).toBe(true);
  });

  it('answers an unsatisfiable range with 416 and bytes */size', async () => {
    const response = await get({ Range: 'bytes=5000-' });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */5000');
    expect((await bytesOf(response)).length).toBe(0);
  });

  it('serves the whole file for multiple ranges', async () => {
    const response = await get({ Range: 'bytes=0-1,10-11' });
    expect(response.status).toBe(200);
    expect((await bytesOf(response)).equals(content)).toBe(true);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const full = await get({}, 'HEAD');
    expect(full.status).toBe(200);
    expect(full.headers.get('content-length')).toBe('5000');
    expect(full.headers.get('etag')).toBe((await get()).headers.get('etag'));
    expect((await bytesOf(full)).length).toBe(0);

    const partial = await get({ Range: 'bytes=0-9' }, 'HEAD');
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe('bytes 0-9/5000');
    expect(partial.headers.get('content-length')).toBe('10');
    expect((await bytesOf(partial)).length).toBe(0);
  });

  it('answers a matching If-None-Match with 304 and no body, and a stale one with 200', async () => {
    const etag = (await get()).headers.get('etag')!;
    const notModified = await get({ 'If-None-Match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag);
    expect((await bytesOf(notModified)).length).toBe(0);

    const stale = await get({ 'If-None-Match': '"something-else"' });
    expect(stale.status).toBe(200);
    expect((await bytesOf(stale)).equals(content)).toBe(true);
  });

  it('honours If-Range only when it names the current version', async () => {
    const etag = (await get()).headers.get('etag')!;
    const current = await get({ Range: 'bytes=0-9', 'If-Range': etag });
    expect(current.status).toBe(206);
    expect((await bytesOf(current)).equals(content.subarray(0, 10))).toBe(true);

    const changed = await get({ Range: 'bytes=0-9', 'If-Range': '"an-old-version"' });
    expect(changed.status).toBe(200);
    expect(changed.headers.has('content-range')).toBe(false);
    expect((await bytesOf(changed)).equals(content)).toBe(true);
  });

  it('changes the ETag when the file changes', async () => {
    const other = path.join(dir, 'other.mp3');
    fs.writeFileSync(other, content.subarray(0, 4000));
    const a = await serveFile(new Request(url), other, options);
    fs.writeFileSync(other, content.subarray(0, 4500));
    const b = await serveFile(new Request(url), other, options);
    expect(b.headers.get('etag')).not.toBe(a.headers.get('etag'));
    await a.arrayBuffer();
    await b.arrayBuffer();
  });

  it('answers 404 for a missing file and for a directory', async () => {
    const missing = await serveFile(new Request(url), path.join(dir, 'missing.mp3'), options);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).not.toBe('audio/mpeg');
    expect((await serveFile(new Request(url), dir, options)).status).toBe(404);
  });

  it('serves an empty file as an empty 200', async () => {
    const empty = path.join(dir, 'empty.mp3');
    fs.writeFileSync(empty, '');
    const response = await serveFile(new Request(url), empty, options);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('0');
    expect((await bytesOf(response)).length).toBe(0);
  });
});
