/**
 * The land and borders the map draws: Natural Earth's 1:50m countries, and 1:110m for a frame
 * wide enough that finer coasts would only add bytes (public domain), as the `world-atlas`
 * package ships them in TopoJSON, each read once per process. Features are keyed by
 * ISO 3166-1 numeric code; the API names countries by alpha-2, so `world-countries` (ODbL, the
 * data set @sitrep/graphql already reads) maps one to the other.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-countries/dist/countries.json' with { type: 'json' };

export type CountryFeature = Feature<Geometry, { name: string }>;

export interface AtlasCountry {
  feature: CountryFeature;
  /** ISO 3166-1 alpha-2 ('SY'); null for the few features without a code (northern Cyprus, Somaliland) */
  alpha2: string | null;
  /** [[west, south], [east, north]] in degrees, of the coordinates as given: a country across the antimeridian (Russia, Fiji) spans nearly 360° */
  bounds: [[number, number], [number, number]];
}

const alpha2Of = new Map(countries.map((c) => [c.ccn3, c.cca2.toUpperCase()]));

export type AtlasScale = '50m' | '110m';
const atlases = new Map<AtlasScale, AtlasCountry[]>();

/** The min and max of the coordinates: d3's spherical geoBounds takes a second for the whole atlas, this a few ms. */
function boundsOf(g: Geometry): AtlasCountry['bounds'] {
  const b: AtlasCountry['bounds'] = [
    [180, 90],
    [-180, -90],
  ];
  const visit = (c: unknown): void => {
    if (typeof (c as Position)[0] === 'number') {
      const [lon, lat] = c as Position;
      b[0][0] = Math.min(b[0][0], lon!);
      b[0][1] = Math.min(b[0][1], lat!);
      b[1][0] = Math.max(b[1][0], lon!);
      b[1][1] = Math.max(b[1][1], lat!);
    } else for (const x of c as unknown[]) visit(x);
  };
  if (g.type === 'GeometryCollection') for (const x of g.geometries) visit(boundsOf(x));
  else visit(g.coordinates);
  return b;
}

/** Every country of the atlas with its bounds, parsed on first use (0.75 MB of TopoJSON at 1:50m). */
export function atlasCountries(scale: AtlasScale = '50m'): AtlasCountry[] {
  const known = atlases.get(scale);
  if (known) return known;
  const path = createRequire(import.meta.url).resolve(`world-atlas/countries-${scale}.json`);
  const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const collection = feature(topology, topology.objects.countries);
  const atlas = collection.features.map((f) => ({
    feature: f as CountryFeature,
    alpha2: f.id === undefined ? null : (alpha2Of.get(String(f.id)) ?? null),
    bounds: boundsOf(f.geometry),
  }));
  atlases.set(scale, atlas);
  return atlas;
}

/** The atlas country for an ISO 3166-1 alpha-2 code ('SY'), or null when the atlas has none. */
export function atlasCountry(alpha2: string): AtlasCountry | null {
  const code = alpha2.toUpperCase();
  return atlasCountries().find((c) => c.alpha2 === code) ?? null;
}
