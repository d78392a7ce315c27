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
});
export type Actor = z.infer<typeof Actor>;
