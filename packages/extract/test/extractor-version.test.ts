import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract-article.ts';
import { EXTRACTOR_VERSION } from '../src/extractor-version.ts';
import { emptyMeta } from '../src/read/raw-article.ts';
import { extractionFingerprint, RECORDED_FILE, type RecordedFingerprint } from './extraction-fingerprint.ts';

/**
 * EXTRACTOR_VERSION must move whenever the extraction does, or stored articles would keep an
 * old extraction forever. The seeds' output is the tripwire.
 */
describe('EXTRACTOR_VERSION', () => {
  it('names the extraction the seed corpus gets', async () => {
    const recorded = JSON.parse(readFileSync(RECORDED_FILE, 'utf8')) as RecordedFingerprint;
    const now = await extractionFingerprint();
    if (now !== recorded.sha256)
      expect.fail(
        recorded.extractorVersion === EXTRACTOR_VERSION
          ? `the extraction of corpus/ changed but EXTRACTOR_VERSION is still ${EXTRACTOR_VERSION}: raise it in src/extractor-version.ts, then run \`npm run fingerprint -w @sitrep/extract\``
          : `EXTRACTOR_VERSION is ${EXTRACTOR_VERSION}: record its fingerprint with \`npm run fingerprint -w @sitrep/extract\``,
      );
    expect(recorded.extractorVersion).toBe(EXTRACTOR_VERSION);
  }, 30_000);

  it('is carried by every record', () => {
    const text = 'ALEPPO, Syria (Reuters) - Air strikes killed 12 people in Aleppo on Monday, rescuers said.';
    const record = extractArticle({
      text,
      bodyStart: 0,
      origin: { path: 'inline.txt' },
      meta: emptyMeta(),
      hints: { publishedAt: null, location: null, label: null },
    });
    expect(record.extractorVersion).toBe(EXTRACTOR_VERSION);
  });
});
