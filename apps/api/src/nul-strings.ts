import { userError } from '@sitrep/graphql/user-error';
import { GraphQLError, type StringValueNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const MESSAGE =
  'a string argument holds a NUL character (U+0000), which no outlet, place, id, search or article text has; remove it';

/**
 * No string a client sends may hold U+0000. PostgreSQL cannot take it in text at all (error
 * 22021), so an outlet, place, id, search or mutation text with one was an INTERNAL_SERVER_ERROR
 * there and an ordinary miss on SQLite; now both engines answer BAD_USER_INPUT before anything
 * runs: literals in the document at validation, variables before execution.
 */
export function useNoNulStrings(): Plugin {
  return {
    onValidate: ({ addValidationRule }) =>
      addValidationRule((context: ValidationContext) => ({
        StringValue(node: StringValueNode) {
          if (node.value.includes('\u0000'))
            context.reportError(
              new GraphQLError(MESSAGE, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } }),
            );
        },
      })),
    onExecute: ({ args, setResultAndStopExecution }) => {
      if (holdsNul(args.variableValues))
        setResultAndStopExecution({ errors: [userError('BAD_USER_INPUT', MESSAGE)] });
    },
    onSubscribe: ({ args, setResultAndStopExecution }) => {
      if (holdsNul(args.variableValues))
        setResultAndStopExecution({ errors: [userError('BAD_USER_INPUT', MESSAGE)] });
    },
  };
}

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(holdsNul);
}
