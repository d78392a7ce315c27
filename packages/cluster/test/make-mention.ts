// Hand-built mentions for tests: only the fields a case is about are given, the rest are
// filled with the plainest valid values. Every mention is checked against the Event schema.

import type { Claim } from '@sitrep/schema/claim';
import { Event } from '@sitrep/schema/event';
import { contentHash } from '@sitrep/schema/ids';
import type { EventMention } from '../src/event-mention.ts';

export interface MentionSpec {
  article: string;
  kind?: Event['kind'];
  /** YYYY-MM-DD, or [start, end], or null for undated */
  on?: string | [string, string] | null;
  /** no date of its own, dated by its report of this day (precision `reported`); overrides `on` */
  reported?: string;
  precision?: 'day' | 'week' | 'month' | 'year';
  place?: string | null;
  placeId?: string | null;
  placePrecision?: NonNullable<Event['location']>['precision'];
  killed?: number | null;
  killedQualifier?: 'exact' | 'at_least' | 'vague';
  /** the top of a vague toll's range ("dozens": 99) */
  killedHigh?: number;
  /** who the killed figure counts (default "people") */
  killedGroup?: 'people' | 'civilians' | 'children' | 'women';
  injured?: number | null;
  perpetrators?: string[];
  outlet?: string | null;
  published?: string | null;
  credits?: { agency: string; role: 'photo' | 'reporting' | 'agencies' }[];
  claims?: Partial<Claim>[];
  vote?: { yes: number | null; no: number | null; abstain: number | null };
  tag?: string;
}

export function articleId(name: string): string {
  return `art_${contentHash(name).slice(0, 16)}`;
}

export function mention(spec: MentionSpec): EventMention {
  const aid = articleId(spec.article);
  const id = `evt_${contentHash(JSON.stringify(spec)).slice(0, 16)}`;
  const on = spec.reported ?? (spec.on === undefined ? '2016-12-09' : spec.on);
  const [start, end] = on === null ? [null, null] : Array.isArray(on) ? on : [on, on];
  const claims: Claim[] = (spec.claims ?? []).map((c, i) => ({
    id: `clm_${contentHash(`${id}:${i}`).slice(0, 16)}`,
    articleId: aid,
    kind: 'quote',
    speaker: null,
    via: [],
    verb: 'said',
    stance: 'assert',
    text: 'something was said',
    sentence: 'Something was said.',
    span: { start: 0, end: 10 },
    saidOn: null,
    quantities: [],
    ...c,
  }));
  const figure = (
    n: number | null | undefined,
    q: 'exact' | 'at_least' | 'vague' = 'exact',
    high: number | null = null,
    group: NonNullable<MentionSpec['killedGroup']> = 'people',
  ) =>
    n === null || n === undefined
      ? null
      : { best: n, low: high === null ? null : n, high, qualifier: q, group, breakdown: {} };
  const event = Event.parse({
    id,
    articleId: aid,
    kind: spec.kind ?? 'airstrike',
    summary: spec.tag ?? 'An event.',
    occurred: {
      start,
      end,
      precision: start === null ? 'unknown' : spec.reported ? 'reported' : (spec.precision ?? 'day'),
      tense: 'past',
      text: null,
      reason: start === null || spec.reported ? 'no date in the text' : null,
    },
    location:
      spec.place === null
        ? null
        : {
            name: spec.place ?? 'Aleppo',
            placeId:
              spec.placeId === undefined ? `place:${(spec.place ?? 'Aleppo').toLowerCase()}` : spec.placeId,
            precision: spec.placePrecision ?? 'city',
          },
    participants: (spec.perpetrators ?? []).map((p) => ({ actor: { id: p, name: p }, role: 'perpetrator' })),
    casualties: {
      killed: figure(spec.killed, spec.killedQualifier, spec.killedHigh ?? null, spec.killedGroup),
      injured: figure(spec.injured),
      missing: null,
    },
    vote: spec.vote ?? null,
    claimIds: claims.map((c) => c.id),
    evidence: [{ articleId: aid, sentence: 'A sentence.', span: { start: 0, end: 11 } }],
  });
  return {
    ...event,
    outlet: spec.outlet === null ? null : { id: null, name: spec.outlet ?? spec.article },
    publishedAt: {
      date: spec.published ?? '2016-12-09',
      precision: spec.published === null ? 'unknown' : 'day',
    },
    credits: (spec.credits ?? []).map((c) => ({ agency: c.agency, role: c.role })),
    claims,
  };
}

/** A toy gazetteer: neighbourhoods within Aleppo city within Aleppo governorate within Syria. */
const PARENTS: Record<string, string> = {
  'place:al-kalaseh': 'place:aleppo',
  'place:bustan al-qasr': 'place:aleppo',
  'place:sheikh saeed': 'place:aleppo',
  'place:aleppo': 'place:aleppo-gov',
  'place:manbij': 'place:aleppo-gov',
  'place:aleppo-gov': 'place:syria',
  'place:idlib': 'place:syria',
  // a town named like its province, and another town of that province
  'place:hama': 'place:hama-gov',
  'place:murak': 'place:hama-gov',
  'place:hama-gov': 'place:syria',
};

/** The toy gazetteer's town named like its province (what `namesakeRegions` finds in a real one). */
export function toyNamesake(id: string): string | null {
  return id === 'place:hama' ? 'place:hama-gov' : null;
}

export function toyAncestors(id: string): string[] {
  const out: string[] = [];
  for (let p = PARENTS[id]; p !== undefined; p = PARENTS[p]) out.push(p);
  return out;
}
