import countries from 'world-countries/dist/countries.json' with { type: 'json' };
import regions from '../data/regions.json' with { type: 'json' };

/** What the exports say about a country: ISO codes, its English name and the two data sets' regions. */
export interface CountryFacts {
  /** ISO 3166-1 alpha-2 */
  iso2: string;
  /** ISO 3166-1 numeric, as ACLED's `iso` column holds it */
  isoNumeric: number | null;
  iso3: string;
  name: string;
  acledRegion: string | null;
  ucdpRegion: string | null;
}

type RegionPair = { acled: string | null; ucdp: string | null };

const bySubregion = regions.subregions as Record<string, RegionPair>;
const exceptions = regions.countries as Record<string, RegionPair>;

const facts = new Map<string, CountryFacts>(
  countries.map((c) => {
    const pair = exceptions[c.cca2] ?? bySubregion[c.subregion] ?? { acled: null, ucdp: null };
    return [
      c.cca2,
      {
        iso2: c.cca2,
        isoNumeric: c.ccn3 ? Number(c.ccn3) : null,
        iso3: c.cca3,
        name: c.name.common,
        acledRegion: pair.acled,
        ucdpRegion: pair.ucdp,
      },
    ];
  }),
);

/** The facts of an ISO 3166-1 alpha-2 code (any case); null for a code no country has. */
export function countryFacts(iso2: string | null | undefined): CountryFacts | null {
  if (!iso2) return null;
  return facts.get(iso2.toUpperCase()) ?? null;
}
