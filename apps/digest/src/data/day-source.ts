/** Where the digest's days come from: the GraphQL operations (in-process or remote) or the seed fixtures. */
import type { DayData } from '../day-data.ts';
import { SEED_DAYS } from '../fixtures/seed-days.ts';

export interface DaySource {
  /** every day that has at least one event, oldest first */
  daysWithEvents(): Promise<string[]>;
  /** the day's data; a day with no events has empty lists, never null */
  day(date: string): Promise<DayData>;
  close(): Promise<void>;
}

/** The seed corpus as hand-checked days: for tests, the bench and `--fixtures`. */
export function fixtureSource(days: readonly DayData[] = SEED_DAYS): DaySource {
  return {
    async daysWithEvents() {
      return days.filter((d) => d.events.length > 0).map((d) => d.date);
    },
    async day(date) {
      return (
        days.find((d) => d.date === date) ?? {
          date,
          events: [],
          upcoming: [],
          quotes: [],
          tallies: [],
          leftOut: { undated: 0, periods: 0, older: 0 },
          articles: [],
        }
      );
    },
    async close() {},
  };
}
