import type { PublishedAt } from '@sitrep/schema/article';
import type { Claim } from '@sitrep/schema/claim';
import { describe, expect, it } from 'vitest';
import { type DatedArticle, inferDatesFromQuotes } from '../src/infer-dates-from-quotes.ts';

// Seed 000 has no date line; seed 002 quotes the same Jabha Shamiya spokesman and is dated
// 9 December 2016 by its text. The quotes below are the seeds' own words, punctuation included.
const QUOTE_000 = 'Helicopters, warplanes and rocket bombardment like every day. Nothing has changed,';
const QUOTE_002 = 'Helicopters, warplanes, and rocket bombardment like every day. Nothing has changed.';

function article(id: string, publishedAt: Partial<PublishedAt>, quotes: string[]): DatedArticle {
  return {
    id,
    publishedAt: {
      date: null,
      precision: 'unknown',
      basis: 'unknown',
      confidence: 0,
      reason: 'no date',
      evidence: null,
      ...publishedAt,
    },
    claims: quotes.map(
      (text, i): Claim => ({
        id: `clm_${id.slice(4, 19)}${i}`,
        articleId: id,
        kind: 'quote',
        speaker: null,
        via: [],
        verb: 'told',
        stance: 'assert',
        text,
        sentence: text,
        span: { start: 0, end: text.length },
        saidOn: null,
        quantities: [],
      }),
    ),
  };
}

const dated002 = article(
  'art_128d923c1ed1c91d',
  { date: '2016-12-09', precision: 'day', basis: 'body', confidence: 0.8, reason: null },
  [QUOTE_002],
);
const undated000 = article('art_ea18342763ee7f17', {}, [QUOTE_000]);

describe('cross-article date inference', () => {
  it('dates seed 000 from the quote it shares with seed 002, with basis cluster and lower confidence', () => {
    const [inferred, ...rest] = inferDatesFromQuotes([undated000, dated002]);
    expect(rest).toEqual([]);
    expect(inferred?.articleId).toBe(undated000.id);
    expect(inferred?.donorArticleId).toBe(dated002.id);
    expect(inferred?.publishedAt).toMatchObject({
      date: '2016-12-09',
      precision: 'day',
      basis: 'cluster',
      confidence: 0.48,
    });
    expect(inferred?.publishedAt.reason).toContain('art_128d923c1ed1c91d');
  });

  it.each([
    [
      'donors disagree on the day',
      [
        undated000,
        dated002,
        article(
          'art_ffffffffffffffff',
          { date: '2016-12-10', precision: 'day', basis: 'metadata', confidence: 1, reason: null },
          [QUOTE_002],
        ),
      ],
    ],
    [
      'the donor is weak itself',
      [
        undated000,
        article(
          'art_128d923c1ed1c91d',
          { date: '2016-12-09', precision: 'day', basis: 'weekday', confidence: 0.3, reason: null },
          [QUOTE_002],
        ),
      ],
    ],
    [
      'the donor borrowed its own date',
      [
        undated000,
        article(
          'art_128d923c1ed1c91d',
          { date: '2016-12-09', precision: 'day', basis: 'cluster', confidence: 0.9, reason: null },
          [QUOTE_002],
        ),
      ],
    ],
    [
      'the recipient’s own month excludes the day',
      [
        article(
          'art_ea18342763ee7f17',
          { date: '2016-10-01', precision: 'month', basis: 'body', confidence: 0.4, reason: null },
          [QUOTE_000],
        ),
        dated002,
      ],
    ],
    [
      'the shared words are too few',
      [
        article('art_ea18342763ee7f17', {}, ['Nothing has changed']),
        article('art_128d923c1ed1c91d', dated002.publishedAt, ['Nothing has changed']),
      ],
    ],
  ])('infers nothing when %s', (_name, articles) => {
    expect(inferDatesFromQuotes(articles)).toEqual([]);
  });

  it('refines a month-precise date to the donor’s day', () => {
    const monthOnly = article(
      'art_ea18342763ee7f17',
      { date: '2016-12-01', precision: 'month', basis: 'body', confidence: 0.6, reason: null },
      [QUOTE_000],
    );
    expect(inferDatesFromQuotes([monthOnly, dated002])[0]?.publishedAt.date).toBe('2016-12-09');
  });
});
