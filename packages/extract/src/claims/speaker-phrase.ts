import type { EntityRef } from '@sitrep/schema/primitives';
import { actorById, findActors } from '../entities/actors.ts';
import { LEADING_FILLER, TRAILING_FILLER } from './attribution-words.ts';

// The words around an attribution verb: the comma chunks before it, the speaker phrase cleaned
// of fillers, the relays after it.

/** Where a chunk of the words before a verb ends. */
const CHUNK_BREAK = /[,;:"“”—(]|\bthat\b/g;

/** Media named after "told" or in "according to" relay the statement: they are `via`, not the speaker. */
export function relays(text: string, from: number): EntityRef[] {
  const via: EntityRef[] = [];
  const told = /^\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)/.exec(text.slice(from));
  const according = /according to (?:an?\s+|the\s+)?([^,.;]+)/.exec(text.slice(from));
  for (const words of [told?.[1], according?.[1]]) {
    if (!words) continue;
    for (const m of findActors(words)) {
      const a = actorById(m.id);
      if (a && (a.kind === 'media' || a.kind === 'government_body') && !via.some((v) => v.id === a.id))
        via.push({ id: a.id, name: a.name });
    }
  }
  return via;
}

export function chunks(before: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let last = 0;
  CHUNK_BREAK.lastIndex = 0;
  for (let m = CHUNK_BREAK.exec(before); m !== null; m = CHUNK_BREAK.exec(before)) {
    out.push({ text: before.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  out.push({ text: before.slice(last), start: last });
  return out;
}

export function clean(words: string): { text: string; offset: number } {
  const lead = LEADING_FILLER.exec(words.trimStart())?.[0].length ?? 0;
  const skipped = words.length - words.trimStart().length + lead;
  const text = words.slice(skipped).replace(TRAILING_FILLER, '').trim();
  return { text, offset: skipped };
}

export function subjectOf(text: string): { words: string; start: number } | null {
  const first = findActors(text.slice(0, 60))[0];
  return first && first.start < 20 ? { words: first.text, start: first.start } : null;
}

/**
 * Where the speaker starts in a long run of words with no comma before the verb ("... the
 * bombing the Observatory said", "... in Harasta he said"): a pronoun, a known actor or a
 * capitalised name at the very end. Null when the end is none of these.
 */
export function speakerAtEnd(words: string): number | null {
  const pronoun = /\b(?:he|she|it|they)$/i.exec(words);
  if (pronoun) return pronoun.index;
  const last = findActors(words).pop();
  if (last && last.end === words.length) {
    const the = /\bthe\s+$/i.exec(words.slice(0, last.start));
    return the ? the.index : last.start;
  }
  const name = /(?:\b[A-Z][\w'-]+\s+){0,3}\b[A-Z][\w'-]+$/.exec(words);
  return name && name.index > 0 ? name.index : null;
}
