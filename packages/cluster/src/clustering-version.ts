/**
 * Names the clustering a store holds. A store that keeps a clustering (mention rows, block
 * rows, canonical events) updates it incrementally only while its stored version is this one;
 * otherwise it rebuilds from scratch. Bump it with any change that can move a mention to
 * another cluster or change its block rows: link rules, blocking, ranking, mention features,
 * the summary of a canonical event, or the gazetteer's nesting.
 */
export const CLUSTERING_VERSION = 'cluster-1';
