/**
 * The issue of one FA-KES day, as `test/khan-sheikhoun-issue.test.ts` builds it, written to files
 * to read and screenshot: all of FA-KES ingested as a desk feeds it (`test/fa-kes-desk.ts`) into
 * a SQLite store kept in STORE_DIR (reused while it exists: delete it after a change to
 * extraction or clustering), then DAY's issue built through the GraphQL operations and written as
 * OUT_DIR/DAY.html (the web edition, showing the map written beside it), DAY.txt and DAY.json
 * (the issue model). With PLACE, the edition of a reader who follows that place, as
 * DAY-PLACE.html with its own map.
 * Usage: npx tsx scripts/fakes-day-issue.ts STORE_DIR OUT_DIR [DAY=2017-04-04] [PLACE]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest, inputsFromPaths } from '@sitrep/ingest/ingest';
import { openStore } from '@sitrep/store/store';
import { buildIssue } from '../src/build-issue.ts';
import { inProcessExecutor } from '../src/data/executors.ts';
import { graphqlSource } from '../src/data/graphql-source.ts';
import { forTheWeb } from '../src/map/map-image.ts';
import { recipientContext } from '../src/recipient-context.ts';
import { compileIssue, renderFor } from '../src/render/compile-issue.ts';
import { hasFakes, writeDeskCsv } from '../test/fa-kes-desk.ts';
import { LINKS, subscriber } from '../test/seed-issue.ts';

const [storeDir, outDir, day = '2017-04-04', place] = process.argv.slice(2);
if (!storeDir || !outDir || !hasFakes()) {
  console.error(
    'usage: npx tsx scripts/fakes-day-issue.ts STORE_DIR OUT_DIR [DAY] (needs ../shared/datasets/fa-kes)',
  );
  process.exit(2);
}
mkdirSync(storeDir, { recursive: true });
mkdirSync(outDir, { recursive: true });
const file = join(storeDir, 'sitrep.db');
const fresh = !existsSync(file);
const store = await openStore({ engine: 'sqlite', file });
try {
  if (fresh) {
    const desk = await writeDeskCsv(storeDir);
    const summary = await ingest(store, inputsFromPaths([desk.file]), { jobs: 1 });
    console.log(`ingested: ${JSON.stringify(summary).slice(0, 300)}`);
  }
  const data = await graphqlSource(inProcessExecutor(store)).day(day);
  const issue = buildIssue(data, { archiveUrl: 'https://sitrep.example.org/digests' });
  const compiled = await compileIssue(issue);
  const reader = subscriber('desk@example.org', place ? { places: [place] } : {});
  const context = recipientContext(issue, reader, LINKS);
  if (!context)
    throw new Error(`nothing in the issue of ${day} for a reader following ${place ?? 'everything'}`);
  const { html, text } = renderFor(compiled, context);
  const name = place ? `${day}-${place.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : day;
  const map = compiled.mapFor(context.map);
  // the web edition shows the map's panels from files beside it, named for the edition
  const web = map.map((m, i) => ({ ...m, file: `${name}-map${i ? `-${i + 1}` : ''}.png` }));
  for (const w of web) writeFileSync(join(outDir, w.file), w.png);
  writeFileSync(join(outDir, `${name}.html`), forTheWeb(html, web));
  writeFileSync(join(outDir, `${name}.txt`), text);
  writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify({ issue, data }, null, 2)}\n`);
  console.log(
    `${join(outDir, name)}.{html,txt,json}${web.map((w) => ` and ${w.file} (${w.png.length} bytes)`).join('')}`,
  );
} finally {
  await store.close();
}
