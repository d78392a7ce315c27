/** A digest subscriber and what they follow. */
export interface SubscriberFilters {
  /** event kinds ("airstrike") or families ("violence", "humanitarian", "diplomacy") */
  kinds: string[];
  /** place names, matched against the place and every place it lies within */
  places: string[];
  actors: string[];
}

export interface Subscriber {
  name: string;
  email: string;
  /** IANA zone, e.g. "Europe/London": the message's Date header is written in it */
  timezone: string;
  filters: SubscriberFilters;
}

export const NO_FILTERS: SubscriberFilters = { kinds: [], places: [], actors: [] };

export const hasFilters = (f: SubscriberFilters) => f.kinds.length + f.places.length + f.actors.length > 0;
