import { resolve } from 'node:path';
import { ConfigError } from '@sitrep/schema/errors';

/** Where the data lives: an embedded SQLite file (default) or a PostgreSQL server. */
export type StoreConfig =
  | { engine: 'sqlite'; file: string }
  | {
      engine: 'postgres';
      url: string;
      /** a PostgreSQL schema to live in (created if missing); tests use one per run */
      schema?: string;
      poolSize?: number;
    };

export const DEFAULT_SQLITE_FILE = 'data/sitrep.db';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The store's configuration from the environment (as the root README documents): `DATABASE_URL` selects
 * PostgreSQL, otherwise `SITREP_DB` (default `data/sitrep.db`, relative to the current
 * directory) is the SQLite file. `SITREP_PG_SCHEMA` optionally names a PostgreSQL schema.
 * This is the only place in the package that reads `process.env`.
 */
export function loadStoreConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): StoreConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError('DATABASE_URL', `"${url}" is not a URL; use postgres://user@host:5432/db`);
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
      throw new ConfigError(
        'DATABASE_URL',
        `only postgres:// URLs are supported (got "${parsed.protocol}"); unset it to use SQLite (SITREP_DB)`,
      );
    const schema = env.SITREP_PG_SCHEMA?.trim();
    if (schema !== undefined && schema !== '' && !SCHEMA_NAME.test(schema))
      throw new ConfigError('SITREP_PG_SCHEMA', `"${schema}" is not a plain lower-case identifier`);
    return schema ? { engine: 'postgres', url, schema } : { engine: 'postgres', url };
  }
  const file = env.SITREP_DB?.trim() || DEFAULT_SQLITE_FILE;
  if (file.endsWith('/') || file.endsWith('\\'))
    throw new ConfigError('SITREP_DB', `"${file}" is a folder; give a file path such as data/sitrep.db`);
  return { engine: 'sqlite', file: file === ':memory:' ? file : resolve(file) };
}

/** Checks a config built in code (tests, other programs) the same way the environment is checked. */
export function validateStoreConfig(config: StoreConfig): StoreConfig {
  if (config.engine === 'postgres') {
    if (config.schema !== undefined && !SCHEMA_NAME.test(config.schema))
      throw new ConfigError('schema', `"${config.schema}" is not a plain lower-case identifier`);
    // Clustering holds one connection for its lock (db/clustering-lock.ts) and works on another.
    if (config.poolSize !== undefined && !(Number.isInteger(config.poolSize) && config.poolSize >= 2))
      throw new ConfigError('poolSize', 'must be a whole number of at least 2');
    return config;
  }
  if (!config.file) throw new ConfigError('SITREP_DB', 'the SQLite file path is empty');
  return config;
}
