import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { getAuthors, type Author } from '@/lib/content/authors';
import { CONTENT_DIR, ContentError, loadCollection, memoizeInProduction } from '@/lib/content/load-collection';
import { episodeFrontmatterSchema, type Access, type TranscriptLine } from '@/lib/content/schema';
import { isProduction } from '@/lib/env';

export const AUDIO_DIR = path.join(CONTENT_DIR, 'podcast', 'audio');

export interface Episode {
  kind: 'episode';
  slug: string;
  url: string;
  file: string;
  title: string;
  description: string;
  number: number;
  season: number;
  published: Date;
  durationSeconds: number;
  audio: {
    length: number;
    type: string;
    /** Bare file name in content/podcast/audio/, or undefined for a remote URL. */
    localFile: string | undefined;
    remoteUrl: string | undefined;
  };
  youtube: string | undefined;
  author: Author;
  tags: string[];
  cover: { src: string; alt: string } | undefined;
  explicit: boolean;
  access: Access;
  /** A draft: listed only outside production, never emailed. */
  draft: boolean;
  /** Show notes (MDX): a teaser for members-only episodes, so always public. */
  showNotes: string;
  /** Members-only for members-only episodes: read through lib/content/access.ts. */
  transcript: TranscriptLine[];
}

const LOCAL_AUDIO = /^[a-z0-9][a-z0-9._-]*\.(mp3|m4a|mp4|aac|ogg|wav)$/;

function loadEpisodes(): Episode[] {
  const authors = getAuthors();
  const includeDrafts = !isProduction;
  const files = loadCollection('podcast', episodeFrontmatterSchema).filter((f) => includeDrafts || !f.data.draft);
  const seen = new Map<string, string>();

  const episodes = files.map(({ slug, file, data, body }): Episode => {
    const problems: string[] = [];
    const author = authors.get(data.author);
    if (!author) problems.push(`author: no author "${data.author}" in content/authors.json`);

    const key = `${data.season}:${data.number}`;
    if (seen.has(key)) problems.push(`number: season ${data.season} episode ${data.number} is also ${seen.get(key)}`);
    seen.set(key, file);

    let localFile: string | undefined;
    let remoteUrl: string | undefined;
    if (/^https:\/\//.test(data.audio.url)) {
      remoteUrl = data.audio.url;
      // Audio hosted elsewhere would be a public URL to a members-only file.
      if (data.access === 'members') problems.push('audio.url: a members-only episode needs its audio in content/podcast/audio/, where only members can fetch it');
    } else if (LOCAL_AUDIO.test(data.audio.url)) {
      localFile = data.audio.url;
      const onDisk = path.join(AUDIO_DIR, localFile);
      if (!fs.existsSync(onDisk)) {
        problems.push(`audio.url: ${localFile} is not in content/podcast/audio/`);
      } else if (fs.statSync(onDisk).size !== data.audio.length) {
        problems.push(`audio.length: ${data.audio.length} but ${localFile} is ${fs.statSync(onDisk).size} bytes`);
      }
    } else {
      problems.push('audio.url: must be a file name in content/podcast/audio/ (e.g. episode-1.mp3) or an https:// URL');
    }

    let previous = -1;
    for (const [i, line] of data.transcript.entries()) {
      if (line.at < previous) problems.push(`transcript.${i}.at: timestamps must not go backwards`);
      if (line.at > data.duration) problems.push(`transcript.${i}.at: after the end of the episode`);
      previous = line.at;
    }
    if (problems.length > 0) throw new ContentError(file, problems);

    return {
      kind: 'episode',
      slug,
      url: `/podcast/${slug}`,
      file,
      title: data.title,
      description: data.description,
      number: data.number,
      season: data.season,
      published: data.published,
      durationSeconds: data.duration,
      audio: { length: data.audio.length, type: data.audio.type, localFile, remoteUrl },
      youtube: data.youtube,
      author: author!,
      tags: data.tags,
      cover: data.cover,
      explicit: data.explicit,
      access: data.access,
      draft: data.draft,
      showNotes: body,
      transcript: data.transcript,
    };
  });
  return episodes.sort((a, b) => b.published.getTime() - a.published.getTime() || b.number - a.number);
}

/** All published episodes, newest first. */
export const getAllEpisodes = memoizeInProduction(loadEpisodes);

export const getEpisodeMap = memoizeInProduction(() => new Map(getAllEpisodes().map((e) => [e.slug, e])));

export function getEpisode(slug: string): Episode | undefined {
  return getEpisodeMap().get(slug);
}

export function getAdjacentEpisodes(episode: Episode): { previous?: Episode; next?: Episode } {
  const all = getAllEpisodes();
  const index = all.findIndex((e) => e.slug === episode.slug);
  return { next: index > 0 ? all[index - 1] : undefined, previous: all[index + 1] };
}

/** The episode whose audio is this local file, if any. */
export function getEpisodeByAudioFile(fileName: string): Episode | undefined {
  return getAllEpisodes().find((e) => e.audio.localFile === fileName);
}

export function formatDuration(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** "hh:mm:ss" as podcast feeds expect. */
export function formatFeedDuration(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}
