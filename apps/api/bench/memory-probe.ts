import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A server's memory in MB, as process.memoryUsage() gives it. */
export interface Memory {
  rss: number;
  heapUsed: number;
}

/**
 * What the soak loads into each API process ahead of the server (`node --expose-gc --import
 * data:…`): on SIGUSR2 it runs a full garbage collection and writes the memory left (and, with
 * `heap`, a heap snapshot for bench/heap-diff.ts) to `dir`; with `log` it also appends the
 * memory every 5 s to `<pid>.tsv`.
 *
 * Why after a full collection: under the uncached load V8 lets garbage that outlived two
 * scavenges pile up in the old space until a mark-compact, so RSS climbs by up to half between
 * collections and falls back (PostgreSQL, uncached, 150 s: heapUsed 93 → 351 MB, then 99 MB;
 * live heap 87.0 → 88.0 MB in snapshots at the window's ends). RSS sampled at a moment
 * measures where that saw is; RSS after a full collection measures what the server keeps.
 *
 * Read once RSS has stopped falling (every 100 ms, until two reads agree within 1 MB; 3 s at
 * most), not as gc() returns: the collection hands the pages it emptied to a background thread
 * that unmaps them, so RSS read in the same tick still counts them, and the more garbage the heap
 * held at the collection the more (250 MB of old-space garbage in a bare node: RSS 369 MB as
 * gc() returned with heapTotal already 37, 94 MB 50 ms later). The soak's ends fall wherever the
 * saw above is, so that read was noise of tens of MB either way (uncached PostgreSQL: 397 MB as
 * gc() returned at the window's start, 364 MB with the same heapTotal 2 s later).
 */
export function memoryProbe(dir: string, options: { heap?: boolean; log?: boolean } = {}) {
  const module = `import { appendFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
const dir = ${JSON.stringify(dir)};
const mb = (n) => (n / 1048576).toFixed(1);
const line = (t) => {
  const m = process.memoryUsage();
  return [t, mb(m.rss), mb(m.heapTotal), mb(m.heapUsed), mb(m.external), mb(m.arrayBuffers)].join('\\t') + '\\n';
};
const started = Date.now();
if (${Boolean(options.log)})
  setInterval(() => appendFileSync(dir + '/' + process.pid + '.tsv', line(((Date.now() - started) / 1000).toFixed(0))), 5000).unref();
process.on('SIGUSR2', () => {
  globalThis.gc();
  if (${Boolean(options.heap)}) writeHeapSnapshot(dir + '/' + process.pid + '-' + Date.now() + '.heapsnapshot');
  let last = process.memoryUsage.rss();
  let tries = 0;
  const settle = () => setTimeout(() => {
    const now = process.memoryUsage.rss();
    if ((Math.abs(now - last) < 1048576 && tries >= 2) || ++tries > 30) appendFileSync(dir + '/' + process.pid + '.gc', line('gc'));
    else { last = now; settle(); }
  }, 100);
  settle();
});`;
  return {
    nodeArgs: ['--expose-gc', '--import', `data:text/javascript,${encodeURIComponent(module)}`],
    /** A full collection in `child`, then its memory. */
    async settled(child: ChildProcess): Promise<Memory> {
      const file = join(dir, `${child.pid}.gc`);
      const lines = () => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : []);
      const before = lines().length;
      child.kill('SIGUSR2');
      for (;;) {
        await new Promise((r) => setTimeout(r, 200));
        const last = lines()[before];
        if (last === undefined) continue;
        const [, rss, , heapUsed] = last.split('\t').map(Number);
        return { rss: rss!, heapUsed: heapUsed! };
      }
    },
  };
}
