/**
 * Prints the extractor's current output in gold form for one seed, one record per line, as a
 * starting point a person corrects by reading the seed (never copied into a gold file unread):
 *   npx tsx test/gold/write-draft.ts 001_5bae0838f8ec4212
 */
import { analyseSeed, toGold } from './gold-records.ts';

const seed = process.argv[2] ?? '000_ea18342763ee7f17';
const gold = toGold(seed, analyseSeed(seed));
const list = (items: unknown[]) => `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]`;
console.log(`{
  "file": ${JSON.stringify(gold.file)},
  "notes": [],
  "quantities": ${list(gold.quantities)},
  "events": ${list(gold.events)},
  "claims": ${list(gold.claims)},
  "places": ${JSON.stringify(gold.places)}
}`);
