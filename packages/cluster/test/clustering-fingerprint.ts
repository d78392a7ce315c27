import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { blockRows } from '../src/block-keys.ts';
import { canonicalEvent } from '../src/canonical-event.ts';
import { addMentions, createClusterState } from '../src/cluster-state.ts';
import { CLUSTERING_VERSION } from '../src/clustering-version.ts';
import type { EventMention } from '../src/event-mention.ts';
import { type MentionSpec, mention, toyAncestors } from './make-mention.ts';

/** The recorded fingerprint: the version it was taken at and the hash of the clustering. */
export interface RecordedFingerprint {
  clusteringVersion: string;
  sha256: string;
  note: string;
}

export const RECORDED_FILE = fileURLToPath(new URL('./clustering-fingerprint.json', import.meta.url));

const KINDS = ['airstrike', 'shelling', 'armed_clash', 'bombing'] as const;
const PLACES = [
  'place:al-kalaseh',
  'place:bustan al-qasr',
  'place:sheikh saeed',
  'place:aleppo',
  'place:manbij',
  'place:idlib',
];
const OUTLETS = ['Reuters', 'AFP', 'Al Jazeera', 'SANA', 'RT', 'Anadolu', null];
const KILLED = [null, 3, 5, 5, 12, 20, 21, 40];
const SIDES = [
  [],
  ['actor:state:ru'],
  ['actor:state:sy'],
  ['actor:ag:rebels'],
  ['actor:state:ru', 'actor:state:sy'],
];
const AGENCIES = ['Reuters', 'AFP', 'AP'];

/**
 * 400 hand-built mentions over 60 articles, drawn by a fixed linear congruential sequence so
 * they fall into real clusters: a few kinds, places nested in the toy gazetteer, days two weeks
 * apart at most, figures that agree and disagree, outlets and wire credits. Not extractor output,
 * so the fingerprint moves with the clustering alone.
 */
export function fingerprintMentions(): EventMention[] {
  let seed = 0x5172;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const pick = <T>(xs: readonly T[]): T => xs[next(xs.length)] as T;
  const out: EventMention[] = [];
  for (let i = 0; i < 400; i++) {
    const day = 1 + next(14);
    const place = pick(PLACES);
    const spec: MentionSpec = {
      article: `article-${next(60)}`,
      kind: pick(KINDS),
      on: next(10) === 0 ? null : `2016-12-${String(day).padStart(2, '0')}`,
      // one in five dated only by its report, as extraction dates an event the text gives no day
      ...(next(5) === 0 ? { reported: `2016-12-${String(day).padStart(2, '0')}` } : {}),
      place: place.slice('place:'.length),
      placeId: place,
      placePrecision:
        place === 'place:aleppo' || place === 'place:manbij' || place === 'place:idlib'
          ? 'city'
          : 'neighbourhood',
      killed: pick(KILLED),
      killedQualifier: next(4) === 0 ? 'at_least' : 'exact',
      perpetrators: pick(SIDES),
      outlet: pick(OUTLETS),
      published: `2016-12-${String(Math.min(28, day + next(3))).padStart(2, '0')}`,
      credits: next(3) === 0 ? [{ agency: pick(AGENCIES), role: 'reporting' }] : [],
      tag: `mention ${i}`,
    };
    out.push(mention(spec));
  }
  return out;
}

/** SHA-256 of the canonical events and every mention's block rows clustered from those mentions. */
export function clusteringFingerprint(): string {
  const state = createClusterState({ ancestorsOf: toyAncestors });
  const mentions = fingerprintMentions();
  addMentions(state, mentions);
  const hash = createHash('sha256');
  for (const id of [...state.clusters.keys()].sort())
    hash.update(`${JSON.stringify(canonicalEvent(state, id))}\n`);
  for (const m of mentions) {
    const features = state.features.get(m.id);
    hash.update(`${m.id} ${JSON.stringify(features ? blockRows(features) : null)}\n`);
  }
  return hash.digest('hex');
}

export function currentFingerprint(sha256: string): RecordedFingerprint {
  return {
    clusteringVersion: CLUSTERING_VERSION,
    sha256,
    note: 'written by `npm run fingerprint -w @sitrep/cluster`; see src/clustering-version.ts',
  };
}
