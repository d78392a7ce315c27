import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { SitrepContext } from './context.ts';
import { pothosInputError, userError } from './user-error.ts';

/** The types `node(id:)` can answer with; schema/index.ts fills it in once the schema is built. */
export const nodeTypeNames = new Set<string>();

/**
 * Query-cost limits. A page of 100 events with article, place, participants and the claims
 * behind each figure costs about 6,000; nesting lists inside lists soon passes 15,000.
 */
export const COST_LIMITS = { complexity: 15_000, depth: 12, breadth: 400 } as const;

/** The most IDs one `nodes(ids:)` takes, as many as a page (a client once sent 4,488). */
export const MAX_NODE_IDS = 100;

/**
 * The Pothos builder and its plugins; it defines no types (those live in schema/<domain>.ts).
 * Fields are non-null unless they say otherwise: the schema states which values can be missing.
 */
export const builder = new SchemaBuilder<{
  Context: SitrepContext;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Connection: { totalCount: number };
}>({
  // Errors wraps resolvers first so typed errors are caught after every other plugin ran.
  plugins: [ErrorsPlugin, RelayPlugin, ComplexityPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Pothos' decoder accepts any "Type:id"; a type no node has would then fail inside Pothos as
    // a schema error (a masked 500). It is the client's ID that is wrong, so say that.
    decodeGlobalID: (globalID) => {
      let decoded: ReturnType<typeof decodeGlobalID>;
      try {
        decoded = decodeGlobalID(globalID);
      } catch (error) {
        throw pothosInputError(error) ?? error; // as a coded user error, not logged as a fault
      }
      if (nodeTypeNames.size > 0 && !nodeTypeNames.has(decoded.typename))
        throw userError(
          'BAD_USER_INPUT',
          `global ID ${globalID} names a type (${decoded.typename}) this API has no objects of; pass an ID an \`id\` field returned`,
        );
      return decoded;
    },
    edgesFieldOptions: {
      nullable: false,
      description: 'The items on this page with their cursors.',
      // the page size is already the connection's multiplier
      complexity: { field: 0, multiplier: 1 },
    },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    nodeQueryOptions: {
      description: 'Any object by its global ID (Relay).',
      args: { id: { description: 'A global ID, as returned by an `id` field.' } },
    },
    nodesQueryOptions: {
      description: `Objects by their global IDs, in order; null where an ID is unknown. At most ${MAX_NODE_IDS} IDs.`,
      args: { ids: { description: `Global IDs, as returned by \`id\` fields; at most ${MAX_NODE_IDS}.` } },
      // each ID is one more copy of the selection: priced like a page of that many
      complexity: (args) => ({ field: 1, multiplier: args.ids.length }),
      resolve: (_root, args, _ctx, _info, resolveNodes) => {
        if (args.ids.length > MAX_NODE_IDS)
          throw userError(
            'QUERY_TOO_COMPLEX',
            `nodes(ids:) takes at most ${MAX_NODE_IDS} IDs (got ${args.ids.length}); ask for the rest in further requests.`,
          );
        return resolveNodes(args.ids);
      },
    },
    firstArgOptions: { description: 'Items after `after`, 1 to 100 (default 20).' },
    afterArgOptions: { description: 'Start after this cursor.' },
    lastArgOptions: { description: 'Items before `before`, counted from the end, 1 to 100.' },
    beforeArgOptions: { description: 'End before this cursor.' },
    nodeTypeOptions: { description: 'An object with a global ID (Relay).' },
    pageInfoTypeOptions: { description: 'Where a page sits in its connection (Relay).' },
    idFieldOptions: { description: 'Global ID: pass it to `node(id:)` to fetch this object again.' },
    cursorFieldOptions: { description: 'Opaque position of this edge; pass it as `after` or `before`.' },
    hasNextPageFieldOptions: { description: 'Whether more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first edge, null on an empty page.' },
    endCursorFieldOptions: { description: 'Cursor of the last edge, null on an empty page.' },
    pageInfoFieldOptions: { description: 'Cursors and whether more pages exist.' },
  },
  complexity: {
    defaultComplexity: 1,
    // Lists inside one record are short (participants, claims): five is a fair guess at their
    // length. Connections and root lists set their own multiplier from first/last.
    defaultListMultiplier: 5,
    // A server that checked the operation already (SitrepContext.costChecked) skips the walk.
    limit: (ctx) => (ctx.costChecked ? {} : COST_LIMITS),
    complexityError: (kind, result) => {
      const key = kind.toLowerCase() as keyof typeof COST_LIMITS;
      return new GraphQLError(
        `Query ${key} ${result[key]} is over the limit of ${COST_LIMITS[key]}; ask for smaller pages (first/last) or fewer fields.`,
        { extensions: { code: 'QUERY_TOO_COMPLEX' } },
      );
    },
  },
  errors: { defaultTypes: [] },
});
