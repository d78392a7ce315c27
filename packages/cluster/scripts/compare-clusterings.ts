// Reads two dumps of scripts/fakes-clusters.ts (--dump) and prints every cluster of the second
// that joins mentions the first kept apart, each member with its kind, place, date and toll, so
// new merges can be read one by one. Usage: npx tsx scripts/compare-clusterings.ts BEFORE AFTER [N]
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTRACTOR_VERSION } from '@sitrep/extract/extractor-version';
import type { EventMention } from '../src/event-mention.ts';

const [before, after, limit] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: compare-clusterings.ts BEFORE AFTER [N]');
  process.exit(1);
}
const clusters = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(' ').map((m) => m.split('@')[0] as string));
const mentions: (EventMention & { unitId: string })[] = JSON.parse(
  readFileSync(join(tmpdir(), `sitrep-fakes-mentions-${EXTRACTOR_VERSION}.json`), 'utf8'),
);
const byId = new Map(mentions.map((m) => [m.id, m]));
const clusterBefore = new Map<string, number>();
clusters(before).forEach((ids, i) => {
  for (const id of ids) clusterBefore.set(id, i);
});
const merged = clusters(after).filter((ids) => new Set(ids.map((id) => clusterBefore.get(id))).size > 1);
console.log(`${merged.length} clusters join mentions kept apart before`);
for (const ids of merged.slice(0, Number(limit ?? 1000))) {
  console.log('---');
  for (const id of ids) {
    const m = byId.get(id);
    if (!m) continue;
    const k = m.casualties.killed;
    console.log(
      `  [${clusterBefore.get(id)}] ${m.unitId} ${m.outlet?.name ?? '?'} ${m.kind} @${m.location?.name ?? '-'} ` +
        `${m.occurred.start ?? ''}..${m.occurred.end ?? ''}/${m.occurred.precision} killed=${k ? `${k.best}${k.qualifier ? `(${k.qualifier})` : ''}` : '-'} ` +
        `perp=${
          m.participants
            .filter((p) => p.role === 'perpetrator')
            .map((p) => p.actor.name)
            .join(',') || '-'
        }`,
    );
  }
}
