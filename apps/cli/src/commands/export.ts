import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { exportText, parseExportQuery } from '@sitrep/export/write-export';
import { openStore } from '@sitrep/store/store';
import { readCliConfig } from '../config.ts';

const USAGE = `Usage: sitrep export --format acled|ucdp|geojson|jsonl [--level event|report]
                     [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--countries SY,UA] [--kinds airstrike,shelling]
                     [--out FILE] [--db FILE]

Streams the record in the field's formats, to stdout unless --out is given, in constant memory:
  acled    ACLED's columns and order (CSV)         ucdp     UCDP GED's columns and order (CSV)
  geojson  a FeatureCollection of Points            jsonl    one stored record per line (JSON)
--level event (the default) writes canonical events: one row per incident, however many reports.
--level report writes every article's report of an event.
--from/--to keep events whose dates overlap the range (undated events drop out); --countries the
events placed in these ISO 3166-1 alpha-2 countries; --kinds these event kinds.
GeoJSON leaves out events without coordinates and counts them in "sitrep:unlocated" (and here).
Column by column, where each comes from: packages/export/README.md.`;

/** `sitrep export`: returns the exit code (0 ok, 1 a bad filter or store, 2 usage). */
export async function run(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string', short: 'f' },
        level: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        countries: { type: 'string' },
        kinds: { type: 'string' },
        since: { type: 'string' },
        out: { type: 'string', short: 'o' },
        db: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`sitrep export: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const text = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  if (!text('format')) {
    console.error(`sitrep export: --format is required.\n\n${USAGE}`);
    return 2;
  }
  // A bad filter throws SitrepError BAD_USER_INPUT, which main() prints as one line.
  const query = parseExportQuery({
    format: text('format'),
    level: text('level'),
    from: text('from'),
    to: text('to'),
    countries: text('countries'),
    kinds: text('kinds'),
    since: text('since'),
  });
  const store = await openStore(readCliConfig({ db: text('db') }).store);
  const started = performance.now();
  const out = text('out');
  try {
    const { pieces, summary } = exportText(store, query);
    if (out) {
      // Written beside the target and renamed at the end: a failed export never leaves half a file.
      const partial = `${out}.partial`;
      try {
        await pipeline(Readable.from(pieces), createWriteStream(partial));
        await rename(partial, out);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    } else {
      try {
        await pipeline(Readable.from(pieces), process.stdout, { end: false });
      } catch (error) {
        // The reader stopped early (`sitrep export … | head`): what it wanted was written.
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
        throw error;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const unlocated = query.format === 'geojson' ? `, ${summary.unlocated} without coordinates left out` : '';
    const next = summary.nextCursor ? `; next time --since ${summary.nextCursor}` : '';
    console.error(
      `${summary.written} ${query.level === 'event' ? 'events' : 'reports'} written${unlocated}${out ? ` to ${out}` : ''} (${seconds.toFixed(1)} s)${next}`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
