import type { Article, Credit, Paragraph } from '@sitrep/schema/article';
import { contentHash, stableId } from '@sitrep/schema/ids';
import { resolvePublishedAt } from '../dates/resolve-published-at.ts';
import { EXTRACTOR_VERSION } from '../extractor-version.ts';
import type { PreparedDocument, Sentence } from '../prepared-document.ts';
import type { RawArticle } from '../read/raw-article.ts';
import { type CleanText, cleanRange, cleanString } from './clean-text.ts';
import { detectLanguage } from './detect-language.ts';
import { addCredit, readLayout } from './layout.ts';
import { wordCount } from './line-shape.ts';
import { findOutlet, outletRef } from './outlets.ts';
import { splitSentences } from './split-sentences.ts';
import { trimParagraphs } from './trim-paragraphs.ts';

const PERSON = /^\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){1,3}$/u;

/** Headlines as sources give them carry site names and labels: "… | Jordan Times", "title: …". */
function sourceHeadline(headline: string): string {
  return (
    headline
      .replace(/^title:\s*/i, '')
      .replace(/\s+\|\s+[^|]{2,60}$/, '')
      .trim() || headline
  );
}

/** An agency writing about its own staff ("a Reuters journalist said") is the outlet. */
const SELF_REFERENCE =
  /\ba (Reuters|AFP|AP) (?:journalist|reporter|correspondent|witness|photographer|cameraman)\b/;

/**
 * Raw text → the article record (headline, kicker, captions, credits, outlet, publication
 * date...) and clean body sentences whose offsets point into the original text. Pure and
 * deterministic: the same raw input always gives the same document.
 */
export function prepareDocument(raw: RawArticle): PreparedDocument {
  const original = raw.text;
  const hash = contentHash(original);
  const id = stableId('art', hash);
  const metaHeadline = raw.meta.headline ? sourceHeadline(raw.meta.headline) : null;
  const layout = readLayout(original, raw.bodyStart, metaHeadline);
  const trimmed = trimParagraphs(original, layout.paragraphs, metaHeadline, layout.dateline !== null);
  const dateline = layout.dateline ?? trimmed.dateline;

  const cleaned: CleanText[] = trimmed.segments.map((s) => cleanRange(original, s.start, s.end));
  const paragraphs: Paragraph[] = cleaned.map((c) => ({
    text: c.text,
    span: { start: c.map[0] as number, end: c.map[c.text.length] as number },
  }));
  const sentences: Sentence[] = [];
  cleaned.forEach((clean, paragraph) => {
    for (const { start, end } of splitSentences(clean.text))
      sentences.push(sentenceOf(clean, start, end, paragraph));
  });

  const body = paragraphs.map((p) => p.text).join('\n');
  const outletName = raw.meta.outlet ?? trimmed.outletName ?? SELF_REFERENCE.exec(body)?.[1] ?? null;
  const outlet = outletName ? outletRef(outletName) : null;
  const credits: Credit[] = [];
  for (const credit of [...layout.credits, ...trimmed.credits]) {
    // "Reporting by Angus McDowall" credits a person of the outlet, not an agency.
    if (findOutlet(credit.agency) || !PERSON.test(credit.agency)) addCredit(credits, credit);
    else if (outlet) addCredit(credits, { ...credit, agency: outlet.name, person: credit.agency });
  }
  const article: Article = {
    id,
    headline: headlineOf(metaHeadline, layout.headline, sentences, raw.origin.path),
    kicker: layout.kicker,
    standfirst: layout.standfirst,
    byline: layout.byline,
    dateline: dateline ? cleanString(dateline.text) || null : null,
    outlet,
    url: raw.meta.url,
    credits,
    publishedAt: resolvePublishedAt({
      metadata: raw.meta.publishedAt,
      dateline,
      hint: raw.hints.publishedAt,
      captions: layout.captions,
      paragraphs: cleaned,
    }),
    captions: layout.captions.map((c) => c.caption),
    paragraphs,
    language: raw.meta.language ?? detectLanguage(body),
    wordCount: paragraphs.reduce((n, p) => n + wordCount(p.text), 0),
    contentHash: hash,
    origin: raw.origin,
    hints: { ...raw.hints },
    extractorVersion: EXTRACTOR_VERSION,
  };
  return { article, original, sentences };
}

function sentenceOf(clean: CleanText, start: number, end: number, paragraph: number): Sentence {
  const { map } = clean;
  return {
    text: clean.text.slice(start, end),
    span: { start: map[start] as number, end: (map[end - 1] as number) + 1 },
    paragraph,
    toOriginal(offset: number): number {
      const at = Math.max(0, Math.min(start + offset, end));
      // The end of a substring maps to just after its last character.
      return at === end ? (map[end - 1] as number) + 1 : (map[at] as number);
    },
  };
}

/** The printed headline; failing that, the first sentence (a headline is required). */
function headlineOf(
  meta: string | null,
  printed: string | null,
  sentences: Sentence[],
  path?: string,
): string {
  const headline = (meta ? cleanString(meta) : null) || printed || sentences[0]?.text || path || 'Untitled';
  return headline.length > 300 ? `${headline.slice(0, 297)}...` : headline;
}
