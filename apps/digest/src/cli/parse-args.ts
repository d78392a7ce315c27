/** The digest's command line, checked up front so a typo fails before any work starts. */
import { parseArgs } from 'node:util';
import { BadInputError } from '@sitrep/schema/errors';
import { ISO_DATE, isCalendarDay } from '../date-labels.ts';

export interface DigestArgs {
  command: 'write' | 'send' | 'preview' | 'schedule' | 'bounces' | 'help';
  /** `bounces`: the mbox or .eml files */
  files: string[];
  /** `schedule`: one pass, then exit (for cron) */
  once: boolean;
  /** `schedule`: the clock to schedule by (replaying a past morning); null: the real time */
  now: Date | null;
  /** `schedule`: seconds between passes */
  every: number;
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
      once: { type: 'boolean', default: false },
      now: { type: 'string' },
      every: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [sub, ...extra] = positionals;
  const subcommands = ['send', 'preview', 'schedule', 'bounces'] as const;
  if (sub !== undefined && !subcommands.includes(sub as (typeof subcommands)[number]))
    throw new BadInputError(
      'sitrep digest',
      `unknown subcommand "${sub}"; use ${subcommands.join(', ')}, or no subcommand to write files`,
    );
  if (extra.length && sub !== 'bounces')
    throw new BadInputError('sitrep digest', `unexpected arguments: ${extra.join(' ')}`);
  const command = values.help ? 'help' : ((sub as (typeof subcommands)[number] | undefined) ?? 'write');
  if (command === 'bounces' && extra.length === 0)
    throw new BadInputError(
      'sitrep digest bounces',
      'give the mbox or .eml files holding the bounce reports',
    );
  let now: Date | null = null;
  if (values.now !== undefined) {
    now = new Date(values.now);
    if (Number.isNaN(now.getTime()) || !/T\d\d:\d\d/.test(values.now))
      throw new BadInputError('--now', `"${values.now}" is not a time; use e.g. 2016-12-10T07:00:00Z`);
  }
  if (values.date !== undefined && !ISO_DATE.test(values.date))
    throw new BadInputError('--date', `"${values.date}" is not a date; use YYYY-MM-DD`);
  if (values.date !== undefined && !isCalendarDay(values.date))
    throw new BadInputError('--date', `"${values.date}" is not a day of the calendar; use YYYY-MM-DD`);
  if (command === 'write' && !values.date && !values.all)
    throw new BadInputError('sitrep digest', 'give --date YYYY-MM-DD or --all');
  if (command === 'send' && !values.date)
    throw new BadInputError(
      'sitrep digest send',
      "give --date YYYY-MM-DD (and --smtp URL or SITREP_SMTP_URL); --subscribers FILE sends to a file's list instead of the store's",
    );
  const port = values.port === undefined ? null : Number(values.port);
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw new BadInputError('--port', `"${values.port}" is not a port number`);
  return {
    command,
    files: command === 'bounces' ? extra : [],
    once: values.once,
    now,
    every: positiveInt('every', values.every, 60),
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
