// `npm run fingerprint -w @sitrep/extract`: records the seed corpus's extraction fingerprint
// for the current EXTRACTOR_VERSION (test/extractor-fingerprint.json). It refuses to record a
// new output under the version that already names another one: raise the version first. A
// version raised for a change the seeds do not show is recorded with the same hash.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { EXTRACTOR_VERSION } from '../src/extractor-version.ts';
import {
  currentFingerprint,
  extractionFingerprint,
  RECORDED_FILE,
  type RecordedFingerprint,
} from '../test/extraction-fingerprint.ts';

const sha256 = await extractionFingerprint();
const recorded = existsSync(RECORDED_FILE)
  ? (JSON.parse(readFileSync(RECORDED_FILE, 'utf8')) as RecordedFingerprint)
  : null;
if (recorded?.sha256 === sha256 && recorded.extractorVersion === EXTRACTOR_VERSION) {
  console.log(`extraction of the seeds unchanged (version ${recorded.extractorVersion}); nothing to record`);
} else if (recorded && recorded.sha256 !== sha256 && recorded.extractorVersion >= EXTRACTOR_VERSION) {
  console.error(
    `the extraction of the seeds changed but EXTRACTOR_VERSION is still ${EXTRACTOR_VERSION}: raise it in src/extractor-version.ts (stored articles are re-extracted on their next ingest), then run this again`,
  );
  process.exitCode = 1;
} else {
  writeFileSync(RECORDED_FILE, `${JSON.stringify(currentFingerprint(sha256), null, 2)}\n`);
  console.log(`recorded version ${EXTRACTOR_VERSION}: ${sha256}`);
}
