import type { SitrepContext } from '@sitrep/graphql/context';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Runs each query against one state of the data (`store.snapshot`): a page's keys, its nodes'
 * records, their mentions and articles are read in several statements, and a clustering step
 * that another process (`sitrep ingest`) committed between two of them answered edges without
 * their node ("Cannot return null for non-nullable field CanonicalEventEdge.node") and mentions
 * that were gone. Mutations write and subscriptions live on, so they keep the store itself.
 *
 * It wraps whichever execute runs last (graphql-jit's), so it comes after that plugin; a
 * response-cache hit stops execution before it and costs no transaction.
 */
export function useReadSnapshot(): Plugin<SitrepContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      setExecuteFn((execArgs) => {
        const context = execArgs.contextValue as SitrepContext;
        const store = context.store;
        return store.snapshot(async (snapshot) => {
          // The context keeps its identity (dataloaders and the cost check are keyed by it).
          context.store = snapshot;
          try {
            return await executeFn(execArgs);
          } finally {
            context.store = store;
          }
        });
      });
    },
  };
}
