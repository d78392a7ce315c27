/**
 * Names the clustering a store holds. A store that keeps a clustering (mention rows, block
 * rows, canonical events) updates it incrementally only while its stored version is this one;
 * otherwise it rebuilds from scratch. Bump it with any change that can move a mention to
 * another cluster or change its block rows: link rules, blocking, ranking, mention features,
 * the summary of a canonical event, or the gazetteer's nesting.
 *
 * Not left to memory: `test/clustering-version.test.ts` clusters 400 fixed mentions and fails
 * when the canonical events or block rows move while this name stands still (`npm run
 * fingerprint` records the new fingerprint once it is raised). The mentions use a toy gazetteer,
 * so a change to the real gazetteer's nesting (@sitrep/extract data) still needs a raise by hand.
 */
export const CLUSTERING_VERSION = 'cluster-1';
