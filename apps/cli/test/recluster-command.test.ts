import { fileURLToPath } from 'node:url';
import { ingest, inputsFromPaths } from '@sitrep/ingest/ingest';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run as reclusterCli } from '../src/commands/recluster.ts';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const cases = await engineCases();

async function allCanonical(store: SitrepStore): Promise<CanonicalEvent[]> {
  const page = await store.listCanonicalEvents({}, { first: 500, orderBy: 'DATE_ASC' });
  expect(page.pageInfo.hasNextPage).toBe(false);
  return page.nodes.toSorted((a, b) => a.id.localeCompare(b.id));
}

describe.each(cases)('sitrep recluster on $name', (engine) => {
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip || engine.name !== 'sqlite')(
    'sitrep recluster rebuilds a broken clustering and then finds nothing to write',
    async () => {
      const config = await engine.config();
      const file = config.engine === 'sqlite' ? config.file : '';
      const store = await openStore(config);
      await ingest(store, inputsFromPaths([CORPUS]));
      const right = await allCanonical(store);
      await store.replaceCanonicalEvents(right.slice(1));
      await store.close();
      const lines: string[] = [];
      const log = vi
        .spyOn(console, 'log')
        .mockImplementation((line: unknown) => void lines.push(String(line)));
      try {
        expect(await reclusterCli(['--db', file])).toBe(0);
        expect(await reclusterCli(['--db', file])).toBe(0);
        expect(await reclusterCli(['--db', file, '--bogus'])).toBe(2);
      } finally {
        log.mockRestore();
      }
      expect(lines[0]).toMatch(new RegExp(`^\\d+ mentions, ${right.length} canonical events written`));
      expect(lines[1]).toMatch(/already right, nothing written/);
      const reopened = await openStore(config);
      expect(await allCanonical(reopened)).toEqual(right);
      await reopened.close();
    },
    60_000,
  );
});
