import { readdirSync, readFileSync } from 'node:fs';
import { type DateMention, findDateMentions } from '@sitrep/extract/dates';
import { prepareDocument } from '@sitrep/extract/prepare';
import { rawArticleFromText } from '@sitrep/extract/read';
import { afterAll, describe, expect, it } from 'vitest';
import { DATE_GOLD, type DateGold, TRUE_PUBLICATION } from './seed-dates-gold.ts';

const corpus = new URL('../../../../corpus/', import.meta.url);
const files = readdirSync(corpus).filter((name) => name.endsWith('.txt'));

function mentions(name: string, publishedAt: string | null) {
  const { raw } = rawArticleFromText(readFileSync(new URL(name, corpus), 'utf8'), { path: name });
  if (publishedAt) raw.meta.publishedAt = publishedAt;
  const doc = prepareDocument(raw);
  // each sentence is read with the mentions of the one before ("The deaths came a day after ...")
  const found: DateMention[] = [];
  let previous: DateMention[] = [];
  for (const s of doc.sentences) {
    previous = findDateMentions(s, doc.article.publishedAt, previous);
    found.push(...previous);
  }
  return { doc, found };
}

function goldSpan(original: string, g: DateGold): { start: number; end: number } {
  const at = original.indexOf(g.context);
  if (at === -1 || original.indexOf(g.context, at + 1) !== -1)
    throw new Error(`gold context not unique: ${g.context}`);
  const start = at + g.context.indexOf(g.text);
  return { start, end: start + g.text.length };
}

const same = (m: DateMention, g: DateGold) =>
  m.start === g.start && m.end === g.end && m.precision === g.precision && m.tense === g.tense;

const table: Record<string, string | number>[] = [];
afterAll(() => console.table(table));

describe('date expressions in the seeds, resolved against the true publication day', () => {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  it.each(files)('%s', (name) => {
    const seed = name.slice(0, 3);
    const { doc, found } = mentions(name, TRUE_PUBLICATION[seed] as string);
    const golds = DATE_GOLD[seed] ?? [];
    const misses: string[] = [];
    let hits = 0;
    for (const g of golds) {
      const span = goldSpan(doc.original, g);
      const match = found.find((m) => m.span.start < span.end && m.span.end > span.start);
      if (match && same(match, g)) hits++;
      else
        misses.push(
          `${g.text} → ${match ? `${match.start}..${match.end} ${match.precision} ${match.tense}` : 'not found'}`,
        );
    }
    const spurious = found.filter(
      (m) =>
        !golds.some((g) => {
          const span = goldSpan(doc.original, g);
          return m.span.start < span.end && m.span.end > span.start;
        }),
    );
    tp += hits;
    predicted += found.length;
    gold += golds.length;
    table.push({
      seed,
      gold: golds.length,
      found: found.length,
      correct: hits,
      precision: (hits / found.length).toFixed(3),
      recall: (hits / golds.length).toFixed(3),
      misses: misses.join('; '),
    });
    expect(spurious.map((m) => m.text)).toEqual([]);
    // "a day after" (004), relative to an event in the sentence before, is read with that sentence.
    expect(misses).toEqual([]);
  });

  it('scores 54 of 54 overall, with nothing spurious', () => {
    table.push({
      seed: 'all',
      gold,
      found: predicted,
      correct: tp,
      precision: (tp / predicted).toFixed(3),
      recall: (tp / gold).toFixed(3),
      misses: '',
    });
    expect(gold).toBe(54);
    expect(tp).toBe(54);
    expect(predicted).toBe(tp);
  });
});

describe('honesty when the publication day is not known', () => {
  it.each(['002', '004'])('seed %s: every date without its own year is null with a reason', (seed) => {
    const name = files.find((f) => f.startsWith(seed)) as string;
    const { doc, found } = mentions(name, null);
    expect(doc.article.publishedAt.date).toBeNull();
    for (const m of found.filter((f) => !/\b(?:19|20)\d\d\b/.test(f.text))) {
      expect(m.start, m.text).toBeNull();
      expect(m.precision).toBe('unknown');
      expect(m.reason).toMatch(/no publication date|gives no year/);
    }
  });

  it('seed 000: "Nov. 30" takes its year from an inferred publication year and says so', () => {
    const { found } = mentions(files[0] as string, null);
    const nov30 = found.find((m) => m.text === 'Nov. 30');
    expect(nov30).toMatchObject({
      start: '2016-11-30',
      precision: 'day',
      reason: expect.stringMatching(/itself inferred/),
    });
    expect(found.filter((m) => m.text !== 'Nov. 30').every((m) => m.start === null)).toBe(true);
  });
});
