import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Actor } from '../src/actor.ts';
import { Article } from '../src/article.ts';
import { Claim } from '../src/claim.ts';
import { Event } from '../src/event.ts';
import { Outlet } from '../src/outlet.ts';
import { Place } from '../src/place.ts';
import { Quantity } from '../src/quantity.ts';
import { formatIssues } from '../src/validate.ts';

const schemas: Record<string, z.ZodType> = { Article, Quantity, Claim, Event, Actor, Place, Outlet };
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```json (\w+)\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!] as const);

describe('README examples', () => {
  it('document every public record type', () => {
    // a type may have more than one example (a Quantity of one incident, and a total)
    expect([...new Set(examples.map(([type]) => type))].sort()).toEqual(Object.keys(schemas).sort());
  });

  it.each(examples)('the %s example is valid', (type, json) => {
    const result = schemas[type]!.safeParse(JSON.parse(json));
    expect(result.success ? [] : formatIssues(result.error)).toEqual([]);
  });
});
