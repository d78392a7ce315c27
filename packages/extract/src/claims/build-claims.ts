import type { Claim, ClaimKind } from '@sitrep/schema/claim';
import { stableId } from '@sitrep/schema/ids';
import type { Quantity } from '@sitrep/schema/quantity';
import { mayNameDate } from '../analyse/sentence-dates.ts';
import type { LocalDate } from '../events/pick-date.ts';
import type { SentenceQuantity } from '../numbers/find-quantities.ts';
import type { TotalPhrase } from '../numbers/totals.ts';
import type { Sentence } from '../prepared-document.ts';
import { splitCount } from '../text/line-shape.ts';
import { DENY_VERBS } from './attribution-words.ts';
import { type Attribution, findAttribution } from './find-attribution.ts';
import { findQuotes, type QuotePassage } from './find-quotes.ts';
import { emptyMemory, remember, resolveSpeaker } from './resolve-speaker.ts';

export interface BuiltClaims {
  claims: Claim[];
  /** for each sentence, the claim that covers it (or null) */
  bySentence: (string | null)[];
}

const TOLD_WHOM = /^\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s*)+(?=\s|$)/;

/**
 * "said Thursday", "told journalists on December 9", "US officials on Wednesday said": the day
 * the statement was made, when the text gives one day for it.
 */
function saidOn(a: Attribution, dates: readonly LocalDate[]): string | null {
  const near = dates.find(
    (d) =>
      (d.start >= a.verbEnd && d.start - a.verbEnd <= 30 && d.statement) ||
      (d.end <= a.verbStart && d.start >= a.speakerStart),
  );
  const m = near?.mention;
  return m?.start && m.start === m.end && m.precision === 'day' ? m.start : null;
}

/** A passage shorter than this is a scare quote ("dire", "halted"), not a quotation. */
const MIN_QUOTE_WORDS = 4;

/**
 * A total's period with its dates when a date expression of the sentence lies in its words
 * ("since 2015" → from 2015, "so far this year"); a "since" period runs to the report.
 */
function periodOf(period: TotalPhrase, dates: () => readonly LocalDate[]): Quantity['period'] {
  const d = dates().find((x) => x.start < period.end && x.end > period.start)?.mention;
  if (!d?.start) return { text: period.text, start: null, end: null, precision: null };
  const open = /^since\b/i.test(period.text);
  return { text: period.text, start: d.start, end: open ? null : d.end, precision: d.precision };
}

function toQuantities(
  s: Sentence,
  qs: readonly SentenceQuantity[],
  base: number,
  dates: () => readonly LocalDate[],
): Quantity[] {
  return qs.map((q) => ({
    measure: q.measure,
    group: q.group,
    value: q.value,
    qualifier: q.qualifier,
    text: q.text,
    span: { start: s.toOriginal(q.start), end: s.toOriginal(q.end) },
    partOf: q.partOf === null ? null : q.partOf + base,
    cumulative: q.cumulative,
    period: q.period ? periodOf(q.period, dates) : null,
  }));
}

/** The quotations' ranges in sentence `k`, as offsets in it (module level, like `words` below). */
function quoteRanges(passages: readonly QuotePassage[], k: number): [number, number][] {
  return passages
    .filter((p) => p.from.sentence <= k && p.to.sentence >= k)
    .map((p) => [
      p.from.sentence === k ? p.from.offset : 0,
      p.to.sentence === k ? p.to.offset : Number.MAX_SAFE_INTEGER,
    ]);
}

/** Word count by white space (module level: a closure made per claim costs a name under tsx). */
function words(s: string): number {
  return s ? splitCount(s) : 0;
}

function reportedWords(text: string, a: Attribution): string {
  // "told the Security Council on Thursday there were signs ...": the audience is not the words
  const audience = a.verb === 'told' ? (TOLD_WHOM.exec(text.slice(a.verbEnd))?.[0].length ?? 0) : 0;
  const after = text
    .slice(a.verbEnd + audience)
    .replace(
      /^\s*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*|that\s+|reporters\s+|journalists\s+)+/i,
      '',
    )
    .trim();
  const inverted = a.speakerStart > a.verbStart;
  const before = text
    .slice(0, Math.min(a.speakerStart, a.verbStart))
    .replace(/[\s,:;—-]+$/, '')
    .trim();
  // "Western governments say ...", "Hollande, who suggested ...": the words come after the verb
  const thatBefore =
    /\bthat\s*$/.test(text.slice(Math.max(0, a.speakerStart - 20), a.speakerStart)) ||
    /\bwho\s+$/.test(text.slice(Math.max(0, a.verbStart - 20), a.verbStart));
  const useAfter =
    !inverted &&
    !/^,/.test(text.slice(a.verbEnd).trimStart()) &&
    words(after) >= 4 &&
    (words(before) < 6 || thatBefore);
  return (useAfter ? after : before) || text;
}

