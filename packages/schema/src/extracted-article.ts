import { z } from 'zod';
import { Article } from './article.ts';
import { Claim } from './claim.ts';
import { Event } from './event.ts';
import { EntityRef } from './primitives.ts';

/**
 * What `sitrep extract --format jsonl` prints per article (documented in the root README): the Article
 * with its claims, events and the entities it mentions.
 */
export const ExtractedArticle = Article.extend({
  claims: z.array(Claim),
  events: z.array(Event),
  mentions: z
    .object({
      actors: z.array(EntityRef).default([]),
      places: z.array(EntityRef).default([]),
    })
    .default({ actors: [], places: [] }),
}).superRefine((a, ctx) => {
  a.claims.forEach((c, i) => {
    if (c.articleId !== a.id)
      ctx.addIssue({
        code: 'custom',
        message: 'claim belongs to another article',
        path: ['claims', i, 'articleId'],
      });
  });
  a.events.forEach((e, i) => {
    if (e.articleId !== a.id)
      ctx.addIssue({
        code: 'custom',
        message: 'event belongs to another article',
        path: ['events', i, 'articleId'],
      });
  });
});
export type ExtractedArticle = z.infer<typeof ExtractedArticle>;
