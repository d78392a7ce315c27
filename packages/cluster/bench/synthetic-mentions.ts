// A deterministic generator of event mentions for the benchmark: events spread over places and
// days so that a block (family, day, place) holds about as many mentions at 100k as at 10k,
// which is what a growing archive looks like (more days, not more strikes per day and street).

import type { EventKindName } from '@sitrep/schema/event-kinds';
import { contentHash } from '@sitrep/schema/ids';
import type { EventMention } from '../src/event-mention.ts';

const KINDS: EventKindName[] = [
  'airstrike',
  'barrel_bomb',
  'shelling',
  'armed_clash',
  'bombing',
  'evacuation',
];
const OUTLETS = [
  'reuters',
  'afp',
  'trt',
  'sana',
  'ahram',
  'manar',
  'alalam',
  'dailysabah',
  'sputnik',
  'alaraby',
];
/** Quotes are ten words drawn from this vocabulary, so two events almost never share six in a row. */
const WORDS = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}`);
const CITIES = 20;
const NEIGHBOURHOODS = 10;
const EVENTS_PER_DAY = 20;

/** Parents of the synthetic places: `nb:<city>:<n>` is in `city:<city>`. */
export function syntheticAncestors(id: string): string[] {
  const m = /^nb:(\d+):\d+$/.exec(id);
  return m ? [`city:${m[1]}`] : [];
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DAY_MS = 86_400_000;
const BASE_DAY = Date.UTC(2012, 0, 1) / DAY_MS;
const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function syntheticMentions(count: number, seed = 1): EventMention[] {
  const rand = lcg(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const out: EventMention[] = [];
  for (let e = 0; out.length < count; e++) {
    const day = BASE_DAY + Math.floor(e / EVENTS_PER_DAY);
    const city = Math.floor(rand() * CITIES);
    const nb = Math.floor(rand() * NEIGHBOURHOODS);
    const kind = pick(KINDS);
    const killed = 1 + Math.floor(rand() * 60);
    const quote = rand() < 0.3 ? Array.from({ length: 10 }, () => pick(WORDS)).join(' ') : null;
    const reports = 1 + Math.floor(rand() * 5);
    for (let r = 0; r < reports && out.length < count; r++) {
      const id = `evt_${contentHash(`${seed}:${e}:${r}`).slice(0, 16)}`;
      const articleId = `art_${contentHash(`${seed}:${e}:${r}:a`).slice(0, 16)}`;
      const cityWide = rand() < 0.3;
      const d = day + (rand() < 0.2 ? 1 : 0);
      out.push({
        id,
        articleId,
        kind,
        summary: 'synthetic',
        occurred: { start: iso(d), end: iso(d), precision: 'day', tense: 'past', text: null, reason: null },
        location: cityWide
          ? { name: `City ${city}`, placeId: `city:${city}`, precision: 'city' }
          : { name: `Quarter ${city}.${nb}`, placeId: `nb:${city}:${nb}`, precision: 'neighbourhood' },
        participants: [],
        casualties: {
          killed: {
            best: killed + Math.floor(rand() * 3),
            low: null,
            high: null,
            qualifier: 'exact',
            group: 'people',
            breakdown: {},
          },
          injured: null,
          missing: null,
        },
        count: null,
        vote: null,
        claimIds: quote ? [`clm_${id.slice(4)}`] : [],
        evidence: [{ articleId, sentence: 'synthetic', span: { start: 0, end: 9 } }],
        outlet: { id: null, name: pick(OUTLETS) },
        publishedAt: { date: iso(d + 1), precision: 'day' },
        credits: [],
        claims: quote
          ? [
              {
                id: `clm_${id.slice(4)}`,
                articleId,
                kind: 'quote',
                speaker: { actor: null, text: `witness ${e}`, affiliation: null, title: null },
                via: [],
                verb: 'said',
                stance: 'assert',
                text: quote,
                sentence: quote,
                span: { start: 0, end: quote.length },
                saidOn: null,
                quantities: [],
              },
            ]
          : [],
      });
    }
  }
  return out;
}

/** The items in a fixed pseudo-random order (an LCG Fisher–Yates): order tests need the same "random" order every run. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
