/**
 * Corroboration and disputes beside each figure, through the real path: two outlets' reports
 * of one strike ingested into a real SQLite store (clustered at ingest), read through the
 * GraphQL operations, built into an issue, compiled once (MJML) and rendered for a recipient.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, inputsFromPaths } from '@sitrep/ingest/ingest';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIssue } from '../src/build-issue.ts';
import { inProcessExecutor } from '../src/data/executors.ts';
import { graphqlSource } from '../src/data/graphql-source.ts';
import { recipientContext } from '../src/recipient-context.ts';
import { compileIssue, renderFor } from '../src/render/compile-issue.ts';
import { LINKS, subscriber } from './seed-issue.ts';

const REPORTS = {
  'reuters-al-bab.txt': `---
outlet: Reuters
publishedAt: 2016-07-19
---
Air strikes kill 12 civilians in Aleppo

Air strikes on the town of al-Bab in Aleppo province killed 12 civilians on Monday, the Syrian Observatory for Human Rights said.
`,
  'aljazeera-al-bab.txt': `---
outlet: Al Jazeera
publishedAt: 2016-07-19
---
Dozens dead in al-Bab raids

Warplanes struck al-Bab in Aleppo province on Monday, killing 25 people, the local council said.
`,
};

const dir = mkdtempSync(join(tmpdir(), 'sitrep-digest-disputes-'));
let store: SitrepStore;
beforeAll(async () => {
  const inputs = join(dir, 'in');
  mkdirSync(inputs);
  for (const [name, text] of Object.entries(REPORTS)) writeFileSync(join(inputs, name), text);
  store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
  // what `sitrep ingest` runs
  expect(await ingest(store, inputsFromPaths([inputs]))).toMatchObject({ failed: 0 });
}, 120_000);
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a story two outlets report with different tolls', () => {
  it('shows both figures, the dispute with who gave each, and the corroboration, in HTML and text', async () => {
    const day = await graphqlSource(inProcessExecutor(store)).day('2016-07-18');
    const issue = buildIssue(day, { archiveUrl: 'https://sitrep.example.org/digests' });
    const story = issue.stories.find((s) => s.disputes.length > 0);
    expect(story).toBeDefined();
    expect(story!.figures.map((f) => f.text).sort()).toEqual(['12 civilians killed', '25 people killed']);
    expect(story!.disputes).toEqual([
      'Deaths disputed: 12 (Syrian Observatory for Human Rights) against 25 (the local council)',
    ]);
    expect(story!.corroborationLine).toBe('2 outlets, 2 independent sources');

    const compiled = await compileIssue(issue);
    const ctx = recipientContext(issue, subscriber('ana@example.org', {}, 'Ana'), LINKS)!;
    const { html, text } = renderFor(compiled, ctx);
    expect(html).toContain(
      '<strong>Deaths disputed: 12 (Syrian Observatory for Human Rights) against 25 (the local council)</strong>',
    );
    expect(html).toContain('Behind it: 2 outlets, 2 independent sources');
    expect(text).toContain('  Deaths disputed: 12 (Syrian Observatory for Human Rights) against 25');
    expect(text).toContain('  Behind it: 2 outlets, 2 independent sources.');
    // Beside the figures: the dispute follows the figure lines of its story, before the next story.
    const at = text.indexOf('Deaths disputed');
    expect(text.lastIndexOf('25 people killed', at)).toBeGreaterThan(text.lastIndexOf('TOP STORIES', at));
  }, 60_000);
});
