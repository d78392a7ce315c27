/**
 * What the day's locator map shows, decided before anything is drawn: the day's theatres (up
 * to MAX_PANELS, one panel each: a day of fighting in Sudan, Ukraine and Haiti gets three
 * maps), and in each panel one point per place (its events' reported deaths summed, coloured by
 * the family of its gravest event), the theatre's countries framed, the places that get a label,
 * and the words that stand for the picture — the alt text listing the places and the caption
 * naming the theatre's countries and, in the last panel, saying what is not drawn and why.
 *
 * An event is drawn only where the gazetteer gives its place a point finer than a country or a
 * region (a country's centre is no place an event happened), and only when it is dated to a day
 * or a week (as in the chart). Each frame is where a theatre's violence and humanitarian events
 * are, with their countries when those are small enough to show whole; diplomacy far from every
 * theatre (a vote in New York on a day of fighting in Aleppo) is named in the caption rather
 * than given a map of its own.
 */
import { eventKindInfo } from '@sitrep/schema/event-kinds';
import { shortDate } from '../date-labels.ts';
import type { DayData, DayEvent, PlacePoint } from '../day-data.ts';
import { countryNames as countryNamesOf, listCountries } from '../word-coverage.ts';
import { maxBest } from '../word-figures.ts';
import { atlasCountry } from './world-atlas.ts';

export type MapFamily = 'violence' | 'humanitarian' | 'diplomacy';

export interface MapPlace extends PlacePoint {
  name: string;
  /** reported deaths summed over the place's events (each event's best figure) */
  killed: number;
  events: number;
  family: MapFamily;
  /** one of the main places: the renderer labels it when the label has room */
  label: boolean;
}

/** [[west, south], [east, north]] in degrees */
export type Frame = [[number, number], [number, number]];

/**
 * One theatre's picture: its own frame, points, labels and words. A day of fighting in one
 * country has one; a day of events in Sudan, Ukraine and Haiti has one per war (up to
 * MAX_PANELS), each a PNG of its own in the email.
 */
export interface MapPanel {
  /** Content-ID of the inline image in the email (`cid:` in the HTML part) */
  cid: string;
  /** the file written beside the issue's .html, and its address relative to it */
  file: string;
  frame: Frame;
  places: MapPlace[];
  /** ISO 3166-1 alpha-2 codes of the theatre's countries, drawn framed */
  countries: string[];
  alt: string;
  /** what the picture shows; the last panel's also says what no panel draws and why */
  caption: string;
}

export interface DayMap {
  date: string;
  /** the size each panel is shown at, in CSS pixels, at most (it shrinks with a narrow screen) */
  width: number;
  height: number;
  /** one per theatre, gravest first (most events, then most deaths); at least one */
  panels: MapPanel[];
  /** families on the map's panels, gravest first, for the legend */
  families: { family: MapFamily; label: string; colour: string }[];
}

/** Colours that keep 4.5:1 against white, as legend text and as dots on the light map. */
export const FAMILY_COLOURS: Record<MapFamily, string> = {
  violence: '#b3261e',
  humanitarian: '#1d5fa6',
  diplomacy: '#6a3d9a',
};
const FAMILY_LABELS: Record<MapFamily, string> = {
  violence: 'Violence',
  humanitarian: 'Humanitarian',
  diplomacy: 'Diplomacy',
};
const GRAVITY: MapFamily[] = ['violence', 'humanitarian', 'diplomacy'];

/** Places finer than these are drawn; a country's or a region's centre is not where anything happened. */
const TOO_COARSE = new Set(['country', 'region']);
/** A framed country is shown whole only when it fits in this many degrees (Syria, Ukraine, Sudan do; Russia does not). */
const WHOLE_COUNTRY_DEG = 22;
/** The least span of the frame, so that a day in one town still shows its surroundings. */
const MIN_SPAN_DEG = 3;
/** The most a frame spans around the day's points: past it, the map follows the theatre (Ukraine fits; Syria and Moscow do not). */
const MAX_SPAN_DEG = 20;
const MAX_LABELS = 5;
const MAX_ALT_PLACES = 10;
/** Shown as wide as the email's column; the PNG holds more pixels for sharp screens. */
export const MAP_WIDTH = 592;
export const MAP_HEIGHT = 395;

const number = new Intl.NumberFormat('en-GB');
const plural = (n: number, one: string, many: string) => `${number.format(n)} ${n === 1 ? one : many}`;

const deathsOf = (e: DayEvent) => e.canonical?.killedBest ?? maxBest(e.casualties, 'killed');

function drawable(e: DayEvent): PlacePoint | null {
  const p = e.place;
  if (!p?.point || (p.kind && TOO_COARSE.has(p.kind))) return null;
  return p.point;
}

