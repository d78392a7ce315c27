// Prints the events extraction finds in the FA-KES rows named on the command line (kind, date,
// place, toll and the sentence), to trace a missed pair to extraction. Reads FA-KES at run time.
// Usage: npx tsx scripts/show-events.ts UNIT_ID...
import { extractFakes } from '../test/extracted-articles.ts';
import type { ArticlesByKey } from '../test/labelled-pairs.ts';

const ids = process.argv.slice(2);
const articles: ArticlesByKey = new Map();
await extractFakes(new Set(ids), articles);
for (const [key, a] of articles) {
  console.log(`\n== ${key} ${a.publishedAt?.date ?? '-'} ${a.headline ?? ''}`);
  for (const e of a.events)
    console.log(
      `  ${e.kind} ${e.occurred.start ?? '-'}..${e.occurred.end ?? '-'} (${e.occurred.precision}) @${e.location?.name ?? '-'} killed=${e.casualties.killed?.best ?? '-'} | ${e.summary.slice(0, 160)}`,
    );
}
