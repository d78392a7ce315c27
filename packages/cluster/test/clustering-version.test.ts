import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLUSTERING_VERSION } from '../src/clustering-version.ts';
import { clusteringFingerprint, RECORDED_FILE, type RecordedFingerprint } from './clustering-fingerprint.ts';

/**
 * CLUSTERING_VERSION must move whenever the clustering does: a store updates its stored
 * clustering incrementally only while the version stands, so a change under the old version
 * would mix two clusterings in one store. 400 fixed mentions are the tripwire.
 */
describe('CLUSTERING_VERSION', () => {
  it('names the clustering the fingerprint mentions get', () => {
    const recorded = JSON.parse(readFileSync(RECORDED_FILE, 'utf8')) as RecordedFingerprint;
    if (clusteringFingerprint() !== recorded.sha256)
      expect.fail(
        recorded.clusteringVersion === CLUSTERING_VERSION
          ? `the clustering changed but CLUSTERING_VERSION is still '${CLUSTERING_VERSION}': raise it in src/clustering-version.ts, then run \`npm run fingerprint -w @sitrep/cluster\``
          : `CLUSTERING_VERSION is '${CLUSTERING_VERSION}': record its fingerprint with \`npm run fingerprint -w @sitrep/cluster\``,
      );
    expect(recorded.clusteringVersion).toBe(CLUSTERING_VERSION);
  });
});
