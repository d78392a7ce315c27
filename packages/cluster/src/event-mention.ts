import type { Credit, PublishedAt } from '@sitrep/schema/article';
import type { Claim } from '@sitrep/schema/claim';
import type { Event } from '@sitrep/schema/event';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';

/** The publishing outlet as the article names it. */
export interface MentionOutlet {
  id: string | null;
  name: string;
}

/**
 * One article's report of one event: the extracted Event plus what clustering needs from its
 * article (who published it, when, which wires are credited) and the claims the event rests on.
 */
export type EventMention = Event & {
  outlet: MentionOutlet | null;
  publishedAt: Pick<PublishedAt, 'date' | 'precision'>;
  credits: readonly Pick<Credit, 'agency' | 'role'>[];
  /** only the claims named in the event's `claimIds` */
  claims: readonly Claim[];
};

/** The article fields `mentionsFromArticle` reads: an ExtractedArticle (or a store row shaped like one) will do. */
export type MentionSourceArticle = Pick<
  ExtractedArticle,
  'outlet' | 'publishedAt' | 'credits' | 'claims' | 'events'
>;

/** Every event of an extracted article as a mention, carrying the article's outlet, date, credits and claims. */
export function mentionsFromArticle(article: MentionSourceArticle): EventMention[] {
  const claimsById = new Map(article.claims.map((c) => [c.id, c]));
  return article.events.map((event) => ({
    ...event,
    outlet: article.outlet,
    publishedAt: { date: article.publishedAt.date, precision: article.publishedAt.precision },
    credits: article.credits.map((c) => ({ agency: c.agency, role: c.role })),
    claims: event.claimIds.flatMap((id) => {
      const claim = claimsById.get(id);
      return claim ? [claim] : [];
    }),
  }));
}
