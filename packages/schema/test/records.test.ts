import { describe, expect, it } from 'vitest';
import { Article } from '../src/article.ts';
import { Claim } from '../src/claim.ts';
import { InvalidRecordError } from '../src/errors.ts';
import { Event } from '../src/event.ts';
import { ExtractedArticle } from '../src/extracted-article.ts';
import { parseOrThrow } from '../src/validate.ts';
import { kalasehStrike, sohrClaim, trtArticle } from './seed-examples.ts';

function problems(schema: Parameters<typeof parseOrThrow>[0], value: unknown): string[] {
  try {
    parseOrThrow(schema, value, 'record');
  } catch (error) {
    if (error instanceof InvalidRecordError) return [...error.issues];
    throw error;
  }
  return [];
}

describe('records built from the seeds', () => {
  it.each([
    ['Article', Article, trtArticle],
    ['Claim', Claim, sohrClaim],
    ['Event', Event, kalasehStrike],
  ] as const)('a real %s validates unchanged', (_name, schema, value) => {
    expect(schema.parse(value)).toEqual(value);
  });

  it('an extracted article carries its claims and events', () => {
    const record = ExtractedArticle.parse({ ...trtArticle, claims: [sohrClaim], events: [kalasehStrike] });
    expect(record.events[0]?.casualties.killed?.best).toBe(13);
    expect(record.mentions).toEqual({ actors: [], places: [] });
  });
});

describe('bad records are rejected path by path', () => {
  it('a negative killed count', () => {
    const bad = {
      ...kalasehStrike,
      casualties: { ...kalasehStrike.casualties, killed: { ...kalasehStrike.casualties.killed!, best: -3 } },
    };
    expect(problems(Event, bad)).toEqual(['casualties.killed.best: Too small: expected number to be >=0']);
  });

  it('an unknown event kind', () => {
    expect(problems(Event, { ...kalasehStrike, kind: 'alien_invasion' })).toEqual([
      expect.stringMatching(
        /^kind: Invalid option: expected one of "airstrike"\|"drone_strike"\|"barrel_bomb"/,
      ),
    ]);
  });

  it('an end date before its start', () => {
    const bad = {
      ...kalasehStrike,
      occurred: { ...kalasehStrike.occurred, start: '2016-10-13', end: '2016-10-11' },
    };
    expect(problems(Event, bad)).toEqual(['occurred.end: end 2016-10-11 is before start 2016-10-13']);
  });

  it.each([
    ['a range of days', { start: '2016-10-11', end: '2016-10-13' }],
    ['no day', { start: null, end: null, reason: 'the sentence gives no date for this event' }],
  ])('a "reported" date that is %s', (_name, dates) => {
    const bad = {
      ...kalasehStrike,
      occurred: { ...kalasehStrike.occurred, ...dates, precision: 'reported' },
    };
    expect(problems(Event, bad)).toEqual([
      'occurred.end: a "reported" date is one day, the day of the report: start and end are that day',
    ]);
  });

  it('a "reported" date on the day of the report', () => {
    const reported = {
      ...kalasehStrike,
      occurred: { ...kalasehStrike.occurred, start: '2016-10-13', end: '2016-10-13', precision: 'reported' },
    };
    expect(problems(Event, reported)).toEqual([]);
  });

  it('several problems at once, each on its own line', () => {
    const bad = {
      ...kalasehStrike,
      id: 'event-1',
      evidence: [],
      occurred: { ...kalasehStrike.occurred, start: '13/10/2016' },
    };
    const lines = problems(Event, bad);
    expect(lines).toContain('id: Invalid string: must match pattern /^evt_[0-9a-f]{16}$/');
    expect(lines).toContain('occurred.start: Invalid ISO date');
    expect(lines).toContain('evidence: Too small: expected array to have >=1 items');
  });

  it('a low figure above its best', () => {
    const bad = {
      ...kalasehStrike,
      casualties: { ...kalasehStrike.casualties, killed: { ...kalasehStrike.casualties.killed!, low: 20 } },
    };
    expect(problems(Event, bad)).toEqual(['casualties.killed.low: low must not exceed best']);
  });

  it('a subgroup larger than its total', () => {
    const bad = {
      ...kalasehStrike,
      casualties: {
        ...kalasehStrike.casualties,
        killed: { ...kalasehStrike.casualties.killed!, breakdown: { children: 40 } },
      },
    };
    expect(problems(Event, bad)).toEqual([
      'casualties.killed.breakdown.children: breakdown children (40) exceeds the total',
    ]);
  });

  it('a null publication date without a reason', () => {
    const bad = { ...trtArticle, publishedAt: { ...trtArticle.publishedAt, reason: null } };
    expect(problems(Article, bad)).toEqual(['publishedAt.reason: a null date needs a reason']);
  });

  it('a claim whose quantity points at a total in the claim', () => {
    const bad = { ...sohrClaim, quantities: [{ ...sohrClaim.quantities[0], qualifier: 'roughly' }] };
    expect(problems(Claim, bad)).toEqual([
      expect.stringMatching(/^quantities\[0\]\.qualifier: Invalid option/),
    ]);
  });

  it('the error message names the record and lists every path', () => {
    expect(() =>
      parseOrThrow(Event, { ...kalasehStrike, kind: 'x' }, 'event evt_1 of corpus/003.txt'),
    ).toThrow(/^event evt_1 of corpus\/003\.txt is not valid:\n {2}- kind: /);
  });
});
