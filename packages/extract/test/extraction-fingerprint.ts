import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { extractAll } from '../src/extract-article.ts';
import { EXTRACTOR_VERSION } from '../src/extractor-version.ts';
import { readInputs } from '../src/read/read-inputs.ts';

/** The recorded fingerprint: which version it was taken at and the hash of the output. */
export interface RecordedFingerprint {
  extractorVersion: number;
  sha256: string;
  note: string;
}

export const RECORDED_FILE = fileURLToPath(new URL('./extractor-fingerprint.json', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * SHA-256 of every record the extractor makes from the seed corpus (corpus/, read by its
 * relative path so the clone's location does not matter), without the version field itself:
 * it moves exactly when the extraction of the seeds does.
 */
export async function extractionFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for await (const item of extractAll(readInputs(['corpus'], REPO))) {
    if (!item.ok) throw item.error;
    const { extractorVersion: _version, ...record } = item.article;
    hash.update(JSON.stringify(record));
    hash.update('\n');
  }
  return hash.digest('hex');
}

export function currentFingerprint(sha256: string): RecordedFingerprint {
  return {
    extractorVersion: EXTRACTOR_VERSION,
    sha256,
    note: 'written by `npm run fingerprint -w @sitrep/extract`; see src/extractor-version.ts',
  };
}
