import { compatible } from './link-rules.ts';
import type { MentionFeatures } from './mention-features.ts';

/**
 * Star clustering in a fixed priority order, so that links cannot chain: every cluster has a
 * centre (its most specific, most precisely dated mention), and a mention joins the
 * highest-ranked centre it is linked to and compatible with every higher-ranked member of,
 * or becomes a centre itself. A report of strikes on "Aleppo" may join the al-Kalaseh event
 * or the Bustan al-Qasr one, but cannot glue them together. The decision for a mention reads
 * only higher-ranked mentions, so the result depends on the set of mentions, never on the
 * order they arrived in, and a new mention only re-decides lower-ranked mentions around it.
 */
export function ranksBefore(a: MentionFeatures, b: MentionFeatures): boolean {
  if (a.placeLine.length !== b.placeLine.length) return a.placeLine.length > b.placeLine.length;
  // an event dated by its own words before one dated only by its report ("on or before")
  const ia = a.window?.inferred === true;
  const ib = b.window?.inferred === true;
  if (ia !== ib) return ib;
  const wa = windowLength(a);
  const wb = windowLength(b);
  if (wa !== wb) return wa < wb;
  return a.id < b.id;
}

/** Sort order of `ranksBefore`: a strict total order (ids break ties), so any sort gives one result. */
function byRank(a: MentionFeatures, b: MentionFeatures): number {
  return ranksBefore(a, b) ? -1 : 1;
}

function windowLength(f: MentionFeatures): number {
  return f.window ? f.window.to - f.window.from : Number.MAX_SAFE_INTEGER;
}

export interface StarView {
  feature(id: string): MentionFeatures;
  /** ids of the mentions linked to this one */
  neighbours(id: string): readonly string[];
  centreOf(id: string): string | undefined;
  members(centre: string): ReadonlySet<string>;
}

/**
 * The centre `x` belongs under, given the current decisions for every higher-ranked mention.
 * x may join the cluster of any higher-ranked mention it is linked to, not only its centre: the
 * report of 86 dead links to the one of 72, which the first report of 58 drew in, though 86 and
 * 58 are too far apart to tie the two directly. Chains stay bounded because x must still be
 * compatible with every higher-ranked member (two towns, two days, two sides never meet).
 * Among the clusters it fits, x joins the one it has the most links to (one report of the
 * attack does not outweigh ten), then one whose centre it links to, then the best-ranked centre.
 */
export function chooseCentre(view: StarView, x: MentionFeatures): string {
  // centre -> how many of its higher-ranked members x is linked to, and whether the centre is one
  const links = new Map<string, number>();
  const direct = new Set<string>();
  for (const id of view.neighbours(x.id)) {
    const n = view.feature(id);
    if (!ranksBefore(n, x)) continue;
    const centre = view.centreOf(n.id);
    if (centre === undefined) continue;
    if (centre === n.id) direct.add(centre);
    links.set(centre, (links.get(centre) ?? 0) + 1);
  }
  const centres = [...links.keys()].map((id) => view.feature(id));
  if (centres.length > 1)
    centres.sort((a, b) => {
      const la = links.get(a.id) as number;
      const lb = links.get(b.id) as number;
      if (la !== lb) return lb - la;
      const da = direct.has(a.id);
      if (da !== direct.has(b.id)) return da ? -1 : 1;
      return byRank(a, b);
    });
  for (const c of centres) {
    let fits = true;
    for (const id of view.members(c.id)) {
      const member = view.feature(id);
      if (ranksBefore(member, x) && !compatible(member, x)) {
        fits = false;
        break;
      }
    }
    if (fits) return c.id;
  }
  return x.id;
}
