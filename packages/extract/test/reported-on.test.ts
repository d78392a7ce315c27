import type { Article, PublishedAt } from '@sitrep/schema/article';
import { Event } from '@sitrep/schema/event';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../src/analyse/analyse-document.ts';
import { plainSentences } from './plain-sentences.ts';

const tuesday = '2017-04-04';

function published(basis: PublishedAt['basis'], date: string | null = tuesday): PublishedAt {
  return {
    date,
    precision: date === null ? 'unknown' : 'day',
    basis: date === null ? 'unknown' : basis,
    confidence: basis === 'metadata' ? 1 : 0.4,
    reason: date === null ? 'no date in the text' : null,
    evidence: null,
  };
}

function article(publishedAt: PublishedAt): Article {
  return {
    id: 'art_0000000000000002',
    headline: 'Test',
    kicker: null,
    standfirst: null,
    byline: null,
    dateline: null,
    outlet: null,
    url: null,
    credits: [],
    publishedAt,
    captions: [],
    paragraphs: [],
    language: 'en',
    wordCount: 0,
    contentHash: '0'.repeat(64),
    origin: {},
    hints: { publishedAt: null, location: null, label: null },
    extractorVersion: null,
  };
}

function occurred(sentence: string, publishedAt: PublishedAt): Event['occurred'] {
  const sentences = plainSentences([sentence]);
  const [event] = analyseDocument({ article: article(publishedAt), original: sentence, sentences }).events;
  if (!event) throw new Error(`no event in: ${sentence}`);
  Event.parse(event); // a record the schema accepts
  return event.occurred;
}

const UNDATED = 'A suspected gas attack killed at least 58 people in Khan Sheikhoun.';

describe('an event with no date of its own is dated by its report', () => {
  it.each([
    ['metadata', 'the desk’s date'],
    ['dateline', 'the article’s own dateline'],
  ] as const)('on the publication day from %s (%s), marked "reported"', (basis, _why) => {
    expect(occurred(UNDATED, published(basis))).toMatchObject({
      start: tuesday,
      end: tuesday,
      precision: 'reported',
      tense: 'past',
      reason: expect.stringContaining(`dated by its report of ${tuesday}, on or before which it happened`),
    });
  });

  it.each([
    ['body', 'the latest date in the body only says the article is from that day or later'],
    ['caption', 'a photo may predate the article'],
  ] as const)('not by a publication date inferred from the %s (%s)', (basis, _why) => {
    expect(occurred(UNDATED, published(basis))).toMatchObject({ start: null, precision: 'unknown' });
  });

  it('not when the publication day is unknown', () => {
    expect(occurred(UNDATED, published('unknown', null))).toMatchObject({
      start: null,
      precision: 'unknown',
    });
  });

  it('keeps a date the sentence gives', () => {
    expect(
      occurred('On Monday, air strikes killed 12 people in Douma.', published('metadata')),
    ).toMatchObject({
      start: '2017-04-03',
      end: '2017-04-03',
      precision: 'day',
    });
  });

  it('dates by the day a source reported it ("said on Monday"), on or before which it happened', () => {
    expect(
      occurred(
        'The Observatory said on Monday that air strikes killed 12 people in Douma.',
        published('metadata'),
      ),
    ).toMatchObject({ start: '2017-04-03', end: '2017-04-03', precision: 'reported' });
  });

  it('leaves an announced event undated: it lies ahead of the report', () => {
    expect(
      occurred('Officials will meet in Geneva to discuss the ceasefire.', published('metadata')),
    ).toMatchObject({ start: null, precision: 'unknown', tense: 'scheduled' });
  });
});
