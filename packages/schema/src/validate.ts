import type { z } from 'zod';
import { InvalidRecordError } from './errors.ts';

/** `path.to[0].field: message` — one readable line per problem. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (acc, key) =>
        typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
      '',
    );
    return `${path || '(root)'}: ${issue.message}`;
  });
}

/** Parse or throw an InvalidRecordError that lists every problem path by path. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidRecordError(what, formatIssues(result.error));
  return result.data;
}
