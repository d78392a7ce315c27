import { z } from 'zod';
import { Actor } from './actor.ts';
import { Article } from './article.ts';
import { Claim } from './claim.ts';
import { Event } from './event.ts';
import { ExtractedArticle } from './extracted-article.ts';
import { Outlet } from './outlet.ts';
import { Place } from './place.ts';
import { Quantity } from './quantity.ts';

/** Every public record type as one JSON Schema document (draft 2020-12) with `$defs`. */
export function sitrepJsonSchema(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const types = { Article, Claim, Quantity, Event, Actor, Place, Outlet, ExtractedArticle };
  for (const [id, schema] of Object.entries(types)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/$defs/${id}`,
  }) as {
    schemas: Record<string, Record<string, unknown>>;
  };
  const defs: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _ignored, ...rest } = schema;
    defs[id] = rest;
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://sitrep.dev/schema/sitrep.schema.json',
    title: 'Sitrep records',
    $defs: defs,
  };
}
