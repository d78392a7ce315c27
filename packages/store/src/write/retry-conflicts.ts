import { SitrepError } from '@sitrep/schema/errors';

/** A unique-key clash, or SQLite's "another writer got there first". */
function isConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === '23505' || // PostgreSQL unique_violation
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_BUSY' ||
    code === 'SQLITE_BUSY_SNAPSHOT'
  );
}

/**
 * Runs a write transaction, retrying when it lost a race: two ingest workers storing the same
 * new article at once both see it missing, and the second insert clashes. On retry it sees the
 * committed row and counts it unchanged. A clash that survives the retries is in the data
 * itself (two records with one id) and is reported as CONFLICT.
 */
export async function retryConflicts<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isConflict(error)) throw error;
      if (attempt >= attempts)
        throw new SitrepError(
          'CONFLICT',
          String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')
            ? `the SQLite database stayed locked by another writer through ${attempts} attempts (${(error as Error).message}); nothing of this batch was written — run the ingest again once the other writer is done`
            : `records clash on a unique id after ${attempts} attempts (${(error as Error).message}); two records in the input share an id, so check the extractor's output`,
          { cause: error },
        );
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
  }
}
