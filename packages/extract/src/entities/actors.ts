import { type Actor, Actor as ActorSchema } from '@sitrep/schema/actor';
import actorsData from '../../data/actors.json' with { type: 'json' };
import { type AliasMatch, AliasTrie } from './alias-trie.ts';

/**
 * Sitrep's actors (data/actors.json; its `_sources` says where entries come from), with one
 * alias trie for matching them in text.
 */
const actorList: Actor[] = actorsData.actors.map((a) => ActorSchema.parse(a));
const actorIndex = new Map(actorList.map((a) => [a.id, a]));

const actorTrie = new AliasTrie();
for (const a of actorList) actorTrie.add(a.name, a.id);
for (const a of actorList) for (const alias of a.aliases) actorTrie.add(alias, a.id);

export type ActorMatch = AliasMatch;

export function actors(): Actor[] {
  return actorList;
}

export function actorById(id: string): Actor | null {
  return actorIndex.get(id) ?? null;
}

/** Every known actor named in `text`, with offsets into `text`. */
export function findActors(text: string): ActorMatch[] {
  return actorTrie.scan(text);
}
