/** The digest's command line, checked up front so a typo fails before any work starts. */
import { parseArgs } from 'node:util';
import { BadInputError } from '@sitrep/schema/errors';
import { ISO_DATE, isCalendarDay } from '../date-labels.ts';

export interface DigestArgs {
  command: 'write' | 'send' | 'preview' | 'help';
  date: string | null;
  all: boolean;
  out: string;
  force: boolean;
  smtp: string | null;
  subscribers: string | null;
  api: string | null;
  fixtures: boolean;
  port: number | null;
  concurrency: number;
  attempts: number;
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new BadInputError(`--${name}`, `"${value}" is not a positive whole number`);
  return n;
}

export function parseDigestArgs(argv: string[]): DigestArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      all: { type: 'boolean', default: false },
      out: { type: 'string', default: 'out/digests' },
      force: { type: 'boolean', default: false },
      smtp: { type: 'string' },
      subscribers: { type: 'string' },
      api: { type: 'string' },
      fixtures: { type: 'boolean', default: false },
      port: { type: 'string' },
      concurrency: { type: 'string' },
      attempts: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [sub, ...extra] = positionals;
  if (extra.length) throw new BadInputError('sitrep digest', `unexpected arguments: ${extra.join(' ')}`);
  if (sub !== undefined && sub !== 'send' && sub !== 'preview')
    throw new BadInputError(
      'sitrep digest',
      `unknown subcommand "${sub}"; use send or preview, or no subcommand to write files`,
    );
  const command = values.help ? 'help' : sub === 'send' ? 'send' : sub === 'preview' ? 'preview' : 'write';
  if (values.date !== undefined && !ISO_DATE.test(values.date))
    throw new BadInputError('--date', `"${values.date}" is not a date; use YYYY-MM-DD`);
  if (values.date !== undefined && !isCalendarDay(values.date))
    throw new BadInputError('--date', `"${values.date}" is not a day of the calendar; use YYYY-MM-DD`);
  if (command === 'write' && !values.date && !values.all)
    throw new BadInputError('sitrep digest', 'give --date YYYY-MM-DD or --all');
  if (command === 'send' && (!values.date || !values.subscribers))
    throw new BadInputError(
      'sitrep digest send',
      'give --date YYYY-MM-DD and --subscribers FILE (and --smtp URL or SITREP_SMTP_URL)',
    );
  const port = values.port === undefined ? null : Number(values.port);
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw new BadInputError('--port', `"${values.port}" is not a port number`);
  return {
    command,
    date: values.date ?? null,
    all: values.all,
    out: values.out,
    force: values.force,
    smtp: values.smtp ?? null,
    subscribers: values.subscribers ?? null,
    api: values.api ?? null,
    fixtures: values.fixtures,
    port,
    concurrency: positiveInt('concurrency', values.concurrency, 4),
    attempts: positiveInt('attempts', values.attempts, 5),
  };
}
