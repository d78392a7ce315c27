import { SitrepError } from '@sitrep/schema/errors';
import type { Kysely } from 'kysely';
import type { Database } from './db/tables.ts';
import type { SendLog, SendLogEntry } from './query-types.ts';

/**
 * An append-only record of every delivery attempt. A recipient counts as sent for an issue
 * once any attempt succeeded, so a resumed run skips them and retries only the failures.
 */
export function sendLog(db: Kysely<Database>, count: () => void): SendLog {
  return {
    async sentKeys(issueDate) {
      count();
      const rows = await db
        .selectFrom('send_log')
        .select('recipient')
        .distinct()
        .where('issue_date', '=', issueDate)
        .where('status', '=', 'sent')
        .execute();
      return new Set(rows.map((r) => `${issueDate}:${r.recipient}`));
    },
    async record(entry: SendLogEntry) {
      count();
      if (entry.status !== 'sent' && entry.status !== 'failed')
        throw new SitrepError(
          'BAD_INPUT',
          `send status must be "sent" or "failed" (got "${String(entry.status)}")`,
        );
      await db
        .insertInto('send_log')
        .values({
          issue_date: entry.issueDate,
          recipient: entry.recipient,
          message_id: entry.messageId,
          status: entry.status,
          detail: entry.detail ?? null,
          recorded_at: new Date().toISOString(),
        })
        .execute();
    },
    async entries(issueDate) {
      count();
      const rows = await db
        .selectFrom('send_log')
        .selectAll()
        .where('issue_date', '=', issueDate)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        issueDate: r.issue_date,
        recipient: r.recipient,
        messageId: r.message_id,
        status: r.status as 'sent' | 'failed',
        detail: r.detail,
        recordedAt: r.recorded_at,
      }));
    },
  };
}
