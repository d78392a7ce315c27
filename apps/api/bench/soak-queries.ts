// The soak's mixed read load: what a desk's dashboard and an analyst's exploration ask for.
const QUERIES = [
  `{ events(first: 20) { totalCount edges { node { slug kind summary occurred { start precision }
    article { headline outletName publishedAt { date } } location { name place { name } }
    casualties { killed { best qualifier } injured { best } } } } pageInfo { endCursor } } }`,
  '{ events(first: 10, filter: { kinds: [AIRSTRIKE, SHELLING], minKilled: 1 }) { totalCount edges { node { summary casualties { killed { best claims { verb speaker { text } } } } } } } }',
  // with each report's event and article: what a clustering step committing mid-request broke (issue 20 item 12)
  '{ canonicalEvents(first: 10) { totalCount edges { node { id kind disputed location { name } mentions { slug article { headline } } reports { event { slug } } } } } }',
  '{ articles(first: 10) { totalCount edges { node { headline outletName publishedAt { date } } } } }',
  '{ search(text: "killed civilians", first: 10) { score snippet node { __typename } } }',
  '{ timeline(granularity: WEEK, from: "2015-01-01", to: "2017-12-31") { period eventCount killed } }',
  '{ actors(search: "a", first: 20) { name } places(first: 20) { name } outlets { name } }',
];

export const SOAK_QUERIES: readonly string[] = QUERIES.map((query) => JSON.stringify({ query }));
