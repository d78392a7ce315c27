import { type Actor, Actor as ActorSchema } from '@sitrep/schema/actor';
import actorsData from '../../data/actors.json' with { type: 'json' };
import groupsData from '../../data/armed-groups.json' with { type: 'json' };
import forceWords from '../../data/force-words.json' with { type: 'json' };
import { type AliasMatch, AliasTrie } from './alias-trie.ts';
import { COUNTRIES, forcesActors, stateActors } from './state-actors.ts';

export type ActorMatch = AliasMatch;

/**
 * Sitrep's actors: the curated list (data/actors.json: people, UN bodies, monitors, media, the
 * 2016 Syrian sides), armed groups of today's and recent wars (data/armed-groups.json), and every
 * state and its forces from a registry data set (state-actors.ts). Each file's `_sources` says
 * where its entries come from. Curated entries come first: they keep an alias they share.
 */
const curatedData: { id: string; contextAliases?: string[] }[] = [...actorsData.actors, ...groupsData.actors];
const curated: Actor[] = curatedData.map((a) => ActorSchema.parse(a));
const curatedIndex = new Map(curated.map((a) => [a.id, a]));
const curatedForces = new Map(
  curated
    .filter((a) => a.kind === 'military' && a.country && a.category === 'state_forces')
    .map((a) => [a.country as string, a]),
);
const actorList: Actor[] = [...curated, ...stateActors(curatedIndex), ...forcesActors(curatedForces)];
const actorIndex = new Map(actorList.map((a) => [a.id, a]));

const actorTrie = new AliasTrie();
for (const a of actorList) actorTrie.add(a.name, a.id);
for (const a of actorList) for (const alias of a.aliases) actorTrie.add(alias, a.id);
/**
 * Words that name a side only within one war ("the regime", "rebels": data/actors.json
 * `contextAliases`): a match of one stands only while reading an article about that actor's
 * country (`withActorContext`).
 */
const contextual = new Set<string>();
const contextualIds = new Set<string>();
for (const a of curatedData)
  for (const alias of a.contextAliases ?? []) {
    actorTrie.add(alias, a.id);
    contextual.add(alias);
    contextual.add(alias.replace(/'/g, '\u2019'));
    contextualIds.add(a.id);
  }
let reading: ReadonlySet<string> | null = null;

/** Whether a match is one of those context words. */
export const isContextual = (m: ActorMatch): boolean =>
  contextual.has(m.text.replace(/[\u2018\u2019]/g, "'"));

/** Whether a match stands in an article about `countries` (a context word only for its actor's country). */
export function standsIn(m: ActorMatch, countries: ReadonlySet<string>): boolean {
  return !isContextual(m) || countries.has(actorIndex.get(m.id)?.country ?? '');
}

/**
 * Runs `read` with context words resolved only for actors of `countries` (ISO codes of the
 * article's country or countries). Outside such a call they resolve as listed, as they did
 * before context existed; the call is synchronous and restores what it found.
 */
export function withActorContext<T>(countries: ReadonlySet<string>, read: () => T): T {
  const before = reading;
  reading = countries;
  try {
    return read();
  } finally {
    reading = before;
  }
}

/**
 * "Sudanese", "Sudan's": a country named as the owner of what follows, in the same trie (one scan
 * a sentence) under an `owner:` id, after every actor so an actor's alias keeps its words.
 */
const OWNER = 'owner:';
for (const c of COUNTRIES) {
  if (c.demonym) actorTrie.add(c.demonym, `${OWNER}${c.code}`);
  actorTrie.add(`${c.name}'s`, `${OWNER}${c.code}`);
}
const FORCE = new RegExp(
  `^[\\s-]+(?:${[...forceWords.words].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);
/** "the Sudanese government", "Russian authorities": the state itself */
const GOVERNMENT = /^\s+(?:government|authorities)(?![\p{L}\p{N}])/u;
const forcesOf = (code: string) =>
  (curatedForces.get(code) ?? actorIndex.get(`actor:mil:${code.toLowerCase()}-military`))?.id;

export function actors(): Actor[] {
  return actorList;
}

export function actorById(id: string): Actor | null {
  return actorIndex.get(id) ?? null;
}

/**
 * Every known actor named in `text`, with offsets into `text`. A country named as an owner
 * becomes its forces when a word for forces or their fire follows ("Russian forces", "the
 * Sudanese army", "Chad's army", "Israeli fire"), and is dropped otherwise ("Ukrainian refugees").
 */
export function findActors(text: string): ActorMatch[] {
  const scanned = actorTrie.scan(text);
  const context = reading;
  const out: ActorMatch[] = [];
  for (const m of scanned) {
    if (m.id.startsWith(OWNER)) {
      const f = FORCE.exec(text.slice(m.end, m.end + 40));
      const id = f ? forcesOf(m.id.slice(OWNER.length)) : undefined;
      // only looked for when no force follows: the owner's own government ("Sudan's government")
      const g = f && id ? null : GOVERNMENT.exec(text.slice(m.end, m.end + 20));
      if (f && id)
        out.push({
          id,
          text: text.slice(m.start, m.end + f[0].length),
          start: m.start,
          end: m.end + f[0].length,
        });
      else if (g)
        out.push({
          id: `actor:state:${m.id.slice(OWNER.length).toLowerCase()}`,
          text: text.slice(m.start, m.end + g[0].length),
          start: m.start,
          end: m.end + g[0].length,
        });
      // "Syria's biggest city": the country's name, as it would have matched on its own
      else if (/['\u2019]s$/.test(m.text))
        out.push({
          id: `actor:state:${m.id.slice(OWNER.length).toLowerCase()}`,
          text: m.text.slice(0, -2),
          start: m.start,
          end: m.end - 2,
        });
    } else if (!context || standsIn(m, context)) out.push(m);
  }
  return out;
}
