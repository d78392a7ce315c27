import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import { describe, expect, it } from 'vitest';
import { countryFacts } from '../src/countries.ts';
import type { ExportActor, ExportRow } from '../src/export-row.ts';
import { acledRecord, parseSitrepTags, ucdpRecord } from '../src/formats/index.ts';
import { priogridCell } from '../src/formats/ucdp.ts';

const side = (name: string, category: ExportActor['category']): ExportActor => ({
  name,
  category,
  reports: 1,
});

/** A row as read-rows.ts builds it; each case changes what it is about. */
function row(over: Partial<ExportRow> = {}): ExportRow {
  return {
    level: 'event',
    changedAt: null,
    id: 'cev_0123456789abcdef',
    kind: 'airstrike',
    family: 'violence',
    start: '2016-12-01',
    end: '2016-12-01',
    precision: 'day',
    location: { name: 'al-Sukkari', placeId: 'sukkari', precision: 'neighbourhood', geoPrecision: 1 },
    place: {
      name: 'al-Sukkari',
      kind: 'neighbourhood',
      lat: 36.18,
      lon: 37.15,
      admin1: 'Aleppo',
      admin2: 'Jebel Saman',
      geonamesId: 12345,
    },
    country: countryFacts('SY'),
    perpetrators: [
      side('Russian Air Force', 'external_forces'),
      side('Syrian Arab Air Force', 'state_forces'),
    ],
    targets: [side('Civilians', 'civilians')],
    killed: { best: 12, low: 9, high: 15, disputed: true, competing: [9, 12, 15] },
    injured: { best: 30, low: null, high: null, disputed: false, competing: [] },
    killedNotIncident: null,
    civiliansKilled: 4,
    summary: 'Air strikes killed 12 in al-Sukkari.',
    sentence:
      'Air strikes on al-Sukkari killed at least 12 people, including four children; the Observatory said 15.',
    sources: [
      {
        articleId: 'art_1',
        outlet: 'Reuters',
        headline: 'Strikes hit Aleppo; dozens dead',
        publishedDate: '2016-12-02',
      },
      {
        articleId: 'art_2',
        outlet: 'SANA',
        headline: 'Terrorists shell Aleppo',
        publishedDate: '2016-12-01',
      },
    ],
    originalSources: ['Syrian Observatory for Human Rights'],
    reports: 2,
    independentSources: 2,
    disputed: true,
    contradictions: 1,
    cohesion: 0.83,
    record: {} as CanonicalEvent,
    ...over,
  };
}

