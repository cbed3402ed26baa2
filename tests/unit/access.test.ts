import { describe, expect, it } from 'vitest';
import { articleSourceFor, canSeeFull, episodeExtrasFor, publicTextOf, type ContentViewer } from '@/lib/content/access';
import { ANONYMOUS } from '@/lib/viewer/types';
import { getAllArticles } from '@/lib/content/articles';
import { getAllEpisodes } from '@/lib/podcast/episodes';
import { normalize, premiumOnlySentences, roughText } from '../helpers/content-text';

const MEMBER: ContentViewer = { entitled: true };
const articles = getAllArticles();
const episodes = getAllEpisodes();
const membersArticles = articles.filter((a) => a.access === 'members');
const publicArticles = articles.filter((a) => a.access === 'public');
const membersEpisodes = episodes.filter((e) => e.access === 'members');
const publicEpisodes = episodes.filter((e) => e.access === 'public');
const premium = premiumOnlySentences();

function sentencesFrom(source: string) {
  return premium.filter((p) => p.source === source);
}

describe('content gating fixtures', () => {
  it('has members-only and public items of both kinds, and premium-only sentences for each members-only item', () => {
    for (const list of [membersArticles, publicArticles, membersEpisodes, publicEpisodes]) expect(list.length).toBeGreaterThan(0);
    for (const a of membersArticles) expect(sentencesFrom(`article:${a.slug}`).length, a.slug).toBeGreaterThanOrEqual(10);
    for (const e of membersEpisodes) expect(sentencesFrom(`episode:${e.slug}`).length, e.slug).toBeGreaterThanOrEqual(5);
  });
});

describe('members-only articles', () => {
  it.each(membersArticles.map((a) => [a.slug, a] as const))('%s: the anonymous source stops at the preview', (_, article) => {
    const { source, isPreview } = articleSourceFor(article, ANONYMOUS);
    expect(isPreview).toBe(true);
    const visible = normalize(roughText(source));
    const leaked = sentencesFrom(`article:${article.slug}`).filter((p) => visible.includes(p.normalized));
    expect(leaked.map((p) => p.sentence)).toEqual([]);
    expect(source).not.toContain('PreviewEnds');
    // The preview itself is there: its first paragraph is visible.
    expect(source.trim().length).toBeGreaterThan(200);
  });

  it.each(membersArticles.map((a) => [a.slug, a] as const))('%s: publicTextOf holds no premium sentence', (_, article) => {
    const text = normalize(publicTextOf(article));
    const leaked = sentencesFrom(`article:${article.slug}`).filter((p) => text.includes(p.normalized));
    expect(leaked.map((p) => p.sentence)).toEqual([]);
    expect(text.length).toBeGreaterThan(200);
  });

  it.each(membersArticles.map((a) => [a.slug, a] as const))('%s: an entitled viewer gets the full text', (_, article) => {
    const { source, isPreview } = articleSourceFor(article, MEMBER);
    expect(isPreview).toBe(false);
    const visible = normalize(roughText(source));
    const sentences = sentencesFrom(`article:${article.slug}`);
    expect(sentences.filter((p) => !visible.includes(p.normalized)).map((p) => p.sentence)).toEqual([]);
    expect(source).toContain(articleSourceFor(article, ANONYMOUS).source.trim());
    expect(canSeeFull(article, MEMBER)).toBe(true);
    expect(canSeeFull(article, ANONYMOUS)).toBe(false);
  });

  it('does not let a caller widen ANONYMOUS into a member', () => {
    expect(Object.isFrozen(ANONYMOUS)).toBe(true);
    expect(() => {
      (ANONYMOUS as { entitled: boolean }).entitled = true;
    }).toThrow(TypeError);
    expect(ANONYMOUS.entitled).toBe(false);
  });
});

describe('public articles', () => {
  it('are whole for everyone, anonymous or not', () => {
    for (const a of publicArticles) {
      const anonymous = articleSourceFor(a, ANONYMOUS);
      expect(anonymous.isPreview, a.slug).toBe(false);
      expect(anonymous.source, a.slug).toBe(articleSourceFor(a, MEMBER).source);
      // The last paragraph of the file is in the public text.
      const paragraphs = roughText(a.source.preview).split(/\n\s*\n/).map(normalize).filter((p) => p.split(' ').length > 8);
      expect(normalize(publicTextOf(a)), a.slug).toContain(paragraphs.at(-1));
    }
  });
});

describe('episodes', () => {
  it.each(membersEpisodes.map((e) => [e.slug, e] as const))('%s: anonymous listeners get no audio and no transcript', (_, episode) => {
    const extras = episodeExtrasFor(episode, ANONYMOUS);
    expect(extras).toEqual({ audioPath: null, transcript: [], isTeaser: true });
    const text = normalize(publicTextOf(episode));
    const leaked = sentencesFrom(`episode:${episode.slug}`).filter((p) => text.includes(p.normalized));
    expect(leaked.map((p) => p.sentence)).toEqual([]);
    expect(text).not.toContain(normalize(episode.audio.localFile ?? 'no-local-file'));
    // Show notes are the public teaser and remain.
    expect(text.length).toBeGreaterThan(100);
  });

  it.each(membersEpisodes.map((e) => [e.slug, e] as const))('%s: members get the audio and the transcript', (_, episode) => {
    const extras = episodeExtrasFor(episode, MEMBER);
    expect(extras.isTeaser).toBe(false);
    expect(extras.audioPath).toBe(`/media/podcast/${episode.audio.localFile}`);
    expect(extras.transcript.length).toBeGreaterThan(0);
    const transcript = normalize(extras.transcript.map((l) => l.text).join(' '));
    for (const p of sentencesFrom(`episode:${episode.slug}`)) expect(transcript).toContain(p.normalized);
  });

  it('public episodes have audio and their transcript for everyone', () => {
    for (const e of publicEpisodes) {
      const extras = episodeExtrasFor(e, ANONYMOUS);
      expect(extras.isTeaser, e.slug).toBe(false);
      expect(extras.audioPath, e.slug).toMatch(/^\/media\/podcast\/[a-z0-9-]+\.mp3$/);
      expect(extras.transcript.length, e.slug).toBeGreaterThan(0);
      const last = extras.transcript.at(-1)!.text;
      expect(normalize(publicTextOf(e)), e.slug).toContain(normalize(last));
    }
  });
});
