import { type Kysely, sql } from 'kysely';
import type { Database, SubscribersTable, SuppressionsTable } from './db/tables.ts';
import type {
  Cadence,
  StoredFilters,
  SubscriberInput,
  SubscriberRecord,
  SubscriberStore,
  Suppression,
  SuppressionReason,
} from './subscriber-types.ts';
import { chunkIds } from './write/chunks.ts';

const key = (email: string) => email.trim().toLowerCase();

/** The digest's subscribers, the suppression list and the schedule's claims (migration 0011). */
export function subscriberStore(db: Kysely<Database>, count: () => void): SubscriberStore {
  const row = (s: SubscriberInput, now: string, status: string, source: string): SubscribersTable => ({
    email_key: key(s.email),
    email: s.email.trim(),
    name: s.name,
    timezone: s.timezone,
    send_hour: s.sendHour ?? 7,
    cadence: s.cadence ?? 'daily',
    filters: JSON.stringify(s.filters),
    status,
    source,
    created_at: now,
    confirmed_at: status === 'confirmed' ? now : null,
    updated_at: now,
  });
  const suppressionOf = async (
    trx: Kysely<Database>,
    email: string,
  ): Promise<SuppressionsTable | undefined> =>
    trx.selectFrom('suppressions').selectAll().where('email_key', '=', key(email)).executeTakeFirst();

  const store: SubscriberStore = {
    async import(subscribers, now) {
      count();
      return db.transaction().execute(async (trx) => {
        const keys = subscribers.map((s) => key(s.email));
        const existing = new Set<string>();
        const suppressed = new Set<string>();
        for (const part of chunkIds(keys)) {
          for (const r of await trx
            .selectFrom('subscribers')
            .select('email_key')
            .where('email_key', 'in', part)
            .execute())
            existing.add(r.email_key);
          for (const r of await trx
            .selectFrom('suppressions')
            .select('email_key')
            .where('email_key', 'in', part)
            .execute())
            suppressed.add(r.email_key);
        }
        let added = 0;
        let updated = 0;
        for (const s of subscribers) {
          const values = row(s, now, 'confirmed', 'import');
          if (existing.has(values.email_key)) {
            updated++;
            await trx
              .updateTable('subscribers')
              .set({
                email: values.email,
                name: values.name,
                timezone: values.timezone,
                send_hour: values.send_hour,
                cadence: values.cadence,
                filters: values.filters,
                status: 'confirmed',
                confirmed_at: sql`coalesce(confirmed_at, ${now})`,
                updated_at: now,
              })
              .where('email_key', '=', values.email_key)
              .execute();
          } else {
            added++;
            await trx.insertInto('subscribers').values(values).execute();
          }
        }
        return {
          added,
          updated,
          suppressed: subscribers.filter((s) => suppressed.has(key(s.email))).map((s) => s.email),
        };
      });
    },
    async signUp(subscriber, now, quietSince) {
      count();
      return db.transaction().execute(async (trx) => {
        const blocked = await suppressionOf(trx, subscriber.email);
        if (blocked && blocked.reason !== 'unsubscribed') return 'suppressed' as const;
        const current = await trx
          .selectFrom('subscribers')
          .select(['status', 'updated_at'])
          .where('email_key', '=', key(subscriber.email))
          .executeTakeFirst();
        if (current?.status === 'confirmed' && !blocked) return 'already-confirmed' as const;
        if (current?.status === 'pending' && quietSince && current.updated_at >= quietSince)
          return 'recently-asked' as const;
        const values = row(subscriber, now, 'pending', 'signup');
        if (current)
          await trx
            .updateTable('subscribers')
            .set({ ...values, created_at: undefined, email_key: undefined })
            .where('email_key', '=', values.email_key)
            .execute();
        else await trx.insertInto('subscribers').values(values).execute();
        return 'pending' as const;
      });
    },
    async confirm(email, now) {
      count();
      const done = await db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('subscribers')
          .select('status')
          .where('email_key', '=', key(email))
          .executeTakeFirst();
        if (!current) return false;
        await trx
          .deleteFrom('suppressions')
          .where('email_key', '=', key(email))
          .where('reason', '=', 'unsubscribed')
          .execute();
        if (current.status !== 'confirmed')
          await trx
            .updateTable('subscribers')
            .set({ status: 'confirmed', confirmed_at: now, updated_at: now })
            .where('email_key', '=', key(email))
            .execute();
        return true;
      });
      return done ? store.get(email) : null;
    },
    async get(email) {
      count();
      const r = await withSuppression(db).where('subscribers.email_key', '=', key(email)).executeTakeFirst();
      return r ? toRecord(r) : null;
    },
    async update(email, changes, now) {
      count();
      const set: Partial<SubscribersTable> = { updated_at: now };
      if (changes.name !== undefined) set.name = changes.name;
      if (changes.timezone !== undefined) set.timezone = changes.timezone;
      if (changes.sendHour !== undefined) set.send_hour = changes.sendHour;
      if (changes.cadence !== undefined) set.cadence = changes.cadence;
      if (changes.filters !== undefined) set.filters = JSON.stringify(changes.filters);
      const result = await db
        .updateTable('subscribers')
        .set(set)
        .where('email_key', '=', key(email))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async list(options = {}) {
      count();
      let q = withSuppression(db);
      if (options.mailable)
        q = q.where('subscribers.status', '=', 'confirmed').where('suppressions.email_key', 'is', null);
      return (await q.orderBy('subscribers.email_key').execute()).map(toRecord);
    },
    async suppress(email, reason, detail, now) {
      count();
      await db
        .insertInto('suppressions')
        .values({ email_key: key(email), reason, detail, suppressed_at: now })
        .onConflict((c) => c.column('email_key').doNothing())
        .execute();
    },
    async suppressions() {
      count();
      const rows = await db.selectFrom('suppressions').selectAll().orderBy('email_key').execute();
      return rows.map(toSuppression);
    },
    async claim(edition, email, by, now, staleBefore) {
      count();
      const inserted = await db
        .insertInto('digest_claims')
        .values({ edition, email_key: key(email), claimed_by: by, claimed_at: now })
        .onConflict((c) => c.columns(['edition', 'email_key']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
      // One UPDATE decides between processes racing for a stale claim: the row changes once.
      const taken = await db
        .updateTable('digest_claims')
        .set({ claimed_by: by, claimed_at: now })
        .where('edition', '=', edition)
        .where('email_key', '=', key(email))
        .where((eb) => eb.or([eb('claimed_by', '=', by), eb('claimed_at', '<', staleBefore)]))
        .executeTakeFirst();
      return Number(taken.numUpdatedRows) > 0;
    },
  };
  return store;
}

function withSuppression(db: Kysely<Database>) {
  return db
    .selectFrom('subscribers')
    .leftJoin('suppressions', 'suppressions.email_key', 'subscribers.email_key')
    .selectAll('subscribers')
    .select([
      'suppressions.reason as s_reason',
      'suppressions.detail as s_detail',
      'suppressions.suppressed_at as s_at',
    ]);
}

function toSuppression(r: SuppressionsTable): Suppression {
  return { email: r.email_key, reason: r.reason as SuppressionReason, detail: r.detail, at: r.suppressed_at };
}

function toRecord(
  r: SubscribersTable & { s_reason: string | null; s_detail: string | null; s_at: string | null },
): SubscriberRecord {
  return {
    email: r.email,
    name: r.name,
    timezone: r.timezone,
    sendHour: Number(r.send_hour),
    cadence: r.cadence as Cadence,
    filters: JSON.parse(r.filters) as StoredFilters,
    status: r.status as SubscriberRecord['status'],
    source: r.source as SubscriberRecord['source'],
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    updatedAt: r.updated_at,
    suppressed:
      r.s_reason && r.s_at
        ? { email: r.email_key, reason: r.s_reason as SuppressionReason, detail: r.s_detail, at: r.s_at }
        : null,
  };
}
