/**
 * `sitrep subscribers import FILE | export [--out FILE] [--format json|csv] | suppressed`:
 * the digest's list in the store. apps/cli spawns this file (apps never import apps); the file
 * formats are the digest's (`src/subscribers/load-subscribers.ts`), so a list that `digest send
 * --subscribers` took is a list `import` takes. Exit codes: 0 done, 1 bad input, 2 usage.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SitrepError } from '@sitrep/schema/errors';
import { openStore, type SubscriberRecord } from '@sitrep/store/store';
import { checkPlaces, loadSubscribers } from './subscribers/load-subscribers.ts';
import { toStoredInput } from './subscribers/stored-subscribers.ts';

const USAGE = `Usage: sitrep subscribers import FILE         add or update subscribers from a CSV or JSON file
       sitrep subscribers export [--out FILE] [--format json|csv]   confirmed subscribers (stdout by default)
       sitrep subscribers suppressed                 the addresses never mailed again, and why

Imported addresses count as confirmed (their owner vouched for them); an address on the
suppression list (unsubscribed, bounced, complained) stays there whatever a file says.
File columns: name,email,timezone,kinds,places,actors and optionally countries,min_killed,
send_hour,cadence (lists split by ";"). The store: SITREP_DB or DATABASE_URL.`;

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`sitrep subscribers: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [verb, ...rest] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const wants: Record<string, number> = { import: 1, export: 0, suppressed: 0 };
  if (!verb || wants[verb] === undefined || rest.length !== wants[verb]) {
    console.error(
      `sitrep subscribers: ${verb ? `"${[verb, ...rest].join(' ')}" is not a subscribers command` : 'give a command'}\n\n${USAGE}`,
    );
    return 2;
  }
  if (values.format !== 'json' && values.format !== 'csv') {
    console.error(`sitrep subscribers: --format is json or csv (got "${values.format}")\n\n${USAGE}`);
    return 2;
  }
  try {
    const subscribers = verb === 'import' ? await loadSubscribers(rest[0]!) : [];
    const store = await openStore();
    try {
      const now = new Date().toISOString();
      if (verb === 'import') {
        await checkPlaces(subscribers, store, rest[0]!);
        const r = await store.subscribers.import(subscribers.map(toStoredInput), now);
        console.log(
          `${r.added} added, ${r.updated} updated${r.suppressed.length ? `; ${r.suppressed.length} on the suppression list stay suppressed: ${r.suppressed.join(', ')}` : ''}`,
        );
      } else if (verb === 'export') {
        const all = (await store.subscribers.list()).filter((s) => s.status === 'confirmed');
        const text = values.format === 'csv' ? toCsv(all) : `${JSON.stringify(all.map(toJson), null, 2)}\n`;
        if (values.out) {
          await writeFile(values.out, text);
          console.error(`wrote ${all.length} subscribers to ${values.out}`);
        } else process.stdout.write(text);
      } else {
        for (const s of await store.subscribers.suppressions())
          console.log([s.email, s.reason, s.at, s.detail ?? ''].join('\t'));
      }
      return 0;
    } finally {
      await store.close();
    }
  } catch (error) {
    if (error instanceof SitrepError) {
      console.error(`sitrep subscribers: ${error.message} [${error.code}]`);
      return 1;
    }
    throw error;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      format: { type: 'string', default: 'json' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

/** The import format, plus why an address is suppressed (import ignores that column; the store keeps it). */
function toJson(s: SubscriberRecord) {
  return {
    name: s.name,
    email: s.email,
    timezone: s.timezone,
    sendHour: s.sendHour,
    cadence: s.cadence,
    filters: s.filters,
    ...(s.suppressed ? { suppressed: s.suppressed.reason } : {}),
  };
}

const COLUMNS = 'name,email,timezone,send_hour,cadence,kinds,countries,places,actors,min_killed,suppressed';

function toCsv(all: readonly SubscriberRecord[]): string {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const rows = all.map((s) =>
    [
      s.name,
      s.email,
      s.timezone,
      String(s.sendHour),
      s.cadence,
      s.filters.kinds.join(';'),
      s.filters.countries.join(';'),
      s.filters.places.join(';'),
      s.filters.actors.join(';'),
      s.filters.minKilled === null ? '' : String(s.filters.minKilled),
      s.suppressed?.reason ?? '',
    ]
      .map(cell)
      .join(','),
  );
  return `${[COLUMNS, ...rows].join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
