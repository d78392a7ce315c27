import type { Article } from '@sitrep/schema/article';
import type { Span } from '@sitrep/schema/primitives';

/**
 * The hand-off between the two halves of extraction: reading and cleaning produce a
 * PreparedDocument (the article's metadata plus clean sentences that still point into the
 * original text); analysis turns its sentences into claims, events and entity mentions.
 */
export interface Sentence {
  /** the sentence after cleaning (NBSP → space, typographic quotes → straight) */
  text: string;
  /** offsets of the sentence in the ORIGINAL text */
  span: Span;
  /** index into `article.paragraphs` */
  paragraph: number;
  /**
   * Maps an offset inside `text` to an offset in the original text, so analysis can report
   * exact original spans for any substring (cleaning may change lengths).
   */
  toOriginal(offset: number): number;
}

export interface PreparedDocument {
  /** the article record without claims and events, publication date already resolved */
  article: Article;
  /** the original text exactly as read (after BOM removal) — all spans point into it */
  original: string;
  /** body sentences in reading order; headline, captions and page furniture excluded */
  sentences: Sentence[];
}
