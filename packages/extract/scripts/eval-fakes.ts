/**
 * `npm run eval`: extraction accuracy over FA-KES (804 labelled articles). Publication dates are
 * extracted from the text alone (the label column is withheld) and compared with the label
 * and with the date the text itself prints; locations with the governorate label; and a
 * seeded sample of 40 casualty figures is printed for a person to judge.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { daysBetween } from '../src/dates/calendar.ts';
import { explicitIso, findExplicitDates } from '../src/dates/explicit-dates.ts';
import { parseCalendar } from '../src/dates/resolve-published-at.ts';
import { extractArticle } from '../src/extract-article.ts';
import { readInputs } from '../src/read/read-inputs.ts';
import { governorateMatcher } from './eval-locations.ts';

const csv =
  process.argv[2] ??
  fileURLToPath(new URL('../../../../shared/datasets/fa-kes/FA-KES-Dataset.csv', import.meta.url));
if (!existsSync(csv)) {
  console.log(
    `eval skipped: FA-KES not found at ${csv} (give its path: npm run eval -- path/to/FA-KES-Dataset.csv)`,
  );
  process.exit(0);
}

interface Row {
  article: ExtractedArticle;
  label: string | null;
  labelLocation: string | null;
  /** the first full date printed near the top of the text, as a second reference */
  printed: string | null;
  /** the baseline: the first full date anywhere in the text */
  firstDate: string | null;
}

const rows: Row[] = [];
for await (const item of readInputs([csv])) {
  if (!item.ok) {
    console.log(`skipped: ${item.error.message}`);
    continue;
  }
  const label = item.raw.hints.publishedAt ? (parseCalendar(item.raw.hints.publishedAt)?.date ?? null) : null;
  item.raw.hints.publishedAt = null;
  const dates = findExplicitDates(item.raw.text).filter((d) => d.year !== null);
  const head = dates.find((d) => d.index < 200 + (item.raw.meta.headline?.length ?? 0));
  rows.push({
    article: extractArticle(item.raw),
    label,
    labelLocation: item.raw.hints.location,
    printed: head ? explicitIso(head) : null,
    firstDate: dates[0] ? explicitIso(dates[0]) : null,
  });
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)}%`;
function agreement(name: string, pairs: [string | null, string | null][]): string {
  const both = pairs.filter(([a, b]) => a && b) as [string, string][];
  const exact = both.filter(([a, b]) => a === b).length;
  const near = both.filter(([a, b]) => Math.abs(daysBetween(a, b)) <= 3).length;
  const month = both.filter(([a, b]) => a.slice(0, 7) === b.slice(0, 7)).length;
  return `| ${name} | ${both.length} | ${pct(exact, pairs.length)} | ${pct(near, pairs.length)} | ${pct(month, pairs.length)} | ${pct(exact, both.length)} |`;
}

const dayPrecise = (a: ExtractedArticle) => (a.publishedAt.precision === 'day' ? a.publishedAt.date : null);
console.log(`\nFA-KES: ${rows.length} articles (${csv})\n`);
console.log(
  'Publication date (label withheld from extraction); % of all rows, last column % of rows where both sides have a date\n',
);
console.log('| compared | rows with both | exact | within 3 days | same month | exact where both |');
console.log('|---|---|---|---|---|---|');
console.log(
  agreement(
    'Sitrep vs label',
    rows.map((r) => [dayPrecise(r.article), r.label]),
  ),
);
console.log(
  agreement(
    'Sitrep vs date printed at the top',
    rows.map((r) => [dayPrecise(r.article), r.printed]),
  ),
);
console.log(
  agreement(
    'baseline (first full date in text) vs label',
    rows.map((r) => [r.firstDate, r.label]),
  ),
);
console.log(
  agreement(
    'date printed at the top vs label',
    rows.map((r) => [r.printed, r.label]),
  ),
);

const byBasis = new Map<string, { n: number; exact: number }>();
for (const r of rows) {
  const b = byBasis.get(r.article.publishedAt.basis) ?? { n: 0, exact: 0 };
  b.n++;
  if (dayPrecise(r.article) === r.label) b.exact++;
  byBasis.set(r.article.publishedAt.basis, b);
}
console.log('\n| basis | articles | exact vs label |\n|---|---|---|');
for (const [basis, b] of [...byBasis].sort((x, y) => y[1].n - x[1].n))
  console.log(`| ${basis} | ${b.n} | ${pct(b.exact, b.n)} |`);

const matcher = await governorateMatcher();
if (matcher === null)
  console.log('\nLocation: not yet available (the gazetteer export "./gazetteer" is not there yet).');
else {
  let first = 0;
  let event = 0;
  for (const r of rows) {
    if (matcher.matches(matcher.firstMentioned(r.article), r.labelLocation)) first++;
    if (matcher.matches(matcher.firstEvent(r.article), r.labelLocation)) event++;
  }
  console.log('\n| location vs governorate label | agreement |\n|---|---|');
  console.log(`| first place with a governorate in the article's mentions | ${pct(first, rows.length)} |`);
  console.log(`| location of the first located event | ${pct(event, rows.length)} |`);
}

// A fixed-seed sample, so two runs show a person the same 40 figures.
let seed = 20161209;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const figures = rows.flatMap((r) =>
  r.article.events.filter((e) => e.casualties.killed || e.casualties.injured).map((e) => ({ r, e })),
);
const sample = [...figures];
for (let i = sample.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [sample[i], sample[j]] = [sample[j] as (typeof sample)[number], sample[i] as (typeof sample)[number]];
}
console.log(`\n40 of ${figures.length} casualty figures, seeded sample — judge each against its sentence:\n`);
for (const { r, e } of sample.slice(0, 40)) {
  const k = e.casualties.killed;
  const inj = e.casualties.injured;
  const figure = [
    k ? `killed ${k.qualifier} ${k.best} ${k.group}` : null,
    inj ? `injured ${inj.qualifier} ${inj.best} ${inj.group}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const sentence = e.evidence[0]?.sentence ?? '';
  console.log(
    `- #${r.article.origin.externalId} ${e.kind}: ${figure} · ${e.occurred.start ?? 'date?'} · ${e.location?.name ?? 'place?'}\n    "${sentence.slice(0, 220)}"`,
  );
}
