import type { EntityRef } from '@sitrep/schema/primitives';
import { actorById, findActors } from '../entities/actors.ts';
import { splitCount } from '../text/line-shape.ts';
import { LEADING_FILLER, NOT_A_SPEAKER, ROLE_NOUNS, SAY_VERBS } from './attribution-words.ts';
import { chunks, clean, relays, speakerAtEnd, subjectOf } from './speaker-phrase.ts';

/** "X said" / "said X" / "according to X" found in one sentence, quotes excluded. */
export interface Attribution {
  /** the words naming the speaker */
  words: string;
  /** an apposition naming the speaker's role: "Rupert Colville, the spokesman for ..." */
  appositive: string | null;
  verb: string;
  /** offsets in the sentence */
  speakerStart: number;
  verbStart: number;
  verbEnd: number;
  /** the speaker comes before the reported words ("X said that ...") rather than after them */
  speakerFirst: boolean;
  via: EntityRef[];
}

const MAX_SPEAKER_WORDS = 14;
const WINDOW = 400;
/** A finite verb inside the words before "said": they are a clause, and the speaker is at its end. */
const FINITE = /\b(?:is|are|was|were|has|have|had|been|will|would|could|did|does)\b/i;

/** "according to X" at the end; a full stop before a capital is an abbreviation ("Maj. Gen. Igor Konashenkov"). */
const ACCORDING_TO = /\baccording to (?:the\s+)?((?:[^,.;]|\.(?= \p{Lu}))+?)(?:,\s+(a|an)\s+[^,.;]+)?[.;]?$/u;

function inside(ranges: readonly [number, number][], at: number): boolean {
  return ranges.some(([a, b]) => at >= a && at < b);
}

/** The first attribution in `text` whose speaker can be found; `quotes` are ranges to skip. */
export function findAttribution(text: string, quotes: readonly [number, number][]): Attribution | null {
  const according = ACCORDING_TO.exec(text);
  // exec on the shared pattern rather than matchAll, which copies (and re-hashes) it per call
  SAY_VERBS.lastIndex = 0;
  for (let m = SAY_VERBS.exec(text); m !== null; m = SAY_VERBS.exec(text)) {
    if (inside(quotes, m.index)) continue;
    const verb = m[0];
    const verbEnd = m.index + verb.length;
    const via = relays(text, verbEnd);
    // "X told the Council there were signs ..., diplomats said": the last speaker relays the first
    const relay = /,\s+((?:[\w.'-]+\s+){0,4}?[\w.'-]+)\s+(?:said|reported)\.?$/.exec(text.slice(verbEnd));
    if (relay && !/^(?:he|she|it|they)$/i.test(relay[1] as string)) {
      const known = findActors(relay[1] as string)[0];
      const actor = known ? actorById(known.id) : null;
      via.push(actor ? { id: actor.id, name: actor.name } : { id: null, name: relay[1] as string });
    }
    // "(SOHR)" between a name and its verb is an aside: blanked, so offsets stay put
    // a speaker phrase is a few words: look no further back than WINDOW characters, so a long
    // run-on sentence with many verbs stays linear
    const windowStart = Math.max(0, m.index - WINDOW);
    const before = text
      .slice(windowStart, m.index)
      .replace(/\([^()]*\)/g, (aside) => ' '.repeat(aside.length));
    const parts = chunks(before).map((c) => ({ text: c.text, start: c.start + windowStart }));
    const lastPart = parts[parts.length - 1] as { text: string; start: number };
    if (!clean(lastPart.text).text) {
      // inverted ("..., said the Syrian Observatory (SOHR)") or a participle (", saying ...")
      if (/^saying|adding$/.test(verb)) {
        const subject = subjectOf(text);
        if (subject)
          return {
            words: subject.words,
            appositive: null,
            verb,
            speakerStart: subject.start,
            verbStart: m.index,
            verbEnd,
            speakerFirst: true,
            via,
          };
        continue;
      }
      const after = /^\s+((?:the\s+)?[^,.;(]+)/i.exec(text.slice(verbEnd));
      const named = after?.[1] as string | undefined;
      const inverted =
        named !== undefined &&
        /^(?:[A-Z]|the\s+[A-Z])/.test(named) &&
        splitCount(named.trim()) <= 8 &&
        /^\s*(?:[.,;(]|$)/.test(text.slice(verbEnd + (after?.[0].length ?? 0)));
      if (after && inverted) {
        const words = (after[1] as string).trim();
        const appositive =
          /^,\s*([^,.;]+)/.exec(text.slice(verbEnd + (after[0] as string).length))?.[1] ?? null;
        return {
          words,
          appositive,
          verb,
          speakerStart: verbEnd + (after[0].length - (after[1] as string).length),
          verbStart: m.index,
          verbEnd,
          speakerFirst: false,
          via,
        };
      }
      if (/["\u201d]\s*,?\s*$/.test(before)) continue;
    }
    for (let i = parts.length - 1; i >= 0; i--) {
      const part = parts[i] as { text: string; start: number };
      const { text: words, offset } = clean(part.text);
      if (NOT_A_SPEAKER.test(words)) continue;
      const count = splitCount(words);
      const clause = count > 12 || (count > 4 && FINITE.test(words));
      const tail = clause ? speakerAtEnd(words) : null;
      if (tail !== null)
        return {
          words: words.slice(tail),
          appositive: null,
          verb,
          speakerStart: part.start + offset + tail,
          verbStart: m.index,
          verbEnd,
          speakerFirst: false,
          via,
        };
      if (splitCount(words) > MAX_SPEAKER_WORDS) break;
      // "Rupert Colville, the spokesman for ...": the name before the apposition is the speaker
      const prev = parts[i - 1];
      if (
        prev &&
        ROLE_NOUNS.test(words) &&
        !findActors(words).some((a) => actorById(a.id)?.kind === 'person')
      ) {
        const name = clean(prev.text);
        const named = findActors(name.text).find((a) => actorById(a.id)?.kind === 'person');
        if (named && named.end === name.text.length && splitCount(name.text) <= 5)
          return {
            words: name.text,
            appositive: words,
            verb,
            speakerStart: prev.start + name.offset,
            verbStart: m.index,
            verbEnd,
            speakerFirst: prev.start === 0,
            via,
          };
      }
      return {
        words,
        appositive: null,
        verb,
        speakerStart: part.start + offset,
        verbStart: m.index,
        verbEnd,
        speakerFirst:
          part.start + offset < 3 ||
          /^(?:\w+\s*,\s*)?$/.test(text.slice(0, part.start + offset).replace(LEADING_FILLER, '')),
        via,
      };
    }
  }
  if (according) {
    const start = according.index + according[0].indexOf(according[1] as string);
    return {
      words: according[1] as string,
      appositive: according[2] ? (according[0].split(',')[1]?.trim() ?? null) : null,
      verb: 'according to',
      speakerStart: start,
      verbStart: according.index,
      verbEnd: according.index + 12,
      speakerFirst: false,
      via: [],
    };
  }
  return null;
}
