import { complexityFromQuery } from '@pothos/plugin-complexity';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { COST_LIMITS } from './builder.ts';

/**
 * Whether an operation (a document holding one) is within COST_LIMITS for these variables, by
 * the same measure the complexity plugin applies while executing. False also when the variables
 * do not fit the operation: execution reports that. A server may remember a true answer per
 * document and variables and set `SitrepContext.costChecked`, since no field's cost reads the
 * context.
 */
export function withinCostLimits(
  document: DocumentNode,
  schema: GraphQLSchema,
  variables: Record<string, unknown> | undefined,
): boolean {
  try {
    const { complexity, depth, breadth } = complexityFromQuery(document, {
      schema,
      variables: variables ?? {},
    });
    return (
      complexity <= COST_LIMITS.complexity && depth <= COST_LIMITS.depth && breadth <= COST_LIMITS.breadth
    );
  } catch {
    return false;
  }
}
