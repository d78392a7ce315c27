/**
 * `npm run eval:world`: extraction accuracy over world-dev, 30 real conflict reports from 19
 * countries with hand gold (`../shared/datasets/world-dev/`, its README gives the format).
 * Every article is extracted once, from its text alone; each section compares what it owns with
 * the gold and prints its table. Skips with a message when the data set is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { extractArticle } from '../src/extract-article.ts';
import { readInputs } from '../src/read/read-inputs.ts';
import { casualtySection } from './eval-world/casualties.ts';
import { placeSection } from './eval-world/places.ts';

export interface GoldFigure {
  best: number | null;
  low: number | null;
  high: number | null;
}

export interface GoldEvent {
  what: string;
  kind: string;
  place: string | null;
  killed: GoldFigure;
  injured: GoldFigure;
  perpetrator: string | null;
  quote: string;
  injured_quote?: string;
  alt_quotes?: string[];
}

export interface GoldArticle {
  file: string;
  country: string;
  publishedAt: string | null;
  events: GoldEvent[];
  cumulative: { what: string; killed: number | null; quote: string }[];
  traps: string[];
}

/** One article: its gold, its original text (the spans' frame) and what Sitrep extracted. */
export interface WorldRun {
  gold: GoldArticle;
  text: string;
  article: ExtractedArticle;
}

const dir =
  process.argv.slice(2).find((a) => !a.startsWith('--')) ??
  fileURLToPath(new URL('../../../../shared/datasets/world-dev/', import.meta.url));
const goldPath = join(dir, 'gold.json');
if (!existsSync(goldPath)) {
  console.log(
    `eval:world skipped: world-dev not found at ${dir} (give its folder: npm run eval:world -- DIR)`,
  );
  process.exit(0);
}

const gold: GoldArticle[] = JSON.parse(readFileSync(goldPath, 'utf8')).articles;
const byFile = new Map(gold.map((g) => [g.file, g]));
const runs: WorldRun[] = [];
for await (const item of readInputs([join(dir, 'articles')])) {
  if (!item.ok) {
    console.log(`skipped: ${item.error.message}`);
    continue;
  }
  const file = (item.raw.origin.path ?? '').split('/').pop() ?? '';
  const g = byFile.get(file);
  if (g) runs.push({ gold: g, text: item.raw.text, article: extractArticle(item.raw) });
}
console.log(`\nworld-dev: ${runs.length} of ${gold.length} gold articles extracted (${dir})\n`);
const verbose = process.argv.includes('--verbose');
console.log(casualtySection(runs, { verbose }));
console.log(`\n${placeSection(runs, { verbose })}`);