/** Quotes and reported speech, sentence by sentence, with speakers remembered across them. */
export function buildClaims(
  articleId: string,
  sentences: readonly Sentence[],
  quantities: readonly SentenceQuantity[][],
  passages: readonly QuotePassage[] = findQuotes(sentences),
  datesOf: (sentence: number) => LocalDate[] = () => [],
): BuiltClaims {
  const claims: Claim[] = [];
  const bySentence: (string | null)[] = sentences.map(() => null);
  const memory = emptyMemory();
  const startingAt = new Map<number, QuotePassage[]>();
  for (const p of passages) {
    const list = startingAt.get(p.from.sentence);
    if (list) list.push(p);
    else startingAt.set(p.from.sentence, [p]);
  }
  let si = 0;
  let previous: { paragraph: number; speaker: Claim['speaker'] } | null = null;
  while (si < sentences.length) {
    const starting = startingAt.get(si) ?? [];
    const last = Math.max(si, ...starting.map((p) => p.to.sentence));
    const group = sentences.slice(si, last + 1);
    let attribution: Attribution | null = null;
    let at = si;
    for (let k = si; k <= last && !attribution; k++) {
      attribution = findAttribution((sentences[k] as Sentence).text, quoteRanges(passages, k));
      at = k;
    }
    const quote: QuotePassage[] = starting.filter((p) => splitCount(p.text) >= MIN_QUOTE_WORDS);
    const qs = group.flatMap((s, i) => {
      const before = group.slice(0, i).reduce((n, _s, j) => n + (quantities[si + j]?.length ?? 0), 0);
      return toQuantities(s, quantities[si + i] ?? [], before, () => datesOf(si + i));
    });
    if (attribution || quote.length || qs.length) {
      const speaker: Claim['speaker'] = attribution
        ? resolveSpeaker(attribution.words, memory, attribution.appositive)
        : quote.length
          ? previous && previous.paragraph === (sentences[si] as Sentence).paragraph
            ? previous.speaker
            : (memory.person ?? memory.organisation)
          : null;
      if (speaker && attribution) remember(memory, speaker);
      const first = group[0] as Sentence;
      const lastSentence = group[group.length - 1] as Sentence;
      const span = quote.length
        ? {
            start: (sentences[(quote[0] as QuotePassage).from.sentence] as Sentence).toOriginal(
              (quote[0] as QuotePassage).from.offset,
            ),
            end: (sentences[(quote[quote.length - 1] as QuotePassage).to.sentence] as Sentence).toOriginal(
              (quote[quote.length - 1] as QuotePassage).to.offset,
            ),
          }
        : { start: first.span.start, end: lastSentence.span.end };
      const kind: ClaimKind = qs.some((q) => q.cumulative)
        ? 'cumulative_toll'
        : quote.length
          ? 'quote'
          : attribution
            ? 'reported'
            : 'narrative';
      const text = quote.length
        ? quote.map((p) => p.text).join(' … ')
        : attribution
          ? reportedWords((sentences[at] as Sentence).text, attribution)
          : group.map((s) => s.text).join(' ');
      const id = stableId('clm', articleId, span.start, span.end);
      claims.push({
        id,
        articleId,
        kind,
        speaker,
        via: attribution?.via ?? [],
        verb: attribution?.verb ?? null,
        stance: attribution && DENY_VERBS.test(attribution.verb) ? 'deny' : 'assert',
        text,
        sentence: group.map((s) => s.text).join(' '),
        span,
        saidOn:
          attribution &&
          mayNameDate(
            (sentences[at] as Sentence).text.slice(attribution.speakerStart, attribution.verbEnd + 30),
          )
            ? saidOn(attribution, datesOf(at))
            : null,
        quantities: qs,
      });
      for (let k = si; k <= last; k++) bySentence[k] = id;
      if (speaker) previous = { paragraph: lastSentence.paragraph, speaker };
    }
    si = last + 1;
  }
  return { claims, bySentence };
}
