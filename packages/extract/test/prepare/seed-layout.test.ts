import { readdirSync, readFileSync } from 'node:fs';
import { prepareDocument } from '@sitrep/extract/prepare';
import { rawArticleFromText } from '@sitrep/extract/read';
import { describe, expect, it } from 'vitest';
import { LAYOUT_GOLD } from './layout-gold.ts';

const corpus = new URL('../../../../corpus/', import.meta.url);
const seeds = readdirSync(corpus)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => {
    const text = readFileSync(new URL(name, corpus), 'utf8');
    const { raw } = rawArticleFromText(text, { path: `corpus/${name}` });
    return [name.slice(0, 3), prepareDocument(raw)] as const;
  });

describe.each(seeds)('seed %s', (seed, doc) => {
  const gold = LAYOUT_GOLD[seed];
  if (!gold) throw new Error(`no gold for seed ${seed}`);
  const a = doc.article;

  it('tells headline, section label and standfirst apart', () => {
    expect({ headline: a.headline, kicker: a.kicker, standfirst: a.standfirst }).toEqual({
      headline: gold.headline,
      kicker: gold.kicker,
      standfirst: gold.standfirst,
    });
  });

  it('finds the captions with their credits and photo dates', () => {
    expect(a.captions.map((c) => ({ credit: c.credit, date: c.date }))).toEqual(
      gold.captions.map(({ credit, date }) => ({ credit, date })),
    );
    expect(a.captions.map((c, i) => c.text.startsWith(gold.captions[i]?.startsWith ?? '\0'))).not.toContain(
      false,
    );
    for (const c of a.captions)
      expect(doc.original.slice(c.span.start, c.span.end).replace(/\u00a0/g, ' ')).toContain(
        c.text.slice(0, 20),
      );
  });

  it('credits agencies and photographers, each once, with spans on their names', () => {
    expect(a.credits.map(({ agency, person, role }) => ({ agency, person, role }))).toEqual(gold.credits);
    for (const c of a.credits) expect(doc.original.slice(c.span.start, c.span.end).length).toBeGreaterThan(0);
  });

  it('names the outlet only when the text says', () => {
    expect(a.outlet?.name ?? null).toBe(gold.outlet);
  });

  it('gives the publication date the text supports, or null with the reason', () => {
    const p = a.publishedAt;
    expect({ date: p.date, precision: p.precision, basis: p.basis }).toEqual({
      date: gold.publishedAt.date,
      precision: gold.publishedAt.precision,
      basis: gold.publishedAt.basis,
    });
    if (gold.publishedAt.reason) expect(p.reason).toMatch(gold.publishedAt.reason);
    else expect(p.reason).toBeNull();
  });

  it('keeps page furniture, captions and crossheads out of the body', () => {
    const body = a.paragraphs.map((p) => p.text).join('\n');
    for (const words of gold.removed) expect(body).not.toContain(words);
  });

  it('splits the body into the gold sentences', () => {
    expect(doc.sentences.map((s) => s.text.slice(0, 32))).toEqual(gold.sentenceStarts);
  });

  it('points every sentence span at the original words', () => {
    for (const s of doc.sentences) {
      const original = doc.original.slice(s.span.start, s.span.end);
      const normalised = original
        .replace(/[\u00a0\s]+/g, ' ')
        .replace(/[\u2018\u2019]/g, "'")
        .replace(/[\u201c\u201d]/g, '"')
        .replace(/\u2026/g, '...');
      expect(normalised).toBe(s.text);
      expect(doc.original.slice(s.toOriginal(0), s.toOriginal(s.text.length))).toBe(original);
    }
  });

  it('is deterministic: the same text gives the same id and record', () => {
    const again = prepareDocument(rawArticleFromText(doc.original, { path: a.origin.path as string }).raw);
    expect(again.article).toEqual(a);
    expect(a.id).toMatch(/^art_[0-9a-f]{16}$/);
  });
});
