/**
 * Two incidents told in one sentence, each with its own toll and place: each event owns the
 * figures, place and actors of its own clause. Each case is a short report written for this test.
 */
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract-article.ts';
import { rawArticleFromText } from '../src/read/front-matter.ts';

function extract(...paragraphs: string[]): ExtractedArticle {
  const text = `---\npublishedAt: 2026-03-04\n---\nReport\n\n${paragraphs.join('\n\n')}\n`;
  return extractArticle(rawArticleFromText(text, { path: 'test.md' }).raw);
}

const tolls = (a: ExtractedArticle) =>
  a.events
    .map((e) => [
      e.kind,
      e.location?.name ?? null,
      e.casualties.killed?.best ?? null,
      e.casualties.injured?.best ?? null,
    ])
    .sort((x, y) => String(x[0]).localeCompare(String(y[0])));

describe('two tolls in one sentence', () => {
  it('gives each incident the toll and place of its own clause ("while")', () => {
    const a = extract(
      'Air strikes on Nyala killed 15 people on Sunday, while RSF shelling of El Obeid killed eight.',
    );
    expect(tolls(a)).toEqual([
      ['airstrike', 'Nyala', 15, null],
      ['shelling', 'El Obeid', 8, null],
    ]);
    // the RSF shelled El Obeid: it is no target of the air strikes on Nyala
    const air = a.events.find((e) => e.kind === 'airstrike');
    expect(air?.participants.map((p) => p.actor.name)).toEqual([]);
  });

  it('after a death toll and a count of wounded (", and")', () => {
    const a = extract(
      'A Russian missile strike on Kharkiv killed four people and wounded 20 on Tuesday, and a drone attack on Odesa killed two, officials said.',
    );
    const drone = a.events.find((e) => e.kind === 'drone_strike');
    expect(drone?.casualties.killed?.best).toBe(2);
    expect(drone?.location?.name).toBe('Odesa');
    expect(a.events.filter((e) => e.casualties.killed?.best === 4)).toHaveLength(1);
  });

  it('across a semicolon, a death toll and a count of wounded', () => {
    const a = extract(
      'Shelling killed three people in Kherson; a drone attack on Zaporizhzhia wounded nine.',
    );
    const drone = a.events.find((e) => e.kind === 'drone_strike');
    expect(drone?.casualties.injured?.best).toBe(9);
    expect(drone?.casualties.killed).toBeNull();
    const shelling = a.events.find((e) => e.kind === 'shelling');
    expect(shelling?.casualties.injured).toBeNull();
  });

  it('when each side that kills is named, with no word for the means', () => {
    const a = extract(
      'Gang members killed nine people in Cite Soleil on Wednesday, and police killed four gang members in Croix-des-Bouquets, authorities in Haiti said.',
    );
    expect(tolls(a)).toEqual([
      // a place the gazetteer lacks, named bare after "in": in the country the article gives
      ['attack', 'Cite Soleil', 9, null],
      ['attack', 'Croix-des-Bouquets', 4, null],
    ]);
  });

  it.each([
    [
      'the wounded of the same incident',
      'At least 40 people were killed and 120 were wounded when rockets struck an arms depot in Homs.',
    ],
    [
      'a competing toll',
      'Air strikes killed at least 20 people in Nyala, while rescuers put the toll at 35.',
    ],
  ])('keeps one incident for %s', (_why, body) => {
    const withToll = extract(body).events.filter((e) => e.casualties.killed || e.casualties.injured);
    expect(withToll).toHaveLength(1);
  });
});

describe('a day counted back from the incident told before', () => {
  it.each([
    ['Two days earlier, militants had ambushed a convoy near Dori, killing six.', '2026-02-26', '2026-02-26'],
    ['The day before, troops had shelled the town of Lashio, wounding seven.', '2026-02-27', '2026-02-27'],
    [
      'A week earlier, gunmen had attacked a police station in Mirebalais, killing two officers.',
      '2026-02-18',
      '2026-02-24',
    ],
  ])('%s', (second, start, end) => {
    const a = extract(
      'Gunmen killed 30 soldiers in an attack near Djibasso on Saturday, security sources said.',
      second,
    );
    const e = a.events.find((x) => x.summary === second);
    expect(e?.occurred.start).toBe(start);
    expect(e?.occurred.end).toBe(end);
  });

  it('has no day of its own, and says why, when no incident before has a day', () => {
    const a = extract('Two days earlier, militants had ambushed a convoy near Dori, killing six.');
    // (dated by its report at most: on or before the day it was reported)
    expect(a.events[0]?.occurred.precision).toBe('reported');
    expect(a.events[0]?.occurred.reason).toMatch(/counts back/);
  });
});

describe('a place the gazetteer lacks', () => {
  it('is not the city told before, in another story', () => {
    const a = extract(
      'Air strikes on Nyala killed 15 people on Sunday, officials in Sudan said.',
      'Separately, paramilitary fighters attacked a market near Babanusa on Monday, killing 12 civilians.',
    );
    const market = a.events.find((e) => e.summary.startsWith('Separately'));
    // the town itself, in the country: not Nyala nor its province
    expect(market?.location?.name).toBe('Babanusa');
    expect(market?.location?.placeId).toBe('unlisted:village:Babanusa@place:sd');
    expect(market?.location?.geoPrecision).toBe(3);
  });

  it("is not the dateline's city", () => {
    const a = extract(
      'PORT SUDAN, Sudan (Reuters) - The army said on Sunday it was sending reinforcements to Kordofan.',
      'Paramilitary fighters attacked a market near Babanusa on Monday, killing 12 civilians, a rights group said.',
    );
    expect(a.events.map((e) => e.location?.placeId)).toEqual(['unlisted:village:Babanusa@place:sd']);
  });

  it('is not in the country it is said to border', () => {
    const a = extract(
      'BAMAKO (Reuters) - JNIM fighters ambushed an army convoy near the town of Tinzaouaten on the border with Algeria, killing 47 soldiers.',
    );
    expect(a.events.map((e) => e.location?.name)).not.toContain('Algeria');
  });
});
