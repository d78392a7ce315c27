import { describe, expect, it } from 'vitest';
import { recipientContext } from '../src/recipient-context.ts';
import { showMap } from '../src/subscribers/match-filters.ts';
import { issueOf, LINKS, subscriber } from './seed-issue.ts';

// The filters the store keeps beyond kinds, places and actors: countries (matched as places
// are) and a minimum killed (stories only), on the hand-checked issue of 9 December 2016.

const issue = issueOf();
const on = (show: Record<string, boolean>, prefix: string) =>
  Object.keys(show).filter((k) => k.startsWith(prefix) && show[k] && /^[sd]\d/.test(k));

describe('country and minimum-killed filters', () => {
  it('matches a country as a place: Switzerland brings the Geneva meeting only', () => {
    const show = showMap(issue, { kinds: [], places: [], actors: [], countries: ['switzerland'] });
    expect([...on(show, 's'), ...on(show, 'd')]).toEqual(['d3']);
  });

  it('keeps only stories with at least the minimum killed, and leaves diplomacy to the other filters', () => {
    const show = showMap(issue, { kinds: [], places: [], actors: [], minKilled: 40 });
    expect(on(show, 's')).toEqual(['s0']);
    expect(on(show, 'd')).toEqual(['d0', 'd1', 'd2', 'd3']);
    expect(on(showMap(issue, { kinds: [], places: [], actors: [], minKilled: 47 }), 's')).toEqual([]);
  });

  it('says what the edition follows, and gives different filter sets different editions', () => {
    const a = recipientContext(
      issue,
      subscriber('a@example.org', { countries: ['Syria'], minKilled: 10 }),
      LINKS,
    )!;
    const b = recipientContext(issue, subscriber('b@example.org', { countries: ['Syria'] }), LINKS)!;
    expect(a.filterNote).toBe('Your edition follows Syria, stories with at least 10 killed');
    expect(Object.entries(a.show).filter(([, v]) => v).length).toBeLessThan(
      Object.entries(b.show).filter(([, v]) => v).length,
    );
  });
});
