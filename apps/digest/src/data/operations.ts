/** The operation documents, read once; each carries the fragments it uses. */
import { readFileSync } from 'node:fs';

const read = (name: string) =>
  readFileSync(new URL(`../operations/${name}.graphql`, import.meta.url), 'utf8');
const source = read('digest-source');

export const OPERATIONS = {
  DigestEvents: `${read('digest-events')}\n${read('digest-event')}\n${source}`,
  DigestArticles: `${read('digest-articles')}\n${source}`,
  DigestDays: read('digest-days'),
} as const;

export type OperationName = keyof typeof OPERATIONS;
