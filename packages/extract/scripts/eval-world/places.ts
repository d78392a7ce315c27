/**
 * Places and publication dates against world-dev's gold.
 *
 * Which extracted event is a gold incident's: the first event whose evidence lies inside one of
 * the incident's sentences (`quote`, `injured_quote`, `alt_quotes`) and that has a location,
 * else the first such event at all; none is "not found" and scores wrong everywhere.
 *
 * The gold's `place` is free text ("Bardo National Museum, Tunis", "Karda Ku peak, near Haj
 * Omran", "college dormitory"). It is cut at ", " / " near " / " of " / " in " / " and " into
 * segments, and each segment keeps its capitalised words ("Haj Omran area" → "Haj Omran");
 * segments with none are dropped. **Most specific place right**: the event's place (its name or
 * any alias, folded as the gazetteer folds) is one of those named segments — the place itself or
 * the settlement the gold names it by, as ACLED codes a museum by its town; when the gold names
 * no place (null, or only "military base"), its admin1, else its country, is what is expected.
 * A gold incident whose place is null is not scored for place. **admin1 right** (incidents whose
 * gold names an admin1): the event's place is that division or lies in it. **Country right**: the
 * event's place lies in the gold country (several, "Kenya; Tanzania": any; "at sea": not scored).
 * **Within 25 km**: the gold's most specific named segment that the gazetteer holds is looked up in the world gazetteer
 * within the gold country (the most populous match; its admin1 when the gold gives one) — a
 * reference point found from the gold alone — and the event's coordinates must lie within 25 km
 * of it; incidents whose reference is not in the gazetteer are counted apart.
 * Publication dates: right when the extracted day equals the gold's, null when the extraction
 * gives none, wrong otherwise; a gold null is right only when the extraction is null too.
 */
import type { Place } from '@sitrep/schema/place';
import countries from 'world-countries/dist/countries.json' with { type: 'json' };
import { ancestorsOf, placeById } from '../../src/entities/gazetteer.ts';
import { foldName } from '../../src/places/fold-name.ts';
import { loadWorld, rowPlace } from '../../src/places/world-gazetteer.ts';
import type { GoldEvent, WorldRun } from '../eval-world.ts';

interface GoldPlaceEvent extends GoldEvent {
  admin1?: string | null;
  country?: string | null;
}

const HISTORICAL: Record<string, string> = {
  'west germany': 'DE',
  'east germany': 'DE',
  'soviet union': 'RU',
};
const countryCode = new Map<string, string>();
for (const c of countries as {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
}[])
  for (const n of [c.name.common, c.name.official, ...c.altSpellings])
    countryCode.set(n.toLowerCase(), c.cca2);

