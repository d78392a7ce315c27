import type { Article } from '@sitrep/schema/article';
import type { Claim } from '@sitrep/schema/claim';
import type { Event } from '@sitrep/schema/event';
import type { SearchHit } from '@sitrep/store/store';
import { builder } from '../builder.ts';
import { listLimit } from '../page-args.ts';
import { searchText } from '../search-text.ts';
import { userError } from '../user-error.ts';
import { ArticleNode } from './article.ts';
import { ClaimNode } from './claim.ts';
import { EventNode } from './event.ts';

const SearchResult = builder.unionType('SearchResult', {
  description: 'Something a search can find.',
  types: [ArticleNode, ClaimNode, EventNode],
  resolveType: (record: Article | Claim | Event) =>
    'headline' in record ? 'Article' : 'summary' in record ? 'Event' : 'Claim',
});

const Hit = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'One search result with its relevance and the matching words.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Higher is better; comparable within one search only.' }),
    snippet: t.exposeString('snippet', {
      description: 'A short excerpt with the matched words between [ and ].',
    }),
    node: t.field({
      type: SearchResult,
      nullable: true,
      description: 'The article, claim or event found.',
      resolve: (hit, _args, ctx) => {
        const loader = { article: ArticleNode, claim: ClaimNode, event: EventNode }[hit.kind];
        return (
          loader.getDataloader(ctx) as { load(id: string): Promise<Article | Claim | Event | null> }
        ).load(hit.id);
      },
    }),
  }),
});

builder.queryFields((t) => ({
  search: t.field({
    type: [Hit],
    description: 'Full-text search across articles, claims and events, best first.',
    args: {
      text: t.arg.string({
        required: true,
        description: 'Plain words; quotes and operators are read as words.',
      }),
      first: t.arg.int({ defaultValue: 20, description: 'How many results, 1 to 100.' }),
    },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 20 }),
    resolve: (_root, args, ctx) => {
      if (!args.text.trim())
        throw userError('BAD_USER_INPUT', 'Search text is empty; give at least one word.');
      return ctx.store.search(searchText('text', args.text), listLimit(args.first));
    },
  }),
}));
