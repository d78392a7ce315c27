import type { Speaker } from '@sitrep/schema/claim';
import type { EntityRef } from '@sitrep/schema/primitives';
import { actorById, findActors } from '../entities/actors.ts';
import { ORG_ANAPHOR, PRONOUNS, ROLE_NOUNS } from './attribution-words.ts';

/** Who spoke last, so "he added", "it said" and "the group alleged" find their speaker. */
export interface SpeakerMemory {
  person: Speaker | null;
  female: Speaker | null;
  organisation: Speaker | null;
}

export const emptyMemory = (): SpeakerMemory => ({ person: null, female: null, organisation: null });

const ref = (id: string, name: string): EntityRef => ({ id, name });

/** The organisation named in `from`, a non-state one first (module level: see foundAt in read-chrono-result). */
function affiliationIn(from: string): EntityRef | null {
  const org = findActors(from)
    .map((m) => ({ m, a: actorById(m.id) }))
    .filter((f) => f.a && f.a.kind !== 'person');
  const best = org.find((f) => f.a?.kind !== 'state') ?? org[0];
  return best ? ref(best.m.id, best.a?.name ?? best.m.text) : null;
}

function isPersonLike(s: Speaker): boolean {
  if (s.actor?.id) return actorById(s.actor.id)?.kind === 'person';
  return ROLE_NOUNS.test(s.text) || /^[A-Z][a-z]+(?:\s+[A-Z][\w'-]+)+$/.test(s.text);
}

/** Remembers a resolved speaker for later pronouns and anaphors. */
export function remember(memory: SpeakerMemory, s: Speaker): void {
  if (isPersonLike(s)) {
    memory.person = s;
    if (/\b(?:woman|spokeswoman|she|Ms|Mrs)\b/.test(`${s.text} ${s.title ?? ''}`)) memory.female = s;
  } else if (s.actor) memory.organisation = s;
}

/**
 * Turns the words naming a speaker into a Speaker: a known person wins ("U.S. State Department
 * spokeswoman Elizabeth Trudeau"), a role with an organisation keeps the organisation as
 * affiliation ("a fighter with the Nour al-Din al-Zinki rebel group"), pronouns and "the group"
 * point back to the last speaker of that sort; anything else keeps the raw words, unresolved.
 */
export function resolveSpeaker(words: string, memory: SpeakerMemory, appositive: string | null): Speaker {
  const text = words.trim();
  const pronoun = PRONOUNS[text.toLowerCase()];
  if (pronoun) {
    const earlier =
      pronoun === 'person'
        ? memory.person
        : pronoun === 'female'
          ? memory.female
          : pronoun === 'thing'
            ? memory.organisation
            : (memory.organisation ?? memory.person);
    return earlier ? { ...earlier, text } : { actor: null, text, affiliation: null, title: null };
  }
  const lead = /^\S+\s+\S+/.exec(text)?.[0] ?? text;
  if (ORG_ANAPHOR.test(lead) && !findActors(lead).length && memory.organisation)
    return { ...memory.organisation, text };
  const found = findActors(text).map((m) => ({ match: m, actor: actorById(m.id) }));
  const person = found.find((f) => f.actor?.kind === 'person');
  const others = found.filter((f) => f.actor && f.actor.kind !== 'person');
  const organisation = others.find((f) => f.actor?.kind !== 'state') ?? others[0];
  if (person?.actor) {
    const before = text
      .slice(0, person.match.start)
      .replace(/^(?:the|a|an)\s+/i, '')
      .trim();
    return {
      actor: ref(person.actor.id, person.actor.name),
      text,
      affiliation: organisation?.actor
        ? ref(organisation.actor.id, organisation.actor.name)
        : appositive
          ? affiliationIn(appositive)
          : null,
      title: before || appositive?.trim() || null,
    };
  }
  if (
    organisation?.actor &&
    ROLE_NOUNS.test(text.slice(0, organisation.match.start) + text.slice(organisation.match.end))
  )
    return {
      actor: null,
      text,
      affiliation: ref(organisation.actor.id, organisation.actor.name),
      title: null,
    };
  if (organisation?.actor)
    return {
      actor: ref(organisation.actor.id, organisation.actor.name),
      text,
      affiliation: null,
      title: null,
    };
  return { actor: null, text, affiliation: appositive ? affiliationIn(appositive) : null, title: null };
}