function goldCountries(text: string | null | undefined): string[] | null {
  if (!text || /^at sea/i.test(text)) return null;
  const codes = text
    .replace(/\s*\(.*$/, '')
    .split(/;|\band\b/)
    .map((s) => s.trim().toLowerCase())
    .flatMap((n) => {
      const code = HISTORICAL[n] ?? countryCode.get(n);
      return code ? [code] : [];
    });
  return codes.length ? codes : null;
}

function namedSegments(place: string | null): string[] {
  if (!place) return [];
  return place
    .split(/,\s*|\s+near\s+|\s+of\s+|\s+in\s+|\s+and\s+/)
    .map((s) =>
      s
        .split(/\s+/)
        .filter((w) => /^\p{Lu}/u.test(w))
        .join(' '),
    )
    .filter((s) => s.length > 0);
}

const namesOf = (p: Place): string[] => [p.name, ...p.aliases].map(foldName);

function inAdmin1(p: Place, admin1: string): boolean {
  const key = foldName(admin1);
  const chain = [p, ...ancestorsOf(p.id)];
  return chain.some(
    (x) => namesOf(x).includes(key) || (x.admin1 ? foldName(x.admin1).startsWith(key) : false),
  );
}

function reference(segment: string, country: string, admin1: string | null): Place | null {
  const w = loadWorld();
  const rows = (w.lookup(foldName(segment)) ?? [])
    .flatMap((e) => (e.type === 'row' ? [rowPlace(e.index)] : []))
    .filter((p) => p.country === country)
    .sort(
      (a, b) =>
        Number(admin1 !== null && inAdmin1(b, admin1)) - Number(admin1 !== null && inAdmin1(a, admin1)) ||
        (b.population ?? 0) - (a.population ?? 0),
    );
  return rows[0] ?? null;
}

function km(a: Place, b: Place): number {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return Number.POSITIVE_INFINITY;
  const r = Math.PI / 180;
  const x =
    Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(x));
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}% (${n}/${d})` : '—');

export function placeSection(runs: readonly WorldRun[], opts: { verbose: boolean }): string {
  let specific = 0;
  let specificOf = 0;
  let admin1 = 0;
  let admin1Of = 0;
  let country = 0;
  let countryOf = 0;
  let near = 0;
  let nearOf = 0;
  let noReference = 0;
  let notFound = 0;
  const lines: string[] = [];
  for (const { gold, text, article } of runs) {
    for (const g of gold.events as GoldPlaceEvent[]) {
      const quotes = [g.quote, g.injured_quote, ...(g.alt_quotes ?? [])].flatMap((q) => {
        if (!q) return [];
        const at = text.indexOf(q);
        return at < 0 ? [] : [{ start: at, end: at + q.length }];
      });
      const mine = article.events.filter((e) =>
        e.evidence.some((ev) => quotes.some((q) => ev.span.start >= q.start && ev.span.end <= q.end)),
      );
      const event = mine.find((e) => e.location) ?? mine[0];
      if (!event) notFound++;
      const place = event?.location?.placeId ? placeById(event.location.placeId) : null;
      const codes = goldCountries(g.country);
      const segments = namedSegments(g.place);
      const expected = segments.length ? segments : g.admin1 ? [g.admin1] : codes ? [g.country ?? ''] : [];
      let verdict = '';
      if (g.place !== null) {
        specificOf++;
        const ok =
          place !== null &&
          (expected.some((s) => namesOf(place).includes(foldName(s))) ||
            (!segments.length &&
              !g.admin1 &&
              place.kind === 'country' &&
              codes?.includes(place.country ?? '')));
        if (ok) specific++;
        verdict += ok ? 'place ✓ ' : 'place ✗ ';
      }
      if (g.admin1) {
        admin1Of++;
        const ok = place !== null && inAdmin1(place, g.admin1);
        if (ok) admin1++;
        verdict += ok ? 'admin1 ✓ ' : 'admin1 ✗ ';
      }
      if (codes) {
        countryOf++;
        const ok = place !== null && codes.includes(place.country ?? '');
        if (ok) country++;
        verdict += ok ? 'country ✓ ' : 'country ✗ ';
        // the first named segment the gazetteer holds ("Bardo National Museum, Tunis": Tunis)
        let ref: Place | null = null;
        for (const s of segments) ref ??= reference(s, codes[0] as string, g.admin1 ?? null);
        if (ref) {
          nearOf++;
          const d = place ? km(place, ref) : Number.POSITIVE_INFINITY;
          if (d <= 25) near++;
          verdict += `${Number.isFinite(d) ? Math.round(d) : '∞'} km`;
        } else if (g.place !== null) noReference++;
      }
      if (opts.verbose)
        lines.push(
          `  ${gold.file} ${JSON.stringify(g.place)} → ${event ? (event.location?.name ?? 'no place') : 'not found'}${event?.location?.geoPrecision ? ` (gp${event.location.geoPrecision})` : ''}: ${verdict}`,
        );
    }
  }
  let right = 0;
  let nulls = 0;
  let wrong = 0;
  for (const { gold, article } of runs) {
    const got = article.publishedAt.date;
    if (got === null && gold.publishedAt === null) right++;
    else if (got === null) nulls++;
    else if (got === gold.publishedAt) right++;
    else wrong++;
  }
  return [
    "Places (an incident's event located by its evidence; rules in scripts/eval-world/places.ts)",
    '',
    '| measure | right |',
    '|---|---|',
    `| most specific place | ${pct(specific, specificOf)} |`,
    `| admin1 (where the gold names one) | ${pct(admin1, admin1Of)} |`,
    `| country | ${pct(country, countryOf)} |`,
    `| coordinates within 25 km of the gold place | ${pct(near, nearOf)} (${noReference} gold places not in the gazetteer, not scored) |`,
    '',
    `Gold incidents with no extracted event in their sentences: ${notFound}`,
    ...lines,
    '',
    `Publication dates: right ${right}, null ${nulls}, wrong ${wrong} (of ${runs.length}; a gold null counts right when the extraction is null too)`,
  ].join('\n');
}
