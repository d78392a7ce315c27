import type { EventMention } from './event-mention.ts';
import { normalizeName } from './mention-features.ts';

/** A source as counted (`key`, so "REUTERS" and "Reuters" are one) and as shown (`name`). */
export interface SourceName {
  key: string;
  name: string;
}

/** Credit roles that mean the wire supplied the story, not just a photo. */
const STORY_CREDIT_ROLES = new Set(['reporting', 'writing', 'agencies', 'source']);

function source(id: string | null, name: string): SourceName {
  return { key: id ?? normalizeName(name), name };
}

/**
 * Puts `s` in a list of sources with distinct keys: a source with the same key is replaced in
 * place (as Map.set would), else `s` is appended. A mention or a cluster names a handful of
 * sources, so a short list searched in order costs less than a Map made for it.
 */
export function putSource(list: SourceName[], s: SourceName): void {
  for (let i = 0; i < list.length; i++)
    if ((list[i] as SourceName).key === s.key) {
      list[i] = s;
      return;
    }
  list.push(s);
}

export function outletOf(m: EventMention): SourceName | null {
  return m.outlet ? source(m.outlet.id, m.outlet.name) : null;
}

/** Wires the story came through: story credits ("With reporting by AP and Reuters") and "told Reuters". */
export function agenciesOf(m: EventMention): SourceName[] {
  const out: SourceName[] = [];
  // keyed by name, not id: a credit carries only a name, and "REUTERS" there is the Reuters of "told Reuters"
  for (const c of m.credits) if (STORY_CREDIT_ROLES.has(c.role)) putSource(out, source(null, c.agency));
  for (const claim of m.claims) for (const v of claim.via) putSource(out, source(null, v.name));
  return out;
}

/**
 * Who first said it. A speaker counts by organisation when the text gives one, so "a
 * Turkish-based official with the Jabha Shamiya rebel group" and "a Jabha Shamiya spokesman"
 * are one original source.
 */
export function primariesOf(m: EventMention): SourceName[] {
  const out: SourceName[] = [];
  for (const claim of m.claims) {
    const s = claim.speaker;
    if (!s) continue;
    const ref = s.affiliation ?? s.actor;
    putSource(out, ref ? source(ref.id, ref.name) : source(null, s.text));
  }
  return out;
}

/** The one name a mention's report goes back to: its first speaker, else its wire, else its outlet. */
export function originalSourceOf(m: EventMention): SourceName | null {
  return firstByKey(primariesOf(m)) ?? firstByKey(agenciesOf(m)) ?? outletOf(m);
}

/**
 * Everything a summary asks about a mention's sources, read once: the figures, the corroboration
 * and the member list each want them, and normalising names is most of the cost.
 */
export interface MentionSources {
  outlet: SourceName | null;
  agencies: SourceName[];
  primaries: SourceName[];
  /** what `originalSourceOf` returns */
  original: SourceName | null;
}

export function mentionSources(m: EventMention): MentionSources {
  const outlet = outletOf(m);
  const agencies = agenciesOf(m);
  const primaries = primariesOf(m);
  return { outlet, agencies, primaries, original: firstByKey(primaries) ?? firstByKey(agencies) ?? outlet };
}

/** The source with the lowest key ("first" in key order). Keys within one list are distinct, so no ties. */
function firstByKey(sources: readonly SourceName[]): SourceName | undefined {
  let first = sources[0];
  for (const s of sources) if (first !== undefined && s.key < first.key) first = s;
  return first;
}
