import type { Claim } from '@sitrep/schema/claim';
import type { Event, EventKind } from '@sitrep/schema/event';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { contentHash, stableId } from '@sitrep/schema/ids';
import type { Place } from '@sitrep/schema/place';
import { syntheticActors, syntheticOutlets, syntheticPlaces } from './synthetic-reference.ts';

export { syntheticActors, syntheticOutlets, syntheticPlaces } from './synthetic-reference.ts';

/**
 * A deterministic, seedable corpus of valid ExtractedArticle records for tests and benchmarks
 * at 10k-100k events. Same options → byte-identical records on any machine. Records are built
 * directly (no extraction), with exact spans into the text they describe.
 */
export interface SyntheticOptions {
  seed?: number;
  /** total events across the corpus */
  events: number;
  eventsPerArticle?: number;
  /** first publication day, YYYY-MM-DD */
  startDate?: string;
  /** publication days are spread over this many days */
  days?: number;
}

/** mulberry32: tiny, fast and good enough to spread test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VIOLENT: EventKind[] = ['airstrike', 'barrel_bomb', 'shelling', 'bombing', 'armed_clash', 'attack'];
const OTHER: EventKind[] = ['evacuation', 'aid_delivery', 'ceasefire_violated', 'statement', 'displacement'];
const WORDS =
  'residents hospital convoy bakery market school district frontline bombardment siege corridor medics rubble shelter water bread fuel generator ambulance rescue'.split(
    ' ',
  );
const DAY = 86_400_000;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

const places = syntheticPlaces();
const located = places.filter((p) => p.kind === 'city' || p.kind === 'neighbourhood');
const actors = syntheticActors();
const armed = actors.filter((a) => a.kind === 'military' || a.kind === 'armed_group');
const sources = actors.filter((a) => a.kind === 'monitoring_group' || a.kind === 'organisation');
const outlets = syntheticOutlets();

/** Article number `index` of the corpus; `revision` > 0 gives the same origin with other text (a "changed" file). */
export function syntheticArticle(options: SyntheticOptions, index: number, revision = 0): ExtractedArticle {
  const seed = options.seed ?? 1;
  const perArticle = options.eventsPerArticle ?? 4;
  const total = options.events;
  const count = Math.max(0, Math.min(perArticle, total - index * perArticle));
  const r = rng(seed * 1_000_003 + index * 7919 + revision * 104_729);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const published = addDays(options.startDate ?? '2016-01-01', Math.floor(r() * (options.days ?? 365)));
  const outlet = pick(outlets);
  const headPlace = pick(located);
  const headline = `Fighting reported in ${headPlace.name} (synthetic report ${seed}-${index}${revision ? ` rev ${revision}` : ''})`;

  let text = `${headline}\n\n`;
  const paragraphs: ExtractedArticle['paragraphs'] = [];
  const facts: {
    kind: EventKind;
    where: Place;
    day: string;
    killed: number;
    injured: number;
    by: string;
    src: string;
    deny: boolean;
    sentence: string;
    span: { start: number; end: number };
  }[] = [];
  for (let k = 0; k < count; k++) {
    const kind = r() < 0.75 ? pick(VIOLENT) : pick(OTHER);
    const violent = VIOLENT.includes(kind);
    const killed = violent ? Math.floor(r() ** 3 * 120) : 0;
    const injured = violent ? Math.floor(r() ** 2 * 200) : 0;
    const where = pick(located);
    const day = addDays(published, -Math.floor(r() * 3));
    const by = pick(armed).name;
    const src = pick(sources).name;
    const deny = r() < 0.05;
    const filler = Array.from({ length: 6 + Math.floor(r() * 10) }, () => pick(WORDS)).join(' ');
    const sentence = `A ${kind.replace(/_/g, ' ')} by ${by} in ${where.name} on ${day} killed ${killed} people and injured ${injured}, the ${src} ${deny ? 'denied' : 'said'}.`;
    const para = `${sentence} Witnesses described ${filler}.`;
    const start = text.length;
    paragraphs.push({ text: para, span: { start, end: start + para.length } });
    facts.push({
      kind,
      where,
      day,
      killed,
      injured,
      by,
      src,
      deny,
      sentence,
      span: { start, end: start + sentence.length },
    });
    text += `${para}\n\n`;
  }
  const hash = contentHash(text);
  const id = `art_${hash.slice(0, 16)}`;
  const actorId = (name: string) => actors.find((a) => a.name === name)?.id ?? null;
  const claims: Claim[] = facts.map((f, k) => ({
    id: stableId('clm', id, k),
    articleId: id,
    kind: 'figure',
    speaker: {
      actor: { id: actorId(f.src), name: f.src },
      text: `the ${f.src}`,
      affiliation: null,
      title: null,
    },
    via: [],
    verb: f.deny ? 'denied' : 'said',
    stance: f.deny ? 'deny' : 'assert',
    text: f.sentence,
    sentence: f.sentence,
    span: f.span,
    saidOn: null,
    quantities: [],
  }));
  const figure = (best: number) => ({
    best,
    low: null,
    high: null,
    qualifier: 'exact' as const,
    group: 'people' as const,
    breakdown: {},
  });
  const events: Event[] = facts.map((f, k) => ({
    id: stableId('evt', id, k),
    articleId: id,
    kind: f.kind,
    summary: f.sentence,
    occurred: { start: f.day, end: f.day, precision: 'day', tense: 'past', text: f.day, reason: null },
    location: {
      name: f.where.name,
      placeId: f.where.id,
      precision: f.where.kind === 'city' ? 'city' : 'neighbourhood',
    },
    participants: [{ actor: { id: actorId(f.by), name: f.by }, role: 'perpetrator' }],
    casualties: VIOLENT.includes(f.kind)
      ? { killed: figure(f.killed), injured: figure(f.injured), missing: null }
      : { killed: null, injured: null, missing: null },
    count: null,
    vote: null,
    claimIds: [claims[k]!.id],
    evidence: [{ articleId: id, sentence: f.sentence, span: f.span }],
  }));
  return {
    id,
    headline,
    kicker: null,
    standfirst: null,
    byline: null,
    dateline: published,
    outlet: { id: outlet.id, name: outlet.name },
    url: null,
    credits: [],
    publishedAt: {
      date: published,
      precision: 'day',
      basis: 'metadata',
      confidence: 1,
      reason: null,
      evidence: null,
    },
    captions: [],
    paragraphs,
    language: 'en',
    wordCount: text.split(/\s+/).filter(Boolean).length,
    contentHash: hash,
    origin: { externalId: `synthetic-${seed}-${index}` },
    hints: { publishedAt: null, location: null, label: null },
    // made by this generator, not by the extractor: never replaced on a re-ingest by version
    extractorVersion: null,
    claims,
    events,
    mentions: {
      actors: [...new Set(facts.flatMap((f) => [f.by, f.src]))].map((n) => ({ id: actorId(n), name: n })),
      places: [...new Set(facts.map((f) => f.where))].map((p) => ({ id: p.id, name: p.name })),
    },
  };
}

export function syntheticArticleCount(options: SyntheticOptions): number {
  return Math.ceil(options.events / (options.eventsPerArticle ?? 4));
}

/** The whole corpus, lazily: 100k events is ~25k articles, generated as they are consumed. */
export function* syntheticArticles(options: SyntheticOptions): Generator<ExtractedArticle> {
  const n = syntheticArticleCount(options);
  for (let i = 0; i < n; i++) yield syntheticArticle(options, i);
}
