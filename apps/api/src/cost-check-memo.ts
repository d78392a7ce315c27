import type { SitrepContext } from '@sitrep/graphql/context';
import { withinCostLimits } from '@sitrep/graphql/cost';
import { type DocumentNode, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

/** Variable sets remembered per document; pages of one query differ in a cursor or two. */
const MAX_VARIABLE_SETS = 200;
/**
 * Longer variables are not remembered: `ingestArticle` carries a whole article in them, and 200
 * of those per document would be megabytes kept for a check that costs far less than the write.
 */
const MAX_KEY_LENGTH = 4_096;

/**
 * Remembers, per parsed document and variable values, that an operation is within COST_LIMITS,
 * and tells the complexity plugin so (SitrepContext.costChecked) — it would otherwise walk the
 * whole query on every request, ~5 % of an events request's CPU in the API bench. A query's cost
 * depends only on its document and variables (no field's cost reads the context), and yoga's
 * parse cache hands back the same DocumentNode for the same text, so the verdict is reusable.
 *
 * Only a verdict of "within limits" is used: anything over a limit, with invalid variables or
 * several operations in one document is left to the plugin, which reports it as before.
 */
export function useCostCheckMemo(): Plugin<Record<string, unknown>, SitrepContext> {
  const verdicts = new WeakMap<DocumentNode, LRUCache<string, boolean>>();
  return {
    onExecute({ args }) {
      const { document } = args;
      if (operationCount(document) !== 1) return;
      const key = args.variableValues ? JSON.stringify(args.variableValues) : '';
      if (key.length > MAX_KEY_LENGTH) return; // the plugin checks it, as it always did
      let byVariables = verdicts.get(document);
      if (byVariables === undefined) {
        byVariables = new LRUCache({ max: MAX_VARIABLE_SETS });
        verdicts.set(document, byVariables);
      }
      let within = byVariables.get(key);
      if (within === undefined) {
        within = withinCostLimits(document, args.schema, args.variableValues ?? undefined);
        byVariables.set(key, within);
      }
      if (within) (args.contextValue as unknown as SitrepContext).costChecked = true;
    },
  };
}

/** Operations in a document: the cost memo and graphql-jit handle only documents holding one. */
export function operationCount(document: DocumentNode): number {
  let n = 0;
  for (const definition of document.definitions) if (definition.kind === Kind.OPERATION_DEFINITION) n++;
  return n;
}
