// The member's ratings chart (components/programme/progress-views.tsx): it shows from the
// first rated session on, and says so plainly when nothing is rated yet.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RatingsChart } from '@/components/programme/progress-views';
import type { CompletionRow } from '@/lib/programme/store';

let n = 0;
const completion = (effort: number | null, pain: number | null): CompletionRow => {
  n++;
  return { id: `c${n}`, phaseSlug: 'phase-one', sessionSlug: 's', completedAt: new Date(Date.UTC(2026, 10, n)), note: null, effort, pain };
};
const chart = (completions: CompletionRow[]) => renderToStaticMarkup(createElement(RatingsChart, { completions }));

describe('the ratings chart', () => {
  it('appears with the first rated session: one dot for effort, one for pain, and the numbers in its table', () => {
    const html = chart([completion(null, null), completion(6, 2)]);
    expect(html).toContain('data-testid="ratings-chart"');
    expect(html.match(/<circle /g)).toHaveLength(1);
    expect(html.match(/<rect /g)).toHaveLength(1);
    expect(html).not.toContain('NaN');
    expect(html).toMatch(/<td>6<\/td><td>2<\/td>/);
  });

  it('draws lines through several ratings, leaving unrated ones out', () => {
    const html = chart([completion(4, 5), completion(null, 4), completion(6, null)]);
    expect(html.match(/<circle /g)).toHaveLength(2);
    expect(html.match(/<rect /g)).toHaveLength(2);
    expect(html).not.toContain('NaN');
  });

  it('says nothing is rated yet when nothing is', () => {
    const html = chart([completion(null, null)]);
    expect(html).not.toContain('ratings-chart');
    expect(html).toContain('No ratings yet');
  });
});