function boundsOf(points: readonly PlacePoint[]): Frame {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

function union(a: Frame, b: Frame): Frame {
  return [
    [Math.min(a[0][0], b[0][0]), Math.min(a[0][1], b[0][1])],
    [Math.max(a[1][0], b[1][0]), Math.max(a[1][1], b[1][1])],
  ];
}

/** The points' bounds, with their countries when small enough, padded and at least MIN_SPAN_DEG wide and high. */
function frameOf(points: readonly PlacePoint[], countries: readonly string[]): Frame {
  let f = boundsOf(points);
  for (const code of countries) {
    const b = atlasCountry(code)?.bounds;
    if (!b) continue;
    if (b[1][0] - b[0][0] <= WHOLE_COUNTRY_DEG && b[1][1] - b[0][1] <= WHOLE_COUNTRY_DEG) f = union(f, b);
  }
  const pad = (lo: number, hi: number, limit: number): [number, number] => {
    const half = Math.max(MIN_SPAN_DEG, (hi - lo) * 1.15) / 2;
    const mid = (lo + hi) / 2;
    return [Math.max(-limit, mid - half), Math.min(limit, mid + half)];
  };
  const [w, e] = pad(f[0][0], f[1][0], 180);
  const [s, n] = pad(f[0][1], f[1][1], 80);
  return [
    [w, s],
    [e, n],
  ];
}

/**
 * The day's theatres. A day's events usually lie within one, and then they are one theatre
 * however they are spread (at most MAX_SPAN_DEG across). When they span more (fighting in Sudan,
 * Ukraine and Haiti on one day, or a village resolved to its namesake abroad), the theatres are
 * taken greedily: the point with the most of what is left near it (then the most deaths near it)
 * leads, the points within MAX_SPAN_DEG / 2 of it are its theatre, and the same is done again on
 * what is left. Ordered by gravity: most events, then most deaths.
 */
function theatresOf<T extends { e: DayEvent; point: PlacePoint }>(located: T[]): T[][] {
  const theatres: T[][] = [];
  let left = located;
  const half = MAX_SPAN_DEG / 2;
  while (left.length) {
    const [[w, s], [e, n]] = boundsOf(left.map((l) => l.point));
    if (e - w <= MAX_SPAN_DEG && n - s <= MAX_SPAN_DEG) {
      theatres.push(left);
      break;
    }
    const rest = left;
    const near = (a: PlacePoint) =>
      rest.filter((l) => Math.abs(l.point.lon - a.lon) <= half && Math.abs(l.point.lat - a.lat) <= half);
    const score = (a: PlacePoint) => {
      const around = near(a);
      return around.length * 1e6 + around.reduce((sum, l) => sum + deathsOf(l.e), 0);
    };
    const lead = near(rest.reduce((best, l) => (score(l.point) > score(best.point) ? l : best)).point);
    theatres.push(lead);
    left = rest.filter((l) => !lead.includes(l));
  }
  const deaths = (t: T[]) => t.reduce((sum, l) => sum + deathsOf(l.e), 0);
  // stable: equal theatres keep the order they were found in
  return theatres.sort((a, b) => b.length - a.length || deaths(b) - deaths(a));
}

const inside = (p: PlacePoint, f: Frame) =>
  p.lon >= f[0][0] && p.lon <= f[1][0] && p.lat >= f[0][1] && p.lat <= f[1][1];

/** "Khan Sheikhoun (87 killed)", "Sheikh Saeed" */
const placeWords = (p: MapPlace) => (p.killed ? `${p.name} (${number.format(p.killed)} killed)` : p.name);

/** The most theatres drawn: past three, a reader scrolls past maps to reach the stories. */
export const MAX_PANELS = 3;

type Located = { e: DayEvent; point: PlacePoint; family: MapFamily };

/** The places of a panel's events, one point per place, gravest first; the main ones labelled. */
function placesOf(events: readonly Located[]): MapPlace[] {
  const byPlace = new Map<string, MapPlace>();
  for (const { e, point, family } of events) {
    const key = `${e.place!.name}|${point.lat.toFixed(3)}|${point.lon.toFixed(3)}`;
    const p = byPlace.get(key);
    if (!p)
      byPlace.set(key, {
        name: e.place!.name,
        ...point,
        killed: deathsOf(e),
        events: 1,
        family,
        label: false,
      });
    else {
      p.killed += deathsOf(e);
      p.events += 1;
      if (GRAVITY.indexOf(family) < GRAVITY.indexOf(p.family)) p.family = family;
    }
  }
  const places = [...byPlace.values()].sort(
    (a, b) => b.killed - a.killed || b.events - a.events || a.name.localeCompare(b.name),
  );
  for (const p of places.slice(0, MAX_LABELS)) p.label = true;
  return places;
}

/**
 * The day's map, or null when none of its events has a point to draw (no map, no empty box).
 * `edition` names a subscriber's edition whose events are a part of the day's: it goes into the
 * Content-ID, so an email never shows another edition's picture under the same name.
 */
export function buildDayMap(
  /** `key` names a weekly edition's map ("2016-W49"), `label` its days ("5–11 Dec 2016") */
  day: Pick<DayData, 'date' | 'events'> & { key?: string | undefined; label?: string | undefined },
  countryNames: readonly string[],
  edition?: string,
): DayMap | null {
  // as in the chart: an event dated only by its report (often an earlier attack recalled) is no
  // event of the day to put on its map
  const dated = day.events.filter((e) => e.precision !== 'reported');
  const located: Located[] = dated.flatMap((e) => {
    const point = drawable(e);
    return point ? [{ e, point, family: eventKindInfo(e.kind).family as MapFamily }] : [];
  });
  if (!located.length) return null;
  // the theatres are where the fighting and the aid are; diplomacy is drawn where it falls in one
  const core = located.filter((l) => l.family !== 'diplomacy');
  const framed: { countries: string[]; frame: Frame; events: Located[] }[] = [];
  for (const t of theatresOf(core.length ? core : located)) {
    if (framed.length === MAX_PANELS) break;
    // a theatre a frame before it already shows (a country framed whole reaches past the 10°
    // around its lead: Lviv beside Kharkiv) is drawn there, not as an empty panel
    if (t.every((l) => framed.some((f) => inside(l.point, f.frame)))) continue;
    const countries = [...new Set(t.flatMap((l) => (l.e.country ? [l.e.country.toUpperCase()] : [])))];
    framed.push({
      countries,
      frame: frameOf(
        t.map((l) => l.point),
        countries,
      ),
      events: [],
    });
  }
  const elsewhere: string[] = [];
  for (const l of located) {
    // an event drawn once, in the gravest theatre whose frame holds it
    const panel = framed.find((f) => inside(l.point, f.frame));
    if (panel) panel.events.push(l);
    else if (!elsewhere.includes(l.e.place!.name)) elsewhere.push(l.e.place!.name);
  }
  const panelPlaces = framed.map((f) => placesOf(f.events));
  const families = GRAVITY.filter((f) => panelPlaces.some((ps) => ps.some((p) => p.family === f))).map(
    (family) => ({
      family,
      label: FAMILY_LABELS[family],
      colour: FAMILY_COLOURS[family],
    }),
  );

  const when = day.label ?? shortDate(day.date);
  const undated = day.events.length - dated.length;
  const notLocated = dated.length - located.length;
  const single = framed.length === 1;
  const notes = [
    undated
      ? `${plural(undated, 'event', 'events')} dated only by ${undated === 1 ? 'its report is' : 'their reports are'} not drawn`
      : null,
    notLocated
      ? `${plural(notLocated, 'event', 'events')} without a place precise enough to draw ${notLocated === 1 ? 'is' : 'are'} not drawn`
      : null,
    elsewhere.length
      ? `${plural(elsewhere.length, 'place', 'places')} outside the ${single ? 'area' : 'areas'} shown (${elsewhere.join(', ')}) ${elsewhere.length === 1 ? 'is' : 'are'} not drawn`
      : null,
  ].filter((n): n is string => n !== null);
  const id = `${day.key ?? day.date}${edition ? `.${edition}` : ''}`;
  const panels = framed.map((f, i): MapPanel => {
    const places = panelPlaces[i]!;
    // one theatre: the day's countries, as the masthead names them; several: each panel's own
    const names = single ? countryNames : countryNamesOf(f.events.map((l) => l.e));
    const where = names.length ? ` in ${listCountries(names)}` : '';
    const listed = places.slice(0, MAX_ALT_PLACES).map(placeWords);
    const more = places.length - listed.length;
    const alt = `Map of the events of ${when}${where}: ${listed.join('; ')}${
      more > 0 ? `; and ${plural(more, 'more place', 'more places')}` : ''
    }.`;
    // each panel's line names its countries; the first says how circles read, the last what is not drawn
    const lead = single ? '' : `${names.length ? listCountries(names) : `Area ${i + 1}`}: `;
    const sized = i === 0 ? '; circles sized by reported deaths' : '';
    const last = i === framed.length - 1 && notes.length ? ` ${notes.join('; ')}.` : '';
    const caption = `${lead}${plural(places.length, 'place', 'places')} of ${when}'s events${sized}.${last}`;
    return {
      cid: `map.${id}${i ? `.${i + 1}` : ''}@sitrep`,
      file: `${day.key ?? day.date}-map${i ? `-${i + 1}` : ''}.png`,
      frame: f.frame,
      places,
      countries: f.countries,
      alt,
      caption,
    };
  });
  return { date: day.date, width: MAP_WIDTH, height: MAP_HEIGHT, panels, families };
}
