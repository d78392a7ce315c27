import { describe, expect, it } from 'vitest';
import { sitrepJsonSchema } from '../src/json-schema.ts';

describe('JSON Schema export', () => {
  it('defines every public record', () => {
    const schema = sitrepJsonSchema();
    expect(Object.keys(schema.$defs as object).sort()).toEqual(
      ['Actor', 'Article', 'Claim', 'Event', 'ExtractedArticle', 'Outlet', 'Place', 'Quantity'].sort(),
    );
  });

  it('lists the event kinds as an enum', () => {
    const event = (sitrepJsonSchema().$defs as Record<string, { properties: { kind: { enum: string[] } } }>)
      .Event;
    expect(event?.properties.kind.enum).toContain('barrel_bomb');
  });
});
