// `npm run fingerprint -w @sitrep/cluster`: records the clustering fingerprint for the current
// CLUSTERING_VERSION (test/clustering-fingerprint.json). A new clustering is never recorded
// under the version that already names another one: raise the version first.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CLUSTERING_VERSION } from '../src/clustering-version.ts';
import {
  clusteringFingerprint,
  currentFingerprint,
  RECORDED_FILE,
  type RecordedFingerprint,
} from '../test/clustering-fingerprint.ts';

const sha256 = clusteringFingerprint();
const recorded = existsSync(RECORDED_FILE)
  ? (JSON.parse(readFileSync(RECORDED_FILE, 'utf8')) as RecordedFingerprint)
  : null;
if (recorded?.sha256 === sha256 && recorded.clusteringVersion === CLUSTERING_VERSION) {
  console.log(`clustering unchanged (${recorded.clusteringVersion}); nothing to record`);
} else if (recorded && recorded.sha256 !== sha256 && recorded.clusteringVersion === CLUSTERING_VERSION) {
  console.error(
    `the clustering changed but CLUSTERING_VERSION is still '${CLUSTERING_VERSION}': raise it in src/clustering-version.ts (stores rebuild their clustering on the next step), then run this again`,
  );
  process.exitCode = 1;
} else {
  writeFileSync(RECORDED_FILE, `${JSON.stringify(currentFingerprint(sha256), null, 2)}\n`);
  console.log(`recorded ${CLUSTERING_VERSION}: ${sha256}`);
}
