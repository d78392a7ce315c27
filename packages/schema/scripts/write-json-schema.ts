// Build step: write the JSON Schema of every public record to dist/, for consumers outside TypeScript.
import { mkdirSync, writeFileSync } from 'node:fs';
import { sitrepJsonSchema } from '../src/json-schema.ts';

const out = new URL('../dist/sitrep.schema.json', import.meta.url);
mkdirSync(new URL('.', out), { recursive: true });
writeFileSync(out, `${JSON.stringify(sitrepJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out.pathname}`);
