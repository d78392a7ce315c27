import { z } from 'zod';
import { EntityRef, IsoDate, Span } from './primitives.ts';
import { Quantity } from './quantity.ts';

export const ClaimKind = z.enum([
  /** direct quotation in quote marks */
  'quote',
  /** reported speech: "X said that ..." */
  'reported',
  /** a figure stated by the outlet itself or a source */
  'figure',
  /** a running toll for the whole war or a long period ("has killed more than 250,000 people") */
  'cumulative_toll',
  /** an unattributed statement of fact carrying a number */
  'narrative',
]);
export type ClaimKind = z.infer<typeof ClaimKind>;

export const Stance = z.enum(['assert', 'deny']);

/**
 * One link in the chain from a speaker to the reader: "a fighter ... told Reuters" gives
 * speaker = the fighter, via = [Reuters]; the article's outlet is the last link.
 */
export const Speaker = z.object({
  /** the actor when resolved (`id`), else the raw words ("a Turkish-based official") */
  actor: EntityRef.nullable(),
  /** the words that name the speaker in the text */
  text: z.string().min(1),
  /** the speaker's organisation when stated ("with the Jabha Shamiya rebel group") */
  affiliation: EntityRef.nullable().default(null),
  title: z.string().min(1).nullable().default(null),
});
export type Speaker = z.infer<typeof Speaker>;

/** An attributed statement: who said what, how, where in the article, and the numbers it carries. */
export const Claim = z.object({
  id: z.string().regex(/^clm_[0-9a-f]{16}$/),
  articleId: z.string().min(1),
  kind: ClaimKind,
  /** null when the article states it without attribution */
  speaker: Speaker.nullable(),
  /** who relayed it to the outlet: "told Reuters", "according to AFP" */
  via: z.array(EntityRef).default([]),
  /** the attribution verb as written: said, told, added, alleged, denied */
  verb: z.string().min(1).nullable(),
  stance: Stance,
  /** the quoted or reported words themselves */
  text: z.string().min(1),
  sentence: z.string().min(1),
  span: Span,
  /** when the statement was made, if the text says */
  saidOn: IsoDate.nullable().default(null),
  quantities: z.array(Quantity).default([]),
});
export type Claim = z.infer<typeof Claim>;
