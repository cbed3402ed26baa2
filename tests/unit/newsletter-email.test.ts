// The newsletter email, for every article and episode and both audiences: no sentence only
// members may read (the email channel of the premium-leak checks), the preview's opening
// there as the control, and the call to action that fits the audience.
import { describe, expect, it } from 'vitest';
import { getAllArticles } from '@/lib/content/articles';
import { getAllEpisodes } from '@/lib/podcast/episodes';
import { AUDIENCES, renderNewsletter, TOKEN_PLACEHOLDER } from '@/lib/newsletters/email';
import { normalize, premiumOnlySentences, rawArticles, roughText, sentencesOf, splitAtMarker } from '../helpers/content-text';

const items = [...getAllArticles(), ...getAllEpisodes()];
const premium = premiumOnlySentences();

describe('newsletter emails', () => {
  it.each(items.flatMap((item) => AUDIENCES.map((audience) => [`${item.kind}:${item.slug}`, audience, item] as const)))('%s for a %s', (source, audience, item) => {
    const email = renderNewsletter(item, item.title, audience);
    const body = normalize(`${email.text} ${email.html}`);
    expect(premium.filter((s) => s.source === source && body.includes(s.normalized)).map((s) => s.sentence)).toEqual([]);
    const locked = item.access === 'members' && audience === 'non-member';
    expect(email.text.includes('Become a member:')).toBe(locked);
    expect(email.text.includes('Read it now:')).toBe(!locked);
    expect(email.text).toContain(`newsletters/unsubscribe?token=${TOKEN_PLACEHOLDER}`);
    expect(email.listUnsubscribeUrl).toContain(`/api/newsletters/unsubscribe?token=${TOKEN_PLACEHOLDER}`);
    if (item.kind === 'article') {
      const raw = rawArticles().find((a) => a.slug === item.slug)!;
      const opening = sentencesOf(roughText(splitAtMarker(raw.body).preview)).map(normalize).find((s) => s.split(' ').length >= 6);
      expect(body).toContain(opening);
    }
  });
});
