// A separate process for article-worker.test.ts: extracts one article in the shared article
// worker, prints its event count and returns without closing the worker. The process must
// still end by itself: an idle worker does not hold it open.
import { rawArticleFromInput } from '../src/article-input.ts';
import { sharedArticleWorker } from '../src/extract-pool/article-worker.ts';

const { raw } = rawArticleFromInput(
  { text: process.argv[2]!, url: null, outlet: null, publishedAt: null },
  'argument',
);
const item = await sharedArticleWorker().extract({ ok: true, raw });
console.log(item.ok ? item.record.events.length : 'failed');
