import { readFileSync } from 'node:fs';
import type { Claim } from '@sitrep/schema/claim';
import type { Event } from '@sitrep/schema/event';
import type { Quantity } from '@sitrep/schema/quantity';
import { type Analysis, analyseDocument } from '../../src/analyse/analyse-document.ts';
import { rawArticleFromText } from '../../src/read/front-matter.ts';
import { prepareDocument } from '../../src/text/prepare-document.ts';

/**
 * The comparable shape of a seed's analysis, shared by the gold files and the extractor's
 * output: each record is reduced to the fields a person checked by reading the seed.
 */
export interface GoldQuantity {
  measure: string;
  group: string;
  qualifier: string;
  best: number;
  /** the total this is part of, as "group/best" */
  of: string | null;
  cumulative: boolean;
  /** the date (or "start..end") of the event the figure belongs to, null when the text gives none */
  date: string | null;
  text: string;
}
export interface GoldEvent {
  kind: string;
  place: string | null;
  date: string | null;
  killed: number | null;
  injured: number | null;
  missing: number | null;
  count: number | null;
  vote: string | null;
  text: string;
}
export interface GoldClaim {
  kind: string;
  /** actor id, else "of <affiliation id>", else the speaker's words in lower case */
  speaker: string | null;
  via: string[];
  stance: string;
  /** the first words of the claim's text */
  text: string;
}
export interface Gold {
  file: string;
  notes: string[];
  quantities: GoldQuantity[];
  events: GoldEvent[];
  claims: GoldClaim[];
  places: string[];
}

export const SEEDS = [
  '000_ea18342763ee7f17',
  '001_5bae0838f8ec4212',
  '002_128d923c1ed1c91d',
  '003_7e8356547cb68094',
  '004_388484fd9ac85dd6',
] as const;

const corpus = new URL('../../../../corpus/', import.meta.url);

export function analyseSeed(seed: string): Analysis {
  const path = `corpus/${seed}.txt`;
  const text = readFileSync(new URL(`${seed}.txt`, corpus), 'utf8');
  return analyseDocument(prepareDocument(rawArticleFromText(text, { path }).raw));
}

const dateOf = (e: Event | undefined): string | null =>
  !e?.occurred.start
    ? null
    : e.occurred.start === e.occurred.end
      ? e.occurred.start
      : `${e.occurred.start}..${e.occurred.end}`;

export const firstWords = (text: string, n = 5): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, n)
    .join(' ');

function quantityDate(q: Quantity, claim: Claim, events: readonly Event[]): string | null {
  const inside = (s: { start: number; end: number }) => s.start >= q.span.start && s.end <= q.span.end;
  const owner =
    events.find((e) => e.evidence.some((x) => x.field?.startsWith('casualties') && inside(x.span))) ??
    events.find((e) =>
      e.evidence.some(
        (x) => x.field === 'kind' && x.span.start >= claim.span.start && x.span.end <= claim.span.end,
      ),
    );
  return dateOf(owner);
}

export function toGold(seed: string, a: Analysis): Gold {
  return {
    file: `corpus/${seed}.txt`,
    notes: [],
    quantities: a.claims.flatMap((c) =>
      c.quantities.map((q) => {
        const total = q.partOf === null ? undefined : c.quantities[q.partOf];
        return {
          measure: q.measure,
          group: q.group,
          qualifier: q.qualifier,
          best: q.value.best,
          of: total ? `${total.group}/${total.value.best}` : null,
          cumulative: q.cumulative,
          date: quantityDate(q, c, a.events),
          text: q.text,
        };
      }),
    ),
    events: a.events.map((e) => ({
      kind: e.kind,
      place: e.location?.placeId ?? null,
      date: dateOf(e),
      killed: e.casualties.killed?.best ?? null,
      injured: e.casualties.injured?.best ?? null,
      missing: e.casualties.missing?.best ?? null,
      count: e.count,
      vote: e.vote ? `${e.vote.yes}-${e.vote.no}` : null,
      text: firstWords(e.summary, 8),
    })),
    claims: a.claims
      .filter((c) => c.speaker)
      .map((c) => ({
        kind: c.kind,
        speaker:
          c.speaker?.actor?.id ??
          (c.speaker?.affiliation?.id
            ? `of ${c.speaker.affiliation.id}`
            : (c.speaker?.text.toLowerCase() ?? null)),
        via: c.via.map((v) => v.id ?? v.name),
        stance: c.stance,
        text: firstWords(c.text),
      })),
    places: a.mentions.places.map((p) => p.id ?? p.name),
  };
}

/** The keys compared: everything but the human-readable `text` of quantities and events. */
export const keys = {
  quantities: (g: Gold) =>
    g.quantities.map((q) => [q.measure, q.group, q.qualifier, q.best, q.of, q.cumulative].join('|')),
  quantityDates: (g: Gold) => g.quantities.map((q) => [q.measure, q.group, q.best, q.date].join('|')),
  events: (g: Gold) =>
    g.events.map((e) => [e.kind, e.place, e.date, e.killed, e.injured, e.missing, e.count, e.vote].join('|')),
  claims: (g: Gold) => g.claims.map((c) => [c.kind, c.speaker, c.via.join('+'), c.stance, c.text].join('|')),
  places: (g: Gold) => [...g.places],
};
export type Category = keyof typeof keys;
