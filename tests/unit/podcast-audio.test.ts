import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentViewer } from '@/lib/content/access';
import { ANONYMOUS } from '@/lib/viewer/types';
import { servePodcastAudio } from '@/lib/podcast/audio';
import { CONTENT_ROOT, isMembers, rawEpisodes } from '../helpers/content-text';

const AUDIO = path.join(CONTENT_ROOT, 'podcast', 'audio');
const audioOf = (e: ReturnType<typeof rawEpisodes>[number]) => (e.data.audio as { url: string }).url;
const publicEpisode = rawEpisodes().find((e) => !isMembers(e))!;
const publicFile = audioOf(publicEpisode);
const membersFile = audioOf(rawEpisodes().find(isMembers)!);
const request = (fileName: string, init: RequestInit = {}) => new Request(`http://localhost/media/podcast/${encodeURIComponent(fileName)}`, init);
const anonymous = async (): Promise<ContentViewer> => ANONYMOUS;
const entitled = async (): Promise<ContentViewer> => ({ entitled: true });
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('servePodcastAudio', () => {
  it('serves a public episode file whole', async () => {
    const response = await servePodcastAudio(request(publicFile), publicFile, anonymous);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe((publicEpisode.data.audio as { type: string }).type);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect((await bytesOf(response)).equals(fs.readFileSync(path.join(AUDIO, publicFile)))).toBe(true);
  });

  it('serves a byte range of a public episode with 206', async () => {
    const response = await servePodcastAudio(request(publicFile, { headers: { Range: 'bytes=1000-1999' } }), publicFile, anonymous);
    expect(response.status).toBe(206);
    const size = fs.statSync(path.join(AUDIO, publicFile)).size;
    expect(response.headers.get('content-range')).toBe(`bytes 1000-1999/${size}`);
    expect((await bytesOf(response)).equals(fs.readFileSync(path.join(AUDIO, publicFile)).subarray(1000, 2000))).toBe(true);
  });

  it('answers HEAD with the size and no body', async () => {
    const response = await servePodcastAudio(request(publicFile, { method: 'HEAD' }), publicFile, anonymous);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(fs.statSync(path.join(AUDIO, publicFile)).size));
    expect((await bytesOf(response)).length).toBe(0);
  });

  it('refuses a members-only episode with 403 for anonymous listeners, with or without a Range header', async () => {
    expect(fs.existsSync(path.join(AUDIO, membersFile))).toBe(true);
    for (const init of [{}, { headers: { Range: 'bytes=0-' } }, { headers: { Range: 'bytes=-100' } }, { method: 'HEAD' }]) {
      const response = await servePodcastAudio(request(membersFile, init), membersFile, anonymous);
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).not.toMatch(/^audio\//);
      expect(response.headers.has('content-range')).toBe(false);
      expect((await bytesOf(response)).length).toBeLessThan(200);
    }
  });

  it('does not ask who is listening for a public episode (no database query for public audio)', async () => {
    let asked = 0;
    const response = await servePodcastAudio(request(publicFile), publicFile, async () => {
      asked++;
      return ANONYMOUS;
    });
    expect(response.status).toBe(200);
    await bytesOf(response);
    expect(asked).toBe(0);
  });

  it('keeps members-only audio out of shared caches, and public audio cacheable', async () => {
    const members = await servePodcastAudio(request(membersFile, { method: 'HEAD' }), membersFile, entitled);
    expect(members.headers.get('cache-control')).toMatch(/^private/);
    const open = await servePodcastAudio(request(publicFile, { method: 'HEAD' }), publicFile, anonymous);
    expect(open.headers.get('cache-control')).toMatch(/^public/);
  });

  it("serves the public feed's members-only trailer audio to anyone, cacheable", async () => {
    const response = await servePodcastAudio(request('members-only-teaser.mp3', { headers: { Range: 'bytes=0-99' } }), 'members-only-teaser.mp3', anonymous);
    expect(response.status).toBe(206);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(response.headers.get('cache-control')).toMatch(/^public/);
    expect((await bytesOf(response)).length).toBe(100);
  });

  it('serves a members-only episode to an entitled listener', async () => {
    const response = await servePodcastAudio(request(membersFile), membersFile, entitled);
    expect(response.status).toBe(200);
    expect((await bytesOf(response)).equals(fs.readFileSync(path.join(AUDIO, membersFile)))).toBe(true);
  });

  it.each([
    ['no-such-episode.mp3'],
    ['../package.json'],
    ['..%2Fpackage.json'],
    ['..%2F..%2Fpackage.json'],
    ['.env'],
    ['../../.env'],
    ['/etc/passwd'],
    ['audio/../../package.json'],
    [`${'x'.repeat(300)}.mp3`],
    [''],
  ])('answers 404 for %j', async (name) => {
    const response = await servePodcastAudio(new Request('http://localhost/media/podcast/x'), name, entitled);
    expect(response.status).toBe(404);
    expect((await bytesOf(response)).toString('utf8')).not.toContain('"name"');
  });

  it('answers 404 for a members-only file reached through a different spelling', async () => {
    for (const name of [membersFile.toUpperCase(), `./${membersFile}`, `${membersFile}/`, `${membersFile}%00.mp3`]) {
      const response = await servePodcastAudio(request(name), name, entitled);
      expect(response.status, name).toBe(404);
      await bytesOf(response);
    }
  });
});
