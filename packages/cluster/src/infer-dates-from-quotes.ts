import type { PublishedAt } from '@sitrep/schema/article';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { MIN_QUOTE_WORDS, quoteContained, quoteWords, shingles } from './quote-text.ts';

/** What inference reads from each article: an ExtractedArticle will do. */
export type DatedArticle = Pick<ExtractedArticle, 'id' | 'publishedAt' | 'claims'>;

export interface InferredDate {
  articleId: string;
  /** basis `cluster`, the donor's date, a lower confidence and a reason naming the donor and the quote */
  publishedAt: PublishedAt;
  donorArticleId: string;
  quote: string;
}

/** Below this confidence (or without a day-precise date) an article's own date is weak. */
export const WEAK_DATE_CONFIDENCE = 0.5;
/** A borrowed date is trusted less than the donor's own: the quote could have been repeated a day later. */
const BORROWED_CONFIDENCE_FACTOR = 0.6;

function weak(p: PublishedAt): boolean {
  return p.date === null || p.precision !== 'day' || p.confidence < WEAK_DATE_CONFIDENCE;
}

function donorCan(p: PublishedAt): boolean {
  return !weak(p) && p.basis !== 'cluster';
}

/** The recipient's own coarse date ("2016-12", "2016") must contain the borrowed day. */
function consistent(own: PublishedAt, day: string): boolean {
  if (own.date === null) return true;
  if (own.precision === 'month') return day.slice(0, 7) === own.date.slice(0, 7);
  if (own.precision === 'year') return day.slice(0, 4) === own.date.slice(0, 4);
  return own.date === day;
}

interface Quote {
  article: DatedArticle;
  words: string[];
  text: string;
}

function quotesOf(article: DatedArticle): Quote[] {
  return article.claims
    .filter((c) => c.kind === 'quote')
    .map((c) => ({ article, words: quoteWords(c.text), text: c.text }))
    .filter((q) => q.words.length >= MIN_QUOTE_WORDS);
}

/**
 * The quote shingles an article is filed under: two articles can share a quote (one donating
 * its date to the other) only if they share one of these, so a store can find the articles an
 * inference may involve without reading every article.
 */
export function articleQuoteShingles(article: Pick<DatedArticle, 'claims'>): string[] {
  const out = new Set<string>();
  for (const c of article.claims) {
    if (c.kind !== 'quote') continue;
    const words = quoteWords(c.text);
    if (words.length >= MIN_QUOTE_WORDS) for (const s of shingles(words)) out.add(s);
  }
  return [...out];
}

/**
 * An article with a weak date takes the date of a well-dated article it shares an exact quote
 * with (the same words, punctuation and case aside), recorded with basis `cluster` and lower
 * confidence. When donors disagree on the day, nothing is inferred: a guess is not a date.
 */
export function inferDatesFromQuotes(articles: readonly DatedArticle[]): InferredDate[] {
  const index = new Map<string, Quote[]>();
  for (const a of articles) {
    if (!donorCan(a.publishedAt)) continue;
    for (const q of quotesOf(a))
      for (const s of shingles(q.words)) {
        // Appended in place: copying the list per quote was quadratic in a quote's repeats.
        const list = index.get(s);
        if (list) list.push(q);
        else index.set(s, [q]);
      }
  }
  const out: InferredDate[] = [];
  for (const a of [...articles].sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (!weak(a.publishedAt)) continue;
    const donors = new Map<string, { donor: Quote; quote: Quote }>();
    for (const q of quotesOf(a))
      for (const s of shingles(q.words))
        for (const d of index.get(s) ?? [])
          if (d.article.id !== a.id && quoteContained(q.words, d.words) && !donors.has(d.article.id))
            donors.set(d.article.id, { donor: d, quote: q });
    const days = new Set([...donors.values()].map((d) => d.donor.article.publishedAt.date));
    if (days.size !== 1) continue;
    const [first] = [...donors.values()].sort((x, y) =>
      x.donor.article.publishedAt.confidence !== y.donor.article.publishedAt.confidence
        ? y.donor.article.publishedAt.confidence - x.donor.article.publishedAt.confidence
        : x.donor.article.id < y.donor.article.id
          ? -1
          : 1,
    );
    if (!first) continue;
    const donorDate = first.donor.article.publishedAt;
    const day = donorDate.date as string;
    if (!consistent(a.publishedAt, day)) continue;
    out.push({
      articleId: a.id,
      donorArticleId: first.donor.article.id,
      quote: first.quote.text,
      publishedAt: {
        date: day,
        precision: 'day',
        basis: 'cluster',
        confidence: Math.round(donorDate.confidence * BORROWED_CONFIDENCE_FACTOR * 100) / 100,
        reason: `no reliable date of its own; shares the quote "${first.quote.text}" with article ${first.donor.article.id}, dated ${day} (${donorDate.basis})`,
        evidence: null,
      },
    });
  }
  return out;
}
