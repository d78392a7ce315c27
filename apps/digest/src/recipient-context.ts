/**
 * Everything a recipient's render adds to the compiled issue: subject and preheader led by
 * the first item they receive, signed unsubscribe and preference links, and the `show` map.
 */
import { subscriberQuery } from '@sitrep/mailing-list/link-tokens';
import type { IssueModel, RecipientContext } from './issue-model.ts';
import type { DayMap } from './map/day-map.ts';
import { editionMap, mapShowKeys } from './map/edition-map.ts';
import { wrap } from './render/text-helpers.ts';
import { isEmptyFor, showMap } from './subscribers/match-filters.ts';
import { hasFilters, type Subscriber } from './subscribers/subscriber.ts';

export interface LinkSettings {
  publicUrl: string;
  linkSecret: string;
  unsubscribeMailto: string;
}

export function recipientLinks(email: string, links: LinkSettings) {
  // signed as the API's /unsubscribe and /preferences check them (@sitrep/mailing-list)
  const q = subscriberQuery(email, links.linkSecret);
  return {
    unsubscribeUrl: `${links.publicUrl}/unsubscribe?${q}`,
    preferencesUrl: `${links.publicUrl}/preferences?${q}`,
    unsubscribeMailto: `mailto:${links.unsubscribeMailto}?subject=${encodeURIComponent(`unsubscribe ${email}`)}`,
  };
}

/** The leads of the items a recipient gets, by section, in page order. */
function leads(issue: IssueModel, show: Record<string, boolean>): string[][] {
  const stories: string[] = [];
  const diplomacy: string[] = [];
  const next: string[] = [];
  for (const s of issue.stories)
    if (show[s.key])
      stories.push(s.headlineFigure ?? `${s.kindLabel}${s.placeLabel ? ` in ${s.placeLabel}` : ''}`);
  for (const d of issue.diplomacy)
    if (show[d.key])
      diplomacy.push(
        d.voteLine
          ? `${d.statusLabel}: ${d.voteLine}`
          : `${d.statusLabel}${d.placeLabel ? ` in ${d.placeLabel}` : ''}`,
      );
  for (const n of issue.next) if (show[n.key]) next.push(`${n.placeLabel ?? 'Ahead'}, ${n.whenLabel}`);
  return [stories, diplomacy, next];
}

function filterNote(s: Subscriber): string | null {
  if (!hasFilters(s.filters)) return null;
  const parts = [
    ...(s.filters.countries ?? []),
    ...s.filters.places,
    ...s.filters.actors,
    ...s.filters.kinds.map((k) => k.replaceAll('_', ' ')),
  ];
  if (s.filters.minKilled != null) parts.push(`stories with at least ${s.filters.minKilled} killed`);
  return `Your edition follows ${parts.join(', ')}`;
}

/** What every subscriber with the same filters gets: worked out once per issue and filter set, then shared. */
interface Edition {
  show: Record<string, boolean>;
  empty: boolean;
  subject: string;
  lead: string;
  preheader: string;
  filterNote: string | null;
  map: DayMap | null;
  /** the text part's map: each panel's alt text and caption, wrapped */
  mapText: string;
}

const editions = new WeakMap<IssueModel, Map<string, Edition>>();

function editionFor(issue: IssueModel, s: Subscriber): Edition {
  let byFilters = editions.get(issue);
  if (!byFilters) {
    byFilters = new Map();
    editions.set(issue, byFilters);
  }
  const f = s.filters;
  const key = [f.kinds, f.places, f.actors, f.countries ?? [], [String(f.minKilled ?? '')]]
    .map((xs) =>
      xs
        .map((x) => x.toLowerCase())
        .sort()
        .join('\u0001'),
    )
    .join('\u0002');
  const cached = byFilters.get(key);
  if (cached) return cached;
  const shown = showMap(issue, f);
  const map = editionMap(issue, shown);
  const show = { ...shown, ...mapShowKeys(map) };
  const [stories, diplomacy, next] = leads(issue, show);
  const lead = [...stories!, ...diplomacy!, ...next!][0] ?? 'Nothing new was reported';
  // The preheader reaches past the lead to the other sections: one more story, the top diplomacy, what is next.
  const rest = [stories![1], diplomacy![0], next![0]].filter((x): x is string => !!x && x !== lead);
  const edition: Edition = {
    show,
    empty: isEmptyFor(show),
    subject: `Sitrep ${issue.shortDateLabel}: ${lead}`,
    lead,
    preheader: rest.length ? `Also: ${rest.join(' · ')}` : issue.dateLabel,
    filterNote: filterNote(s),
    map,
    mapText: map ? map.panels.map((p) => `${wrap(p.alt, 0)}\n${wrap(p.caption, 0)}`).join('\n\n') : '',
  };
  byFilters.set(key, edition);
  return edition;
}

/** The context for one subscriber, or null when nothing in the issue matches what they follow. */
export function recipientContext(
  issue: IssueModel,
  s: Subscriber,
  links: LinkSettings,
  options: { allowEmpty?: boolean } = {},
): RecipientContext | null {
  const e = editionFor(issue, s);
  if (e.empty && !options.allowEmpty) return null;
  const l = recipientLinks(s.email, links);
  const panel = (i: number) => e.map?.panels[i];
  return {
    name: s.name,
    email: s.email,
    subject: e.subject,
    lead: e.lead,
    preheader: e.preheader,
    unsubscribeUrl: l.unsubscribeUrl,
    preferencesUrl: l.preferencesUrl,
    filterNote: e.filterNote,
    map: e.map,
    mapCid: panel(0)?.cid ?? '',
    mapAlt: panel(0)?.alt ?? '',
    mapCaption: panel(0)?.caption ?? '',
    mapCid1: panel(1)?.cid ?? '',
    mapAlt1: panel(1)?.alt ?? '',
    mapCaption1: panel(1)?.caption ?? '',
    mapCid2: panel(2)?.cid ?? '',
    mapAlt2: panel(2)?.alt ?? '',
    mapCaption2: panel(2)?.caption ?? '',
    mapText: e.mapText,
    show: e.show,
  };
}
