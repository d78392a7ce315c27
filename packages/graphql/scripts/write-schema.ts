// Rewrites schema.graphql after an intended API change: `npm run schema -w @sitrep/graphql`.
import { writeFileSync } from 'node:fs';
import { printSortedSchema } from '../src/print-schema.ts';

const file = new URL('../schema.graphql', import.meta.url);
writeFileSync(file, printSortedSchema());
console.log(`wrote ${file.pathname}`);
