import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStoreConfig, validateStoreConfig } from '../src/config.ts';

describe('loadStoreConfig', () => {
  it.each([
    [{}, { engine: 'sqlite', file: resolve('data/sitrep.db') }],
    [{ SITREP_DB: '/tmp/x.db' }, { engine: 'sqlite', file: '/tmp/x.db' }],
    [{ SITREP_DB: '  ' }, { engine: 'sqlite', file: resolve('data/sitrep.db') }],
    [
      { DATABASE_URL: 'postgres://u@h:5432/db', SITREP_DB: '/tmp/x.db' },
      { engine: 'postgres', url: 'postgres://u@h:5432/db' },
    ],
    [
      { DATABASE_URL: 'postgresql://h/db', SITREP_PG_SCHEMA: 'sitrep' },
      { engine: 'postgres', url: 'postgresql://h/db', schema: 'sitrep' },
    ],
  ])('reads %j', (env, expected) => {
    expect(loadStoreConfig(env)).toEqual(expected);
  });

  it.each([
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL: .*not a URL/],
    [{ DATABASE_URL: 'mysql://h/db' }, /only postgres:\/\//],
    [{ DATABASE_URL: 'postgres://h/db', SITREP_PG_SCHEMA: 'Robert"); drop' }, /SITREP_PG_SCHEMA/],
    [{ SITREP_DB: 'data/' }, /SITREP_DB: .*is a folder/],
  ])('rejects %j with a ConfigError that says what to do', (env, message) => {
    expect(() => loadStoreConfig(env)).toThrow(message);
    expect(() => loadStoreConfig(env)).toThrow(expect.objectContaining({ code: 'BAD_CONFIG' }));
  });

  it('refuses a PostgreSQL pool of one: clustering holds a connection for its lock and works on another', () => {
    const config = { engine: 'postgres' as const, url: 'postgres://h/db', poolSize: 1 };
    expect(() => validateStoreConfig(config)).toThrow(/poolSize: must be a whole number of at least 2/);
    expect(validateStoreConfig({ ...config, poolSize: 2 })).toEqual({ ...config, poolSize: 2 });
  });
});
