import { extractArticle } from '@sitrep/extract/extract-article';
import type { RawArticle } from '@sitrep/extract/read';
import { describe, expect, it } from 'vitest';

/**
 * An article that prints no date of its own but tells an old date as past ("18 years after the
 * invasion of October 7, 2001") is from that day or later — a bound, which no relative day of
 * the article may be read from. Invented text.
 */
const text = `Two soldiers killed in helicopter crash

Two soldiers were killed when their helicopter crashed in Helmand province, the army said on Wednesday.

About 9,000 foreign troops remain in the country, 18 years after the invasion that began on October 7, 2001.

A roadside bomb killed three police officers in Kandahar on December 18, officials said.
`;

const raw: RawArticle = {
  text,
  bodyStart: 0,
  origin: { path: 'undated.txt' },
  meta: { headline: null, outlet: null, publishedAt: null, url: null, language: null },
  hints: { publishedAt: null, location: null, label: null },
};

describe('a full date in the body of an undated article', () => {
  it('is a publication date inferred with low confidence, and says it is a bound', () => {
    const { publishedAt } = extractArticle(raw);
    expect(publishedAt).toMatchObject({ date: '2001-10-07', basis: 'body' });
    expect(publishedAt.confidence).toBeLessThan(0.5);
    expect(publishedAt.reason).toContain('from that day or later');
  });

  it('dates no relative day ("on Wednesday") and no day without a year ("December 18") from it', () => {
    const { events } = extractArticle(raw);
    expect(events.length).toBe(2);
    for (const e of events) expect(e.occurred).toMatchObject({ start: null, precision: 'unknown' });
  });
});
