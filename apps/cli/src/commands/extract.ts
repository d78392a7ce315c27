import { extractAll } from '@sitrep/extract/extract-article';
import { readInputs } from '@sitrep/extract/read';
import type { SitrepError } from '@sitrep/schema/errors';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { formatPretty } from './format-pretty.ts';

const USAGE = `Usage: sitrep extract <files or folders...> [--format jsonl|json|pretty] [--strict]

Reads .txt/.md (folders recursively, YAML front matter allowed), CSV with a header row and
JSON Lines, and prints one extracted article per line (jsonl, the default), one JSON array
(json) or a summary for a person (pretty). Problems go to stderr, one line each; the exit
code is non-zero only if nothing could be read, or with --strict if anything could not.`;

const FORMATS = ['jsonl', 'json', 'pretty'] as const;
type Format = (typeof FORMATS)[number];

interface Options {
  paths: string[];
  format: Format;
  strict: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { paths: [], format: 'jsonl', strict: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--strict') options.strict = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(9) : argv[++i];
      if (!FORMATS.includes(value as Format))
        return `--format must be one of ${FORMATS.join(', ')} (got ${value ?? 'nothing'})`;
      options.format = value as Format;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else options.paths.push(arg);
  }
  return options.paths.length === 0 ? 'give at least one file or folder' : options;
}

/** Writes and waits when the pipe is full, so a slow reader never makes output pile up in memory. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

/** `sitrep extract`: returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    console.error(`sitrep extract: ${options}\n\n${USAGE}`);
    return 2;
  }
  let articles = 0;
  let problems = 0;
  if (options.format === 'json') await write('[');
  for await (const item of extractAll(readInputs(options.paths))) {
    if (!item.ok) {
      problems++;
      console.error(`sitrep extract: ${oneLine(item.error)}`);
      continue;
    }
    for (const warning of item.warnings) console.error(`sitrep extract: warning: ${warning}`);
    await write(render(item.article, options.format, articles));
    articles++;
  }
  if (options.format === 'json') await write(articles > 0 ? '\n]\n' : ']\n');
  console.error(
    `sitrep extract: ${articles} article${articles === 1 ? '' : 's'} extracted, ${problems} problem${problems === 1 ? '' : 's'}`,
  );
  if (articles === 0) return 1;
  return options.strict && problems > 0 ? 1 : 0;
}

function render(article: ExtractedArticle, format: Format, index: number): string {
  if (format === 'jsonl') return `${JSON.stringify(article)}\n`;
  if (format === 'json') return `${index === 0 ? '\n' : ',\n'}${JSON.stringify(article)}`;
  return formatPretty(article);
}

function oneLine(error: SitrepError): string {
  return `${error.message.replace(/\s*\n\s*/g, '; ')} [${error.code}]`;
}
