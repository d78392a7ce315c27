import type { Corroboration } from '@sitrep/schema/canonical-event';
import type { EventMention } from './event-mention.ts';
import { type MentionSources, mentionSources, type SourceName } from './source-names.ts';

type Role = Corroboration['sources'][number]['role'];

/**
 * Distinct outlets, and distinct original sources: every speaker a mention cites, or, for a
 * mention that cites nobody, the wire it came through, else its outlet. A Reuters story
 * republished by three sites is one source; "the Observatory said" in four outlets is one.
 */
export function corroborate(mentions: readonly EventMention[]): Corroboration {
  return corroborateSources(mentions.map(mentionSources));
}

/** `corroborate` over sources already read (`mentionSources`, one per mention, in mention order). */
export function corroborateSources(perMention: readonly MentionSources[]): Corroboration {
  const outlets = new Map<string, SourceName>();
  const agencies = new Map<string, SourceName>();
  const primaries = new Map<string, SourceName>();
  const originals = new Map<string, SourceName>();
  for (const { outlet, agencies: wires, primaries: speakers } of perMention) {
    if (outlet) outlets.set(outlet.key, outlet);
    for (const a of wires) agencies.set(a.key, a);
    // a later mention's name for the same key replaces the earlier one, as it always has
    for (const p of speakers) primaries.set(p.key, p);
    const roots = speakers.length > 0 ? speakers : wires.length > 0 ? wires : outlet ? [outlet] : [];
    for (const r of roots) originals.set(r.key, r);
  }
  const sources: { name: string; role: Role }[] = [];
  list(sources, primaries, 'primary');
  list(sources, agencies, 'agency');
  list(sources, outlets, 'outlet');
  return { outlets: outlets.size, independentSources: originals.size, sources };
}

function byKey(a: SourceName, b: SourceName): number {
  return a.key < b.key ? -1 : 1;
}

function list(into: { name: string; role: Role }[], map: Map<string, SourceName>, role: Role): void {
  for (const s of [...map.values()].sort(byKey)) into.push({ name: s.name, role });
}
