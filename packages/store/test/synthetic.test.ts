import { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { Place } from '@sitrep/schema/place';
import { describe, expect, it } from 'vitest';
import { syntheticArticle, syntheticArticles, syntheticPlaces } from '../src/synthetic.ts';

describe('synthetic corpus', () => {
  const options = { seed: 3, events: 103, eventsPerArticle: 4 };

  it('produces valid ExtractedArticle records with the asked number of events', () => {
    const records = [...syntheticArticles(options)];
    for (const r of records) expect(ExtractedArticle.parse(r)).toEqual(r);
    expect(records.reduce((n, r) => n + r.events.length, 0)).toBe(103);
    expect(new Set(records.map((r) => r.contentHash)).size).toBe(records.length);
  });

  it('points every evidence span at the words it quotes', () => {
    const r = syntheticArticle(options, 5);
    const text = `${r.headline}\n\n${r.paragraphs.map((p) => `${p.text}\n\n`).join('')}`;
    for (const e of r.events)
      for (const ev of e.evidence) expect(text.slice(ev.span.start, ev.span.end)).toBe(ev.sentence);
  });

  it('is deterministic per seed and differs across seeds and revisions', () => {
    expect(syntheticArticle(options, 9)).toEqual(syntheticArticle(options, 9));
    expect(syntheticArticle({ ...options, seed: 4 }, 9).id).not.toBe(syntheticArticle(options, 9).id);
    const revised = syntheticArticle(options, 9, 1);
    expect(revised.origin).toEqual(syntheticArticle(options, 9).origin);
    expect(revised.contentHash).not.toBe(syntheticArticle(options, 9).contentHash);
  });

  it('ships a gazetteer whose every parent exists', () => {
    const places = syntheticPlaces().map((p) => Place.parse(p));
    const ids = new Set(places.map((p) => p.id));
    for (const p of places) if (p.parentId) expect(ids.has(p.parentId)).toBe(true);
  });
});
