// Checks that only previews of members-only articles reach someone who is not entitled,
// on every channel the text could travel through, with the cookies of the given request
// context. What counts as premium text comes from tests/helpers/content-text (content/
// read straight from disk), normalized so markup, entities and escapes cannot hide a leak.
import { expect, type APIRequestContext } from '@playwright/test';
import { isMembers, normalize, premiumOnlySentences, rawArticles, roughText, sentencesOf, splitAtMarker } from '../tests/helpers/content-text';

export async function expectOnlyPreviews(request: APIRequestContext) {
  const articles = rawArticles().filter(isMembers);
  expect(articles.length).toBeGreaterThan(0);
  const premium = premiumOnlySentences();
  const feeds = await Promise.all(['/feed.xml', '/podcast/feed.xml', '/sitemap.xml'].map(async (p) => normalize(await (await request.get(p)).text())));
  for (const article of articles) {
    const hidden = premium.filter((s) => s.source === `article:${article.slug}`);
    expect(hidden.length, `${article.slug} has premium sentences to look for`).toBeGreaterThan(0);
    const html = normalize(await (await request.get(`/articles/${article.slug}`)).text());
    const rsc = normalize(await (await request.get(`/articles/${article.slug}`, { headers: { RSC: '1' } })).text());
    // Only the results list: the search page repeats the query itself.
    const query = hidden[0].sentence.split(' ').slice(0, 6).join(' ');
    const searchPage = await (await request.get(`/search?q=${encodeURIComponent(query)}`)).text();
    const search = normalize(/<ol[^>]*data-testid="search-results"[^>]*>([\s\S]*?)<\/ol>/.exec(searchPage)?.[1] ?? '');
    // The control: the preview is served, so a missing sentence means gating, not a bad fetch.
    const preview = sentencesOf(roughText(splitAtMarker(article.body).preview)).map(normalize).find((s) => s.split(' ').length >= 6);
    expect(html, `${article.slug} preview in the page`).toContain(preview);
    for (const [channel, text] of [['page', html], ['RSC payload', rsc], ['search results', search], ...feeds.map((f, i) => [`feed ${i}`, f])]) {
      const leaked = hidden.filter((s) => text.includes(s.normalized)).map((s) => s.sentence);
      expect(leaked, `${article.slug}: premium sentences in the ${channel}`).toEqual([]);
    }
  }
}

/**
 * The email channel: an email about a members-only article (its text and HTML versions)
 * carries the article's public preview and none of its members' sentences, whoever it is for.
 */
export function expectOnlyPreviewInEmail(slug: string, email: string) {
  const article = rawArticles().find((a) => a.slug === slug);
  expect(article && isMembers(article), `${slug} is a members-only article`).toBe(true);
  const hidden = premiumOnlySentences().filter((s) => s.source === `article:${slug}`);
  expect(hidden.length, `${slug} has premium sentences to look for`).toBeGreaterThan(0);
  const text = normalize(email);
  // The control: the opening of the preview is there, so a missing sentence means gating.
  const opening = sentencesOf(roughText(splitAtMarker(article!.body).preview)).map(normalize).find((s) => s.split(' ').length >= 6);
  expect(text, `${slug} preview in the email`).toContain(opening);
  expect(hidden.filter((s) => text.includes(s.normalized)).map((s) => s.sentence), `${slug}: premium sentences in the email`).toEqual([]);
}
