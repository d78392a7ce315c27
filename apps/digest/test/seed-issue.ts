/** Shared set-up for tests: the seed days as issues, and a subscriber maker. */
import { buildIssue } from '../src/build-issue.ts';
import type { DayData } from '../src/day-data.ts';
import { SEED_DAY_2016_12_09 } from '../src/fixtures/seed-day-2016-12-09.ts';
import type { Subscriber, SubscriberFilters } from '../src/subscribers/subscriber.ts';

export const LINKS = {
  publicUrl: 'https://sitrep.example.org',
  linkSecret: 'test-secret',
  unsubscribeMailto: 'unsubscribe@sitrep.example.org',
};

export const issueOf = (day: DayData = SEED_DAY_2016_12_09) =>
  buildIssue(day, { archiveUrl: 'https://sitrep.example.org/digests' });

export function subscriber(email: string, filters: Partial<SubscriberFilters> = {}, name = ''): Subscriber {
  return {
    name,
    email,
    timezone: 'Europe/London',
    filters: { kinds: [], places: [], actors: [], ...filters },
  };
}
