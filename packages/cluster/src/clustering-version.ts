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
 *
 * cluster-1: the first versioned clustering.
 * cluster-2: windows only from the event's own date (precision "reported" for an event dated by
 *   its report); a town named like its province is read at the province; an article going on
 *   about its event joins it; a vote's exact split ties two reports; across places of
 *   different size a toll on one side only does not tie; totals (a period's, a war's) neither
 *   tie reports nor enter figure ranges; reports that disagree on the day give the day most give.
 * cluster-3: a mention joins the cluster of any higher-ranked mention it is linked to (still
 *   compatible with every higher-ranked member), not only a cluster whose centre it links to,
 *   and among those it fits, the one it has the most links to; a rare kind (a chemical attack)
 *   on overlapping days ties reports at nested places or in the same country (new block rows
 *   `r|kind|place`); one article's floor ("at least 50") and its count (58) are one toll; one
 *   article's chemical attack and the air strike that delivered it are one event, and so are its
 *   "attack" and the specific kind it names on the same days; an undated report whose toll (a
 *   count of 50 or more, not a round figure; or 500 or more within 25%) matches an event dated
 *   up to 92 days before its report refers back to it (windows reach back; new `b|family|band`
 *   rows; MAX_ROW_DAYS 93); an article's events are always compared with each other (`p|article`
 *   rows), so an unplaced, untolled "the blast" meets its article's "a bomb in Aleppo".
 * cluster-4: competing figures and nesting: a vague toll ("dozens", 24–99) agrees with a count it
 *   covers; one article's count of a group among the dead ("27 children") and its toll of everyone
 *   are one event, and figure ranges leave such a group's count out beside a count of everyone; an
 *   uncommon kind (a bombing) dated to the day ties an undated report of that kind at a nesting
 *   place whose news window holds the day; a Security Council vote and a General Assembly vote
 *   are never one (`voteBody`); a region inside a country (the Gaza Strip, Darfur, Iraqi Kurdistan)
 *   is a place to block and link on, not a coarse one; an article's "attack" dated to its report's
 *   day and its undated specific kind (dated by that report) are the same days.
 */
export const CLUSTERING_VERSION = 'cluster-4';
