import { describe, expect, it } from 'vitest';
import type { Claim } from '../src/claim.ts';
import type { Event } from '../src/event.ts';
import { coversPeriod, figureStanding, incidentFigure } from '../src/incident-figures.ts';
import { kalasehStrike, sohrClaim } from './seed-examples.ts';

const occurred = (start: string | null, end: string | null, precision: Event['occurred']['precision']) => ({
  ...kalasehStrike.occurred,
  start,
  end,
  precision,
  reason: start === null || precision === 'reported' ? 'no date in the text' : null,
});
const country = { name: 'Syria', placeId: 'place:sy', precision: 'country' as const };

describe('which figures count as one incident’s toll', () => {
  it.each([
    ['a day', occurred('2016-10-13', '2016-10-13', 'day'), kalasehStrike.location, 'incident'],
    ['a week', occurred('2016-10-10', '2016-10-16', 'week'), kalasehStrike.location, 'incident'],
    ['"the past week"', occurred('2016-10-09', '2016-10-16', 'week'), kalasehStrike.location, 'incident'],
    ['"the past two weeks"', occurred('2016-10-02', '2016-10-16', 'week'), kalasehStrike.location, 'total'],
    ['a month', occurred('2016-12-01', '2016-12-31', 'month'), kalasehStrike.location, 'total'],
    ['a year', occurred('2017-01-01', '2017-12-31', 'year'), kalasehStrike.location, 'total'],
    [
      'ten days given day by day',
      occurred('2016-08-03', '2016-08-12', 'day'),
      kalasehStrike.location,
      'total',
    ],
    [
      'reported, placed',
      occurred('2016-10-13', '2016-10-13', 'reported'),
      kalasehStrike.location,
      'incident',
    ],
    [
      'reported, placed only in the country',
      occurred('2016-10-13', '2016-10-13', 'reported'),
      country,
      'unplaced_undated',
    ],
    ['reported, unplaced', occurred('2016-10-13', '2016-10-13', 'reported'), null, 'unplaced_undated'],
    ['dated, unplaced', occurred('2016-10-13', '2016-10-13', 'day'), null, 'incident'],
  ] as const)('an event over %s', (_name, when, where, standing) => {
    const event = { ...kalasehStrike, occurred: when, location: where };
    expect(figureStanding(event, [], 'killed')).toBe(standing);
    expect(incidentFigure(event, [], 'killed')).toBe(
      standing === 'incident' ? event.casualties.killed : null,
    );
  });

  it('a figure read from a quantity marked cumulative is a total', () => {
    const killed = kalasehStrike.casualties.killed!;
    const claim: Claim = {
      ...sohrClaim,
      quantities: sohrClaim.quantities.map((q) =>
        q.measure === 'killed' ? { ...q, value: { ...q.value, best: killed.best }, cumulative: true } : q,
      ),
    };
    expect(figureStanding(kalasehStrike, [claim], 'killed')).toBe('total');
    expect(figureStanding(kalasehStrike, [sohrClaim], 'killed')).toBe('incident');
  });

  it('gives no standing to a figure the event does not give', () => {
    expect(figureStanding(kalasehStrike, [], 'missing')).toBeNull();
  });

  it.each([
    ['day', false],
    ['reported', false],
    ['month', true],
  ] as const)('a %s is a period: %s', (precision, expected) => {
    expect(coversPeriod(occurred('2016-10-13', '2016-10-13', precision))).toBe(expected);
  });
});
