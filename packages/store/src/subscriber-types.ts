/** A digest subscriber as the store keeps it (migration 0011). Times are ISO 8601 UTC. */

export type SubscriberStatus = 'pending' | 'confirmed';
export type Cadence = 'daily' | 'weekly';
export type SuppressionReason = 'unsubscribed' | 'bounced' | 'complained';

/** What a subscriber follows; empty lists and a null minimum follow everything. */
export interface StoredFilters {
  /** event kinds ("airstrike") or families ("violence", "humanitarian", "diplomacy") */
  kinds: string[];
  countries: string[];
  places: string[];
  actors: string[];
  /** only stories with at least this many reported killed; null: any */
  minKilled: number | null;
}

export interface SubscriberInput {
  email: string;
  name: string;
  /** IANA zone, e.g. "Europe/London" */
  timezone: string;
  /** local hour (0–23) the edition is sent at; default 7 */
  sendHour?: number;
  cadence?: Cadence;
  filters: StoredFilters;
}

export interface Suppression {
  email: string;
  reason: SuppressionReason;
  detail: string | null;
  at: string;
}

export interface SubscriberRecord extends Required<SubscriberInput> {
  status: SubscriberStatus;
  source: 'import' | 'signup';
  createdAt: string;
  confirmedAt: string | null;
  updatedAt: string;
  /** set when the address must never be mailed again */
  suppressed: Suppression | null;
}

export interface ImportCounts {
  added: number;
  updated: number;
  /** addresses on the suppression list: stored as given, still never mailed */
  suppressed: string[];
}

export interface SubscriberStore {
  /**
   * Imported subscribers count as confirmed (their owner vouched for them). An address already
   * there gets the file's settings. A suppressed address stays suppressed.
   */
  import(subscribers: readonly SubscriberInput[], now: string): Promise<ImportCounts>;
  /**
   * A sign-up waiting for confirmation. An address already confirmed keeps its row (a second
   * sign-up must not reset anyone's settings unconfirmed); one suppressed for a bounce or a
   * complaint is refused.
   */
  signUp(
    subscriber: SubscriberInput,
    now: string,
    /** a sign-up still pending since this time is left as it is: `recently-asked` (no second mail) */
    quietSince?: string,
  ): Promise<'pending' | 'recently-asked' | 'already-confirmed' | 'suppressed'>;
  /**
   * Confirms a sign-up: the owner of the address asked, so it also lifts an `unsubscribed`
   * suppression (never a bounce or a complaint). Null when the address never signed up.
   */
  confirm(email: string, now: string): Promise<SubscriberRecord | null>;
  get(email: string): Promise<SubscriberRecord | null>;
  /** Changes a subscriber's settings; false when there is no such subscriber. */
  update(
    email: string,
    changes: Partial<Pick<SubscriberInput, 'name' | 'timezone' | 'sendHour' | 'cadence' | 'filters'>>,
    now: string,
  ): Promise<boolean>;
  /** every subscriber, by address; `mailable` keeps the confirmed, unsuppressed ones */
  list(options?: { mailable?: boolean }): Promise<SubscriberRecord[]>;
  /** Puts an address on the suppression list (it need not be a subscriber); the first reason stays. */
  suppress(email: string, reason: SuppressionReason, detail: string | null, now: string): Promise<void>;
  suppressions(): Promise<Suppression[]>;
  /**
   * Takes an (edition, subscriber) pair for this process. True when it was free, or when the
   * claim is older than `staleBefore` (its process died before sending): then it is taken over.
   */
  claim(edition: string, email: string, by: string, now: string, staleBefore: string): Promise<boolean>;
}
