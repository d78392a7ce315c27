import { z } from 'zod';

/** From the largest to the smallest: a neighbourhood is inside a city inside a governorate. */
export const PlaceKind = z.enum([
  'region',
  'country',
  'governorate',
  'district',
  'city',
  'town',
  'village',
  'neighbourhood',
  'landmark',
  'area',
]);
export type PlaceKind = z.infer<typeof PlaceKind>;

/** How precisely an event's location is known. */
export const LocationPrecision = z.enum([
  'exact',
  'neighbourhood',
  'city',
  'governorate',
  'country',
  'region',
  'unknown',
]);
export type LocationPrecision = z.infer<typeof LocationPrecision>;

/** ACLED's geo precision codes (UCDP's `where_prec` is derived from them and the place's kind). */
export const GeoPrecision = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type GeoPrecision = z.infer<typeof GeoPrecision>;

export const Place = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  kind: PlaceKind,
  parentId: z.string().min(1).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  /** ISO 3166-1 alpha-2 */
  country: z.string().length(2).nullable().default(null),
  // The world gazetteer's facts. Optional as well as nullable, so records written before them
  // (and curated places GeoNames does not hold) stay valid.
  /** GeoNames id, the stable id shared with ACLED, UCDP and most gazetteers; null for curated-only places */
  geonamesId: z.number().int().positive().nullable().optional(),
  /** first-level division (province, state, governorate, oblast) by name, where known */
  admin1: z.string().min(1).nullable().optional(),
  /** second-level division (district, county, raion), where known */
  admin2: z.string().min(1).nullable().optional(),
  population: z.number().int().nonnegative().nullable().optional(),
});
export type Place = z.infer<typeof Place>;
