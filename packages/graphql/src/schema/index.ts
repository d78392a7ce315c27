import { isInterfaceType } from 'graphql';
import { builder, nodeTypeNames } from '../builder.ts';
import './connection.ts';
import './place.ts';
import './actor.ts';
import './outlet.ts';
import './article.ts';
import './claim.ts';
import './casualties.ts';
import './event.ts';
import './event-filter.ts';
import './events-query.ts';
import './canonical-event.ts';
import './search.ts';
import './timeline.ts';
import './event-counts.ts';
import './ingest.ts';
import './subscribe.ts';
import './subscription.ts';
import './changes.ts';

builder.queryType({
  description: 'Read Sitrep’s record: events, articles, claims, places, actors, outlets.',
});
builder.mutationType({
  description: 'Change the record; every mutation needs an API key, except `subscribe`.',
});
builder.subscriptionType({
  description: 'Hear about changes as they happen (Server-Sent Events over HTTP).',
});

/** The whole schema, built once per process. */
export const schema = builder.toSchema({ sortSchema: true });

const node = schema.getType('Node');
if (isInterfaceType(node))
  for (const type of schema.getImplementations(node).objects) nodeTypeNames.add(type.name);
