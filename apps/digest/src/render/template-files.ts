/** The template sources, read from disk once per process. */
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../templates/', import.meta.url);

export const MJML_SOURCE = readFileSync(new URL('digest.mjml.hbs', dir), 'utf8');
export const TEXT_SOURCE = readFileSync(new URL('digest.txt.hbs', dir), 'utf8');

/** `partials/stories.mjml.hbs` is registered as the partial `stories`. */
export const MJML_PARTIALS: Record<string, string> = Object.fromEntries(
  readdirSync(new URL('partials/', dir))
    .filter((f) => f.endsWith('.mjml.hbs'))
    .map((f) => [f.replace('.mjml.hbs', ''), readFileSync(new URL(`partials/${f}`, dir), 'utf8')]),
);
