import { z } from 'zod';

export const ActorKind = z.enum([
  'person',
  'organisation',
  'armed_group',
  'state',
  'government_body',
  'military',
  'intergovernmental',
  'media',
  'monitoring_group',
  'unknown',
]);
export type ActorKind = z.infer<typeof ActorKind>;

/**
 * What side an actor is, in ACLED's actor types ("inter" codes 1-8, ACLED Codebook 2024,
 * "Actors"), so interaction codes can be derived from an event's two sides.
 */
export const ActorCategory = z.enum([
  /** 1: a state's military, police and other forces */
  'state_forces',
  /** 2: an armed group fighting to change or replace a government */
  'rebel_group',
  /** 3: an armed group serving a political end without fighting for the state itself (gangs, cartels, party militias) */
  'political_militia',
  /** 4: an armed group organised around an ethnic, religious or local identity */
  'identity_militia',
  /** 5 */
  'rioters',
  /** 6 */
  'protesters',
  /** 7 */
  'civilians',
  /** 8: forces outside the country's state or its rebels: UN missions, mercenaries, private security */
  'external_forces',
]);
export type ActorCategory = z.infer<typeof ActorCategory>;

/** Anyone who acts or speaks in a report: a minister, a rebel group, a state, the UN. */
export const Actor = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: ActorKind,
  /** other spellings and names: Sergey/Sergei Lavrov; SOHR = the Observatory */
  aliases: z.array(z.string().min(1)).default([]),
  /** the actor this one belongs to or speaks for (a minister's state, a spokesman's body) */
  affiliation: z.string().min(1).nullable().default(null),
  title: z.string().min(1).nullable().default(null),
  /** ISO 3166-1 alpha-2 where it has one */
  country: z.string().length(2).nullable().default(null),
  /** the side it is in ACLED's terms; null for those who are no side (people, media, monitors, UN bodies) */
  // optional as well as nullable: actor records made before it (and code that builds them) stay valid
  category: ActorCategory.nullable().optional(),
});
export type Actor = z.infer<typeof Actor>;
