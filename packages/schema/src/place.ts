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
});
export type Place = z.infer<typeof Place>;
