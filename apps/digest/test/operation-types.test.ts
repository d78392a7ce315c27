// The operations' types are generated from the API's printed schema: when the schema or an
// operation changes and nobody ran `npm run codegen`, this fails before the typecheck lies.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { GENERATED, generateOperationTypes } from '../scripts/generate-operation-types.ts';

it('the committed operation types are what the schema and the operations generate', async () => {
  const committed = readFileSync(GENERATED, 'utf8');
  expect(committed === (await generateOperationTypes()), 'stale: run `npm run codegen` in apps/digest').toBe(
    true,
  );
}, 30_000);
