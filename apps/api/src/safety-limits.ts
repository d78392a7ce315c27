import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Limits checked on the document before anything runs. Depth 12 rather than graphql-armor's 6:
 * a Relay page of events with the claims behind a casualty figure is already nine levels deep.
 * Query cost from `first`/`last` is the complexity plugin's job in @sitrep/graphql.
 */
export const LIMITS = { depth: 12, aliases: 15, tokens: 2000 } as const;

/** The code every limit error carries, whichever check caught it. */
export const TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** Report as an ordinary validation error (graphql-armor throws by default, which reads as a crash). */
const report = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(
        new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: TOO_COMPLEX } }),
      ),
  ],
};

export function safetyLimits(): Plugin[] {
  return [
    maxTokensPlugin({ n: LIMITS.tokens }),
    maxDepthPlugin({ n: LIMITS.depth, flattenFragments: true, ...report }),
    maxAliasesPlugin({ n: LIMITS.aliases, ...report }),
  ] as Plugin[];
}
