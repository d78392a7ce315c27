import type { GraphiQLOptions } from 'graphql-yoga';

/** What GraphiQL opens with: a query that shows what Sitrep holds and how a figure is traced. */
const EXAMPLE_QUERY = `# Sitrep: events reported in the news about
# wars, each figure traced to its claims.
# Run it with the ▶ button (Ctrl+Enter).
# Narrow it with events(filter: { kinds,
# place: "Kyiv", countries: ["SD"],
# admin1, from, to, minKilled, text }); the
# Docs panel lists every type and field.
{
  events(first: 5) {
    totalCount
    edges {
      node {
        kind
        summary
        occurred { start precision }
        location { name place { name } }
        casualties {
          killed {
            best
            qualifier
            claims {
              speaker { text }
              verb
              article { headline outletName }
            }
          }
        }
      }
    }
  }
}
`;

/**
 * GraphiQL's options for one page load. The page opens with the query in its URL (GraphiQL keeps
 * the query being edited there, so a reload keeps it) or else the example. It is passed as
 * `query`, which the bundled page reads before its welcome text: yoga 5.18–5.20 drop
 * `defaultQuery` and `defaultTabs` on the way to GraphiQL (graphql-yoga issue 3979).
 */
export function graphiqlOptions(request: Request): GraphiQLOptions & { query: string } {
  return {
    title: 'Sitrep GraphQL',
    subscriptionsProtocol: 'SSE',
    query: new URL(request.url).searchParams.get('query') || EXAMPLE_QUERY,
  };
}
