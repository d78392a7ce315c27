import type { Origin } from '@sitrep/schema/article';
import { BadInputError, InvalidRecordError } from '@sitrep/schema/errors';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { analyseDocument } from './analyse/analyse-document.ts';
import type { RawArticle } from './read/raw-article.ts';
import type { ReadItem } from './read/read-item.ts';
import { prepareDocument } from './text/prepare-document.ts';
import { validateExtracted } from './validate/validate-extracted.ts';

export type { ExtractedArticle } from '@sitrep/schema/extracted-article';

/**
 * One raw article → the validated record `sitrep extract` prints (one JSON Lines row each).
 * Deterministic: ids derive from the content hash, so the same text gives the same output.
 * Throws InvalidRecordError if extraction produced something the schema rejects (a bug).
 */
export function extractArticle(raw: RawArticle): ExtractedArticle {
  const doc = prepareDocument(raw);
  const what = () => `article ${doc.article.id} from ${describeOrigin(raw.origin)}`;
  const { language } = doc.article;
  // English rules never read another language: the article is kept, with its language, unread
  if (!readsAs(language))
    return validateExtracted(
      {
        ...doc.article,
        claims: [],
        events: [],
        mentions: { actors: [], places: [] },
        analysisSkipped: {
          reason: 'language',
          message: `the text is in ${language}, and Sitrep reads English only`,
        },
      },
      what,
    );
  const analysis = analyseDocument(doc);
  return validateExtracted(
    {
      ...doc.article,
      claims: analysis.claims,
      events: analysis.events,
      mentions: analysis.mentions,
    },
    what,
  );
}

/** English, or a language no one could tell ("und": a short or odd text is read rather than lost). */
const readsAs = (language: string): boolean => /^(?:en|und)(?:-|$)/i.test(language);

export { validateExtracted } from './validate/validate-extracted.ts';

export type ExtractItem =
  | { ok: true; article: ExtractedArticle; warnings: string[] }
  | { ok: false; error: BadInputError | InvalidRecordError };

/** Articles kept without analysis, counted by reason and language, for a run's closing line. */
export class SkippedCount {
  readonly byLanguage = new Map<string, number>();
  total = 0;

  add(article: Pick<ExtractedArticle, 'analysisSkipped' | 'language'>): void {
    if (!article.analysisSkipped) return;
    this.total++;
    this.byLanguage.set(article.language, (this.byLanguage.get(article.language) ?? 0) + 1);
  }

  /** "2 stored without analysis: not in English (fr 1, es 1)", or null when none were. */
  describe(): string | null {
    if (this.total === 0) return null;
    const langs = [...this.byLanguage].map(([l, n]) => `${l} ${n}`).join(', ');
    return `${this.total} without analysis: not in English (${langs})`;
  }
}

/**
 * Streams read items through extraction one at a time, so memory stays flat whatever the
 * input size. A read problem or an article that fails validation becomes an error item; the
 * rest goes on.
 */
export async function* extractAll(inputs: AsyncIterable<ReadItem>): AsyncGenerator<ExtractItem> {
  for await (const item of inputs) {
    if (!item.ok) {
      yield item;
      continue;
    }
    try {
      yield { ok: true, article: extractArticle(item.raw), warnings: item.warnings ?? [] };
    } catch (error) {
      if (error instanceof InvalidRecordError) yield { ok: false, error };
      else
        yield {
          ok: false,
          error: new BadInputError(
            describeOrigin(item.raw.origin),
            `extraction failed (${(error as Error).message}); please report this with the input`,
            { cause: error },
          ),
        };
    }
  }
}

/** "corpus/a.txt", "fakes.csv:12 (id 1914947530)" */
export function describeOrigin(origin: Origin): string {
  const where = `${origin.path ?? 'input'}${origin.line ? `:${origin.line}` : ''}`;
  return origin.externalId ? `${where} (id ${origin.externalId})` : where;
}
