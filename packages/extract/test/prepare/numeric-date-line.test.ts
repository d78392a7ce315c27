import { prepareDocument } from '@sitrep/extract/prepare';
import type { RawArticle } from '@sitrep/extract/read';
import { describe, expect, it } from 'vitest';

/**
 * A date line with a two-digit year under the headline, as newsletters print it ("24/09/20"):
 * never the headline, and read as a date only when the body rules out its other readings.
 * The articles are invented, in the shape such a newsletter has.
 */
function raw(text: string): RawArticle {
  return {
    text,
    bodyStart: 0,
    origin: { path: 'newsletter.txt' },
    meta: { headline: null, outlet: null, publishedAt: null, url: null, language: null },
    hints: { publishedAt: null, location: null, label: null },
  };
}

const article = (title: string, dateLine: string, body: string) =>
  prepareDocument(raw(`${title}\n\n${dateLine}\n\nSUDAN\n\n${body}\n`)).article;

describe('a numeric date line under the headline', () => {
  it('is the date line, not the headline, and the short title above it is the headline', () => {
    const a = article(
      'Siege Tightens',
      '24/05/14',
      'Paramilitary fighters shelled the city on Monday, killing nine people, the army said. The war began in 2023.',
    );
    expect(a.headline).toBe('Siege Tightens');
    expect(a.kicker).toBeNull();
    expect(a.dateline).toBe('24/05/14');
    expect(a.paragraphs.map((p) => p.text)).not.toContain('24/05/14');
  });

  it('takes the one reading a past year in the body allows, and says why', () => {
    // 2024-05-14 or 24 May 2014: the war that "began in 2023" rules out 2014
    const a = article(
      'Siege Tightens',
      '24/05/14',
      'Paramilitary fighters shelled the city on Monday, killing nine people, the army said. The war began in 2023.',
    );
    expect(a.publishedAt.date).toBe('2024-05-14');
    expect(a.publishedAt.basis).toBe('dateline');
    expect(a.publishedAt.reason).toContain('year/month/day');
    expect(a.publishedAt.reason).toContain('in 2023');
  });

  it('leaves the date unknown when the body allows more than one reading', () => {
    // 2024-05-14 or 24 May 2014, and the body names no year: either could be right
    const a = article(
      'Siege Tightens',
      '24/05/14',
      'Paramilitary fighters shelled the city, killing nine people.',
    );
    expect(a.publishedAt.date).toBeNull();
    expect(a.publishedAt.reason).toContain('2024-05-14 (year/month/day) or 2014-05-24 (day/month/year)');
  });

  it('reads a line with only one valid reading without the body', () => {
    // 05/31/24: 31 is no month, so neither year/month/day nor day/month/year reads it: only May 31, 2024
    const a = article('Talks Stall', '05/31/24', 'Mediators met both delegations.');
    expect(a.publishedAt.date).toBe('2024-05-31');
    expect(a.publishedAt.confidence).toBeGreaterThan(0.8);
    expect(a.publishedAt.reason).toContain('month/day/year');
  });

  it('does not let a future year ("by 2030") or a year told as planned rule a reading out', () => {
    const a = article(
      'Aid Plan',
      '24/05/14',
      'Donors pledged to rebuild the clinics by 2030. Elections will be held in 2027, officials said.',
    );
    expect(a.publishedAt.date).toBeNull();
  });

  it('is not a date line inside a sentence or with a four-digit year that was already read', () => {
    expect(
      article('Siege Tightens', 'Reported 24/05/14 by our desk.', 'Fighters shelled the city.').dateline,
    ).toBeNull();
    expect(article('Siege Tightens', '14/05/2024', 'Fighters shelled the city.').publishedAt.date).toBe(
      '2024-05-14',
    );
  });
});
