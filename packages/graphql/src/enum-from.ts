import { builder } from './builder.ts';

/**
 * A GraphQL enum over one of @sitrep/schema's zod enums: names in GraphQL's UPPER_CASE, values
 * as the store keeps them, so resolvers pass records through untouched.
 */
export function enumFrom<const V extends string>(
  name: string,
  description: string,
  values: readonly V[],
  describe: (value: V) => string = (v) => v.replaceAll('_', ' '),
) {
  const entries = Object.fromEntries(
    values.map((value) => [value.toUpperCase(), { value, description: describe(value) }]),
  ) as Record<string, { value: V; description: string }>;
  return builder.enumType(name, { description, values: entries });
}
