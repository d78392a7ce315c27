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

export function outletOf(m: EventMention): SourceName | null {
  return m.outlet ? source(m.outlet.id, m.outlet.name) : null;
}

/** Wires the story came through: story credits ("With reporting by AP and Reuters") and "told Reuters". */
export function agenciesOf(m: EventMention): SourceName[] {
  const out = new Map<string, SourceName>();
  for (const c of m.credits)
    if (STORY_CREDIT_ROLES.has(c.role)) out.set(normalizeName(c.agency), source(null, c.agency));
  // keyed by name, not id: a credit carries only a name, and "REUTERS" there is the Reuters of "told Reuters"
  for (const claim of m.claims)
    for (const v of claim.via) out.set(normalizeName(v.name), source(null, v.name));
  return [...out.values()];
}

/**
 * Who first said it. A speaker counts by organisation when the text gives one, so "a
 * Turkish-based official with the Jabha Shamiya rebel group" and "a Jabha Shamiya spokesman"
 * are one original source.
 */
export function primariesOf(m: EventMention): SourceName[] {
  const out = new Map<string, SourceName>();
  for (const claim of m.claims) {
    const s = claim.speaker;
    if (!s) continue;
    const ref = s.affiliation ?? s.actor;
    const named = ref ? source(ref.id, ref.name) : source(null, s.text);
    out.set(named.key, named);
  }
  return [...out.values()];
}

/** The one name a mention's report goes back to: its first speaker, else its wire, else its outlet. */
export function originalSourceOf(m: EventMention): SourceName | null {
  const byKey = (a: SourceName, b: SourceName) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return primariesOf(m).sort(byKey)[0] ?? agenciesOf(m).sort(byKey)[0] ?? outletOf(m);
}