describe('the ACLED row of one canonical event', () => {
  it('maps every column as the README says', () => {
    expect(acledRecord(row())).toEqual({
      event_id_cnty: 'cev_0123456789abcdef',
      event_date: '2016-12-01',
      year: 2016,
      time_precision: 1,
      disorder_type: 'Political violence',
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Air/drone strike',
      actor1: 'Russian Air Force',
      assoc_actor_1: 'Syrian Arab Air Force',
      inter1: 8,
      actor2: 'Civilians',
      assoc_actor_2: null,
      inter2: 7,
      interaction: '78',
      civilian_targeting: 'Civilian targeting',
      iso: 760,
      region: 'Middle East',
      country: 'Syria',
      admin1: 'Aleppo',
      admin2: 'Jebel Saman',
      admin3: null,
      location: 'al-Sukkari',
      latitude: 36.18,
      longitude: 37.15,
      geo_precision: 1,
      source: 'Reuters; SANA',
      source_scale: null,
      notes:
        'Air strikes on al-Sukkari killed at least 12 people, including four children; the Observatory said 15.',
      fatalities: 12,
      tags: 'sitrep:level=event; sitrep:kind=airstrike; sitrep:date_precision=day; sitrep:location_precision=neighbourhood; sitrep:killed_low=9; sitrep:killed_high=15; sitrep:killed_disputed=true; sitrep:killed_competing=9,12,15; sitrep:civilians_killed=4; sitrep:injured=30; sitrep:reports=2; sitrep:independent_sources=2; sitrep:disputed=true; sitrep:contradictions=1; sitrep:cohesion=0.83; sitrep:geonames_id=12345',
      timestamp: null,
    });
  });

  it('keeps tags parseable: split on "; ", then on the first "="', () => {
    expect(parseSitrepTags(acledRecord(row()).tags as string)).toMatchObject({
      killed_low: '9',
      killed_high: '15',
      killed_competing: '9,12,15',
      injured: '30',
      disputed: 'true',
    });
  });

  it.each([
    [
      'rebels take a town',
      { kind: 'territorial_change', perpetrators: [side('HTS', 'rebel_group')] },
      'Non-state actor overtakes territory',
    ],
    [
      'the army retakes it',
      { kind: 'territorial_change', perpetrators: [side('Syrian Arab Army', 'state_forces')] },
      'Government regains territory',
    ],
    [
      'a suicide car bomb',
      { kind: 'bombing', sentence: 'A suicide car bomb killed 9 at a checkpoint.' },
      'Suicide bomb',
    ],
    [
      'a roadside bomb',
      { kind: 'bombing', sentence: 'A roadside bomb killed 9 at a checkpoint.' },
      'Remote explosive/landmine/IED',
    ],
    ['talks (no ACLED type)', { kind: 'diplomatic_meeting', family: 'diplomacy' }, ''],
  ] as const)('sub-event type for %s', (_name, over, expected) => {
    expect(acledRecord(row(over as Partial<ExportRow>)).sub_event_type).toBe(expected);
  });

  it.each([
    ['a day', { precision: 'day', end: '2016-12-01' }, 1],
    ['three days', { precision: 'day', end: '2016-12-03' }, 2],
    ['dated by its report', { precision: 'reported' }, 2],
    ['a month', { precision: 'month', end: '2016-12-31' }, 3],
    ['undated', { precision: 'unknown', start: null, end: null }, null],
  ] as const)('time precision for %s', (_name, over, expected) => {
    expect(acledRecord(row(over as Partial<ExportRow>)).time_precision).toBe(expected);
  });

  it('writes no fatalities as 0, and a total over a period only in the tags', () => {
    const r = acledRecord(
      row({ level: 'report', killed: null, killedNotIncident: 320000, civiliansKilled: null }),
    );
    expect(r.fatalities).toBe(0);
    expect(parseSitrepTags(r.tags as string).killed_total_not_incident).toBe('320000');
  });

  it('leaves place columns empty when the place is not known', () => {
    const r = acledRecord(row({ location: null, place: null, country: null }));
    expect([r.iso, r.country, r.admin1, r.latitude, r.longitude, r.geo_precision, r.location]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('the UCDP GED row', () => {
  it('maps the figures, sides, places and sources', () => {
    const r = ucdpRecord(row());
    expect(r).toMatchObject({
      id: 'cev_0123456789abcdef',
      year: 2016,
      type_of_violence: 3,
      side_a: 'Russian Air Force, Syrian Arab Air Force',
      side_b: 'Civilians',
      number_of_sources: 2,
      source_office: 'Reuters;SANA',
      source_date: '2016-12-02;2016-12-01',
      source_headline: 'Strikes hit Aleppo, dozens dead;Terrorists shell Aleppo',
      source_original: 'Syrian Observatory for Human Rights',
      where_prec: 1,
      adm_1: 'Aleppo',
      adm_2: 'Jebel Saman',
      geom_wkt: 'POINT (37.15 36.18)',
      country: 'Syria',
      region: 'Middle East',
      event_clarity: 2,
      date_prec: 1,
      deaths_civilians: 4,
      deaths_unknown: 8,
      best: 12,
      low: 9,
      high: 15,
    });
  });

  it.each([
    ['army against rebels', [side('Syrian Arab Army', 'state_forces')], [side('FSA', 'rebel_group')], 1],
    [
      'rebels against the army (the state is side A)',
      [side('FSA', 'rebel_group')],
      [side('Syrian Arab Army', 'state_forces')],
      1,
    ],
    ['two armed groups', [side('IS', 'rebel_group')], [side('SDF', 'identity_militia')], 2],
    ['an armed group against civilians', [side('IS', 'rebel_group')], [side('Civilians', 'civilians')], 3],
    ['sides unknown', [side('gunmen', null)], [], null],
  ] as const)('type of violence: %s', (_name, perpetrators, targets, expected) => {
    const r = ucdpRecord(
      row({ kind: 'armed_clash', perpetrators: [...perpetrators], targets: [...targets] }),
    );
    expect(r.type_of_violence).toBe(expected);
    if (expected === 1) expect(r.side_a).toBe('Syrian Arab Army');
  });

  it('numbers PRIO-GRID cells from 1 at 90°S 180°W, row by row eastward (0.5°)', () => {
    expect(priogridCell(-89.9, -179.9)).toBe(1);
    expect(priogridCell(-89.9, 179.9)).toBe(720);
    expect(priogridCell(-89.4, -179.9)).toBe(721);
    expect(priogridCell(89.9, 179.9)).toBe(259200);
    expect(priogridCell(36.18, 37.15)).toBe(252 * 720 + 434 + 1);
  });
});
