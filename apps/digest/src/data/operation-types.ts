/**
 * The results of the digest's GraphQL operations (src/operations/*.graphql), typed by hand to
 * match them field for field. `test/operations.test.ts` validates every operation against the
 * printed schema, so a renamed field fails there rather than at send time.
 */

export interface GqlMention {
  name: string;
  actor: { name: string } | null;
}

export interface GqlFigure {
  best: number;
  low: number | null;
  high: number | null;
  qualifier: string;
  group: string;
  claims: {
    speaker: { text: string; actor: GqlMention | null; affiliation: { name: string } | null } | null;
    via: { name: string }[];
  }[];
}

export interface GqlSource {
  slug: string;
  headline: string;
  outletName: string | null;
  outlet: { name: string } | null;
  url: string | null;
  sourcePath: string | null;
  publishedAt: { date: string | null };
}

export interface GqlEvent {
  slug: string;
  kind: string;
  summary: string;
  count: number | null;
  occurred: { start: string | null; end: string | null; tense: 'PAST' | 'SCHEDULED'; text: string | null };
  location: {
    name: string;
    place: { slug: string; name: string; parents: { name: string }[] } | null;
  } | null;
  participants: { role: string; actor: GqlMention }[];
  vote: { yes: number | null; no: number | null; abstain: number | null } | null;
  casualties: { killed: GqlFigure | null; injured: GqlFigure | null };
  article: GqlSource;
  canonical: {
    slug: string;
    corroboration: { outlets: number; independentSources: number };
    figures: { killed: GqlDispute | null; injured: GqlDispute | null };
  } | null;
}

export interface GqlDispute {
  disputed: boolean;
  competing: { value: number; reportedBy: string }[];
}

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

export interface DigestEventsResult {
  events: Page<GqlEvent>;
}

export interface GqlQuoteClaim {
  kind: string;
  text: string;
  speaker: { text: string; title: string | null; actor: GqlMention | null } | null;
}

export interface DigestArticlesResult {
  articles: Page<GqlSource & { claims: GqlQuoteClaim[]; events: { slug: string }[] }>;
}

export interface DigestDaysResult {
  timeline: { period: string; eventCount: number }[];
}
