/** A digest subscriber and what they follow. */
export interface SubscriberFilters {
  /** event kinds ("airstrike") or families ("violence", "humanitarian", "diplomacy") */
  kinds: string[];
  /** place names, matched against the place and every place it lies within */
  places: string[];
  actors: string[];
  /** countries: matched as places are (a story in Aleppo is in Syria); kept apart for the preferences page */
  countries?: string[];
  /** only stories with at least this many reported killed */
  minKilled?: number | null;
}

export interface Subscriber {
  name: string;
  email: string;
  /** IANA zone, e.g. "Europe/London": the message's Date header is written in it */
  timezone: string;
  filters: SubscriberFilters;
  /** local hour (0–23) `sitrep digest schedule` sends at; default 7 */
  sendHour?: number;
  cadence?: 'daily' | 'weekly';
}

export const NO_FILTERS: SubscriberFilters = { kinds: [], places: [], actors: [] };

export const hasFilters = (f: SubscriberFilters) =>
  f.kinds.length + f.places.length + f.actors.length + (f.countries?.length ?? 0) > 0 ||
  (f.minKilled ?? null) !== null;
