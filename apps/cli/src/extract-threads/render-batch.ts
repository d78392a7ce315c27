import { extractAll } from '@sitrep/extract/extract-article';
import type { ReadArticle } from './messages.ts';
import { type Format, type RenderedItem, renderItem } from './rendered-item.ts';

/**
 * A batch extracted and rendered in this thread: the same extractAll and renderItem as one
 * thread runs over the whole input, so either thread prints what one thread would.
 */
export async function renderBatch(articles: readonly ReadArticle[], format: Format): Promise<RenderedItem[]> {
  const items: RenderedItem[] = [];
  for await (const item of extractAll(each(articles))) items.push(renderItem(item, format));
  return items;
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
