// Scores clusters against data/pairs.json: each labelled pair of articles is "linked" when one
// cluster holds an event of each side. Precision and recall are over the pairs, as in
// record-linkage evaluations (must-link pairs linked / all must-link; linked pairs that are must-link).
import { readFileSync } from 'node:fs';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { ClusterState } from '../src/cluster-state.ts';

export type PairSide =
  | { corpus: string; kinds?: string[]; killed?: number }
  /** kinds: only the lead events of these kinds stand for the article (its own incident, where its lead also recalls another) */
  | { fakes: string; kinds?: string[] }
  | { world: string; publishedAt: string; kinds?: string[]; killed?: number };
export interface LabelledPair {
  label: 'must-link' | 'cannot-link';
  a: PairSide;
  b: PairSide;
  reason: string;
}

export const pairs: LabelledPair[] = JSON.parse(
  readFileSync(new URL('../data/pairs.json', import.meta.url), 'utf8'),
).pairs;

/** Articles by side key: `corpus:<file name>`, `fakes:<unit_id>` or `world:<file name>`. */
export type ArticlesByKey = Map<string, ExtractedArticle>;

export function sideKey(side: PairSide): string {
  if ('corpus' in side) return `corpus:${side.corpus}`;
  if ('world' in side) return `world:${side.world}`;
  return `fakes:${side.fakes}`;
}

/** A FA-KES article's lead events: those in its first two sentences that carry any event. */
function leadEvents(article: ExtractedArticle): string[] {
  const first = (e: ExtractedArticle['events'][number]) => Math.min(...e.evidence.map((v) => v.span.start));
  const starts = [...new Set(article.events.map(first))].sort((x, y) => x - y).slice(0, 2);
  return article.events.filter((e) => starts.includes(first(e))).map((e) => e.id);
}

export function sideEvents(side: PairSide, articles: ArticlesByKey): string[] {
  const article = articles.get(sideKey(side));
  if (!article) return [];
  if ('fakes' in side) {
    const lead = new Set(leadEvents(article));
    return article.events
      .filter((e) => lead.has(e.id) && (!side.kinds || side.kinds.includes(e.kind)))
      .map((e) => e.id);
  }
  return article.events
    .filter((e) => !side.kinds || side.kinds.includes(e.kind))
    .filter((e) => side.killed === undefined || e.casualties.killed?.best === side.killed)
    .map((e) => e.id);
}

export interface PairScore {
  pair: LabelledPair;
  linked: boolean;
}

export function scorePairs(selected: readonly LabelledPair[], articles: ArticlesByKey, state: ClusterState) {
  const clustersOf = (ids: string[]) => new Set(ids.map((id) => state.clusterOfMention.get(id)));
  const scores: PairScore[] = selected.map((pair) => {
    const a = clustersOf(sideEvents(pair.a, articles));
    const linked = [...clustersOf(sideEvents(pair.b, articles))].some((c) => c !== undefined && a.has(c));
    return { pair, linked };
  });
  const tp = scores.filter((s) => s.linked && s.pair.label === 'must-link').length;
  const fp = scores.filter((s) => s.linked && s.pair.label === 'cannot-link').length;
  const must = scores.filter((s) => s.pair.label === 'must-link').length;
  return {
    scores,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: must === 0 ? 1 : tp / must,
    tp,
    fp,
    must,
    cannot: scores.length - must,
  };
}
