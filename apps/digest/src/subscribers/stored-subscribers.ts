/**
 * Between the store's subscribers and the digest's: who gets an issue, and the file rows
 * `sitrep subscribers import` / `export` read and write.
 */
import type { SitrepStore, SubscriberInput, SubscriberRecord } from '@sitrep/store/store';
import type { Subscriber } from './subscriber.ts';

export function fromStored(r: SubscriberRecord): Subscriber {
  return {
    name: r.name,
    email: r.email,
    timezone: r.timezone,
    sendHour: r.sendHour,
    cadence: r.cadence,
    filters: {
      kinds: r.filters.kinds,
      places: r.filters.places,
      actors: r.filters.actors,
      countries: r.filters.countries,
      minKilled: r.filters.minKilled,
    },
  };
}

export function toStoredInput(s: Subscriber): SubscriberInput {
  return {
    email: s.email,
    name: s.name,
    timezone: s.timezone,
    sendHour: s.sendHour ?? 7,
    cadence: s.cadence ?? 'daily',
    filters: {
      kinds: s.filters.kinds,
      countries: s.filters.countries ?? [],
      places: s.filters.places,
      actors: s.filters.actors,
      minKilled: s.filters.minKilled ?? null,
    },
  };
}

/**
 * A day's issue goes to daily readers; weekly readers get the week's own edition (Monday to
 * Sunday, `week-data.ts`), which `sitrep digest schedule` sends on their Monday.
 */
export const editionIsFor = (cadence: Subscriber['cadence']) => cadence !== 'weekly';

/** The confirmed, unsuppressed subscribers whose cadence takes a day's issue. */
export async function storedRecipients(store: SitrepStore): Promise<Subscriber[]> {
  const all = await store.subscribers.list({ mailable: true });
  return all.map(fromStored).filter((s) => editionIsFor(s.cadence));
}

/** Drops the addresses on the suppression list from a file's subscribers: they are never mailed. */
export async function withoutSuppressed(
  store: SitrepStore,
  subscribers: readonly Subscriber[],
): Promise<{ keep: Subscriber[]; dropped: string[] }> {
  const suppressed = new Set((await store.subscribers.suppressions()).map((s) => s.email));
  const keep: Subscriber[] = [];
  const dropped: string[] = [];
  for (const s of subscribers) {
    if (suppressed.has(s.email.toLowerCase())) dropped.push(s.email);
    else keep.push(s);
  }
  return { keep, dropped };
}
