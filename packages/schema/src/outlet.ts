import { z } from 'zod';

export const OutletKind = z.enum([
  'wire_agency',
  'broadcaster',
  'newspaper',
  'online',
  'state_media',
  'monitoring_group',
  'opposition_media',
  'unknown',
]);
export type OutletKind = z.infer<typeof OutletKind>;

/** A publisher or news agency. Wire agencies also appear as article credits. */
export const Outlet = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: OutletKind,
  /** ISO 3166-1 alpha-2 country of the publisher, or null when not known */
  country: z.string().length(2).nullable(),
  aliases: z.array(z.string().min(1)).default([]),
  url: z.url().nullable().default(null),
});
export type Outlet = z.infer<typeof Outlet>;
