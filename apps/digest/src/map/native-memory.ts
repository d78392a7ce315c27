import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * resvg-js keeps each instance's font database and pixels outside V8's heap, and frees them only
 * when V8 collects the instance (thx/resvg-js#216) — which V8, seeing a small heap, may put off
 * for hundreds of maps: `digest --all` over FA-KES peaked at 8.7 GB of RSS. A process that draws
 * many maps asks V8 for a collection every RENDERS_PER_COLLECTION instances, which keeps it flat
 * (≈ 190 MB in the same loop); one issue's map never triggers one.
 */
const RENDERS_PER_COLLECTION = 32;
let renders = 0;
let collect: (() => void) | null | undefined;

/** Counts one resvg instance made; every RENDERS_PER_COLLECTION of them, a full collection. */
export function madeResvg(): void {
  if (++renders % RENDERS_PER_COLLECTION !== 0) return;
  if (collect === undefined) {
    try {
      // the flag exposes `gc` to contexts made after it; the page's own globals stay as they were
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
