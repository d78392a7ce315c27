// `npx tsx bench/heap-diff.ts before.heapsnapshot after.heapsnapshot`: what the live heap gained
// between two V8 heap snapshots (the soak's SOAK_HEAP_DIR writes one at its window's start and
// end). Sums each object kind's self size and count; a leak shows as a kind that grows with the
// run, warm-up as growth that stops.
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

function totals(file: string): Map<string, { size: number; count: number }> {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const out = new Map<string, { size: number; count: number }>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]!]!;
    // strings and code are grouped by type: their names are their contents
    const name =
      type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + nameAt]!]! : `(${type})`;
    const entry = out.get(name) ?? { size: 0, count: 0 };
    entry.size += snap.nodes[i + sizeAt]!;
    entry.count++;
    out.set(name, entry);
  }
  return out;
}

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) throw new Error('usage: heap-diff.ts before.heapsnapshot after.heapsnapshot');
const before = totals(beforeFile);
const after = totals(afterFile);
const sum = (m: Map<string, { size: number }>) => [...m.values()].reduce((n, e) => n + e.size, 0);
const mb = (n: number) => (n / 2 ** 20).toFixed(1);
console.log(`live heap: ${mb(sum(before))} MB → ${mb(sum(after))} MB`);
const growth = [...after]
  .map(([name, a]) => {
    const b = before.get(name) ?? { size: 0, count: 0 };
    return { name, size: a.size - b.size, count: a.count - b.count, total: a.size };
  })
  .sort((x, y) => y.size - x.size)
  .slice(0, 15);
console.log('| kind | Δ MB | Δ count | MB at end |\n|---|---:|---:|---:|');
for (const g of growth)
  console.log(`| ${g.name.slice(0, 60)} | ${mb(g.size)} | ${g.count} | ${mb(g.total)} |`);
