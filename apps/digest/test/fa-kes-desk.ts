/**
 * FA-KES as a desk would feed it, for tests that need a real news day: each row's `date` label
 * (M/D/YYYY) is written again as a `publishedAt` column, which the reader trusts as metadata, and
 * `source` stays the outlet. Built at test time from ../shared/datasets (never committed), as
 * packages/ingest/test/khan-sheikhoun-day.test.ts builds it.
 */
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';

export const FAKES = fileURLToPath(
  new URL('../../../../shared/datasets/fa-kes/FA-KES-Dataset.csv', import.meta.url),
);
export const hasFakes = () => existsSync(FAKES);

const quoted = (field: string) => `"${field.replaceAll('"', '""')}"`;

export interface DeskRow {
  unitId: string;
  headline: string;
  outlet: string;
  publishedAt: string;
}

/**
 * Writes the desk CSV into `dir`; returns its path, each row's metadata (for the checks) and how
 * many rows repeat an earlier row's id with another text — which ingest refuses, naming both
 * lines, rather than letting the last one win (FA-KES holds one such pair).
 */
export async function writeDeskCsv(
  dir: string,
): Promise<{ file: string; rows: DeskRow[]; conflictingIds: number }> {
  const lines = ['unit_id,article_title,article_content,source,publishedAt'];
  const rows: DeskRow[] = [];
  const textById = new Map<string, string>();
  let conflictingIds = 0;
  const parser = createReadStream(FAKES).pipe(parse({ columns: true, bom: true, relax_quotes: true }));
  for await (const r of parser as AsyncIterable<Record<string, string>>) {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((r.date ?? '').trim());
    const date = m ? `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : '';
    const row = {
      unitId: r.unit_id ?? '',
      headline: (r.article_title ?? '').trim(),
      outlet: (r.source ?? '').trim(),
      publishedAt: date,
    };
    rows.push(row);
    const text = r.article_content ?? '';
    const earlier = textById.get(row.unitId);
    if (earlier === undefined) textById.set(row.unitId, text);
    else if (earlier !== text) conflictingIds++;
    lines.push(
      [row.unitId, row.headline, r.article_content ?? '', row.outlet, row.publishedAt].map(quoted).join(','),
    );
  }
  const file = join(dir, 'fa-kes-desk.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, rows, conflictingIds };
}
