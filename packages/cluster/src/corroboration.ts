import type { Corroboration } from '@sitrep/schema/canonical-event';
import type { EventMention } from './event-mention.ts';
import { type MentionSources, mentionSources, putSource, type SourceName } from './source-names.ts';

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
  // each list holds distinct keys, the last name given for a key (putSource)
  const outlets: SourceName[] = [];
  const agencies: SourceName[] = [];
  const primaries: SourceName[] = [];
  const originals: SourceName[] = [];
  for (const { outlet, agencies: wires, primaries: speakers } of perMention) {
    if (outlet) putSource(outlets, outlet);
    for (const a of wires) putSource(agencies, a);
    for (const p of speakers) putSource(primaries, p);
    const roots = speakers.length > 0 ? speakers : wires.length > 0 ? wires : outlet ? [outlet] : [];
    for (const r of roots) putSource(originals, r);
  }
  const sources: { name: string; role: Role }[] = [];
  list(sources, primaries, 'primary');
  list(sources, agencies, 'agency');
  list(sources, outlets, 'outlet');
  return { outlets: outlets.length, independentSources: originals.length, sources };
}

function byKey(a: SourceName, b: SourceName): number {
  return a.key < b.key ? -1 : 1;
}

/** Appends the sources in key order (keys are distinct, so the order is one). */
function list(into: { name: string; role: Role }[], sources: SourceName[], role: Role): void {
  for (const s of sources.sort(byKey)) into.push({ name: s.name, role });
}
