/**
 * What the day's locator map shows, decided before anything is drawn: one point per place
 * (its events' reported deaths summed, coloured by the family of its gravest event), the day's
 * countries framed, the places that get a label, and the words that stand for the picture —
 * the alt text listing the places and the caption saying what is not drawn and why.
 *
 * An event is drawn only where the gazetteer gives its place a point finer than a country or a
 * region (a country's centre is no place an event happened), and only when it is dated to a day
 * or a week (as in the chart). The frame is where the day's
 * violence and humanitarian events are, with their countries when those are small enough to
 * show whole; diplomacy far from it (a vote in New York on a day of fighting in Aleppo) is
 * named in the caption rather than stretching the map across an ocean.
 */
import { eventKindInfo } from '@sitrep/schema/event-kinds';
import { shortDate } from '../date-labels.ts';
import type { DayData, DayEvent, PlacePoint } from '../day-data.ts';
import { listCountries } from '../word-coverage.ts';
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

export interface DayMap {
  date: string;
  /** Content-ID of the inline image in the email (`cid:` in the HTML part) */
  cid: string;
  /** the file written beside the issue's .html, and its address relative to it */
  file: string;
  /** the size the image is shown at, in CSS pixels, at most (it shrinks with a narrow screen) */
  width: number;
  height: number;
  frame: Frame;
  places: MapPlace[];
  /** ISO 3166-1 alpha-2 codes of the day's countries, drawn framed */
  countries: string[];
  /** families on the map, gravest first, for the legend */
  families: { family: MapFamily; label: string; colour: string }[];
  alt: string;
  caption: string;
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
 * A day's events usually lie within one theatre; when they span more than a map can show at a
 * useful scale (a toll placed in Washington beside the fighting in Idlib, or a village resolved
 * to its namesake abroad), the frame follows the theatre: the point with the most of the day's
 * events near it, then the most deaths near it. The rest is named in the caption as outside.
 */
function aroundTheLead<T extends { e: DayEvent; point: PlacePoint }>(located: T[]): T[] {
  const [[w, s], [e, n]] = boundsOf(located.map((l) => l.point));
  if (e - w <= MAX_SPAN_DEG && n - s <= MAX_SPAN_DEG) return located;
  const half = MAX_SPAN_DEG / 2;
  const near = (a: PlacePoint) =>
    located.filter((l) => Math.abs(l.point.lon - a.lon) <= half && Math.abs(l.point.lat - a.lat) <= half);
  const score = (a: PlacePoint) => {
    const around = near(a);
    return around.length * 1e6 + around.reduce((sum, l) => sum + deathsOf(l.e), 0);
  };
  const lead = located.reduce((best, l) => (score(l.point) > score(best.point) ? l : best)).point;
  return near(lead);
}

const inside = (p: PlacePoint, f: Frame) =>
  p.lon >= f[0][0] && p.lon <= f[1][0] && p.lat >= f[0][1] && p.lat <= f[1][1];

/** "Khan Sheikhoun (87 killed)", "Sheikh Saeed" */
const placeWords = (p: MapPlace) => (p.killed ? `${p.name} (${number.format(p.killed)} killed)` : p.name);

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
  const located = dated.flatMap((e) => {
    const point = drawable(e);
    return point ? [{ e, point, family: eventKindInfo(e.kind).family as MapFamily }] : [];
  });
  if (!located.length) return null;
  const core = located.filter((l) => l.family !== 'diplomacy');
  const framing = aroundTheLead(core.length ? core : located);
  const countries = [...new Set(framing.flatMap((l) => (l.e.country ? [l.e.country.toUpperCase()] : [])))];
  const frame = frameOf(
    framing.map((l) => l.point),
    countries,
  );

  const byPlace = new Map<string, MapPlace>();
  const elsewhere: string[] = [];
  for (const { e, point, family } of located) {
    if (!inside(point, frame)) {
      if (!elsewhere.includes(e.place!.name)) elsewhere.push(e.place!.name);
      continue;
    }
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
  const families = GRAVITY.filter((f) => places.some((p) => p.family === f)).map((family) => ({
    family,
    label: FAMILY_LABELS[family],
    colour: FAMILY_COLOURS[family],
  }));

  const when = day.label ?? shortDate(day.date);
  const undated = day.events.length - dated.length;
  const notLocated = dated.length - located.length;
  const where = countryNames.length ? ` in ${listCountries(countryNames)}` : '';
  const listed = places.slice(0, MAX_ALT_PLACES).map(placeWords);
  const more = places.length - listed.length;
  const alt = `Map of the events of ${when}${where}: ${listed.join('; ')}${
    more > 0 ? `; and ${plural(more, 'more place', 'more places')}` : ''
  }.`;
  const notes = [
    undated
      ? `${plural(undated, 'event', 'events')} dated only by ${undated === 1 ? 'its report is' : 'their reports are'} not drawn`
      : null,
    notLocated
      ? `${plural(notLocated, 'event', 'events')} without a place precise enough to draw ${notLocated === 1 ? 'is' : 'are'} not drawn`
      : null,
    elsewhere.length
      ? `${plural(elsewhere.length, 'place', 'places')} outside the area shown (${elsewhere.join(', ')}) ${elsewhere.length === 1 ? 'is' : 'are'} not drawn`
      : null,
  ].filter((n): n is string => n !== null);
  const caption = `${plural(places.length, 'place', 'places')} of ${when}'s events; circles sized by reported deaths.${
    notes.length ? ` ${notes.join('; ')}.` : ''
  }`;
  return {
    date: day.date,
    cid: `map.${day.key ?? day.date}${edition ? `.${edition}` : ''}@sitrep`,
    file: `${day.key ?? day.date}-map.png`,
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    frame,
    places,
    countries,
    families,
    alt,
    caption,
  };
}
