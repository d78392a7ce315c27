import type { Corroboration } from '@sitrep/schema/canonical-event';
import type { EventMention } from './event-mention.ts';
import { agenciesOf, outletOf, primariesOf, type SourceName } from './source-names.ts';

type Role = Corroboration['sources'][number]['role'];

/**
 * Distinct outlets, and distinct original sources: every speaker a mention cites, or, for a
 * mention that cites nobody, the wire it came through, else its outlet. A Reuters story
 * republished by three sites is one source; "the Observatory said" in four outlets is one.
 */
export function corroborate(mentions: readonly EventMention[]): Corroboration {
  const outlets = new Map<string, SourceName>();
  const agencies = new Map<string, SourceName>();
  const originals = new Map<string, SourceName>();
  for (const m of mentions) {
    const outlet = outletOf(m);
    if (outlet) outlets.set(outlet.key, outlet);
    const wires = agenciesOf(m);
    for (const a of wires) agencies.set(a.key, a);
    const primaries = primariesOf(m);
    const roots = primaries.length > 0 ? primaries : wires.length > 0 ? wires : outlet ? [outlet] : [];
    for (const r of roots) originals.set(r.key, r);
  }
  const sources: { name: string; role: Role }[] = [];
  const list = (map: Map<string, SourceName>, role: Role) => {
    for (const s of [...map.values()].sort((a, b) => (a.key < b.key ? -1 : 1)))
      sources.push({ name: s.name, role });
  };
  list(primaries(mentions), 'primary');
  list(agencies, 'agency');
  list(outlets, 'outlet');
  return { outlets: outlets.size, independentSources: originals.size, sources };
}

function primaries(mentions: readonly EventMention[]): Map<string, SourceName> {
  const out = new Map<string, SourceName>();
  for (const m of mentions) for (const p of primariesOf(m)) out.set(p.key, p);
  return out;
}
