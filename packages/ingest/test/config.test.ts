import { describe, expect, it } from 'vitest';
import { loadIngestConfig } from '../src/config.ts';

describe('loadIngestConfig', () => {
  it.each([
    [{}, 200 * 1024],
    [{ SITREP_MAX_ARTICLE_KB: '' }, 200 * 1024],
    [{ SITREP_MAX_ARTICLE_KB: ' 50 ' }, 50 * 1024],
    [{ SITREP_MAX_ARTICLE_KB: '5120' }, 5120 * 1024],
  ])('reads %j as a limit of %i bytes', (env, maxArticleBytes) => {
    expect(loadIngestConfig(env)).toEqual({ maxArticleBytes });
  });

  it.each(['0', '-1', '1.5', 'lots', '5121'])(
    'rejects SITREP_MAX_ARTICLE_KB=%s with a ConfigError that says what to write',
    (value) => {
      expect(() => loadIngestConfig({ SITREP_MAX_ARTICLE_KB: value })).toThrow(
        expect.objectContaining({
          code: 'BAD_CONFIG',
          message: `SITREP_MAX_ARTICLE_KB: "${value}" is not a whole number of kilobytes from 1 to 5120; unset it for 200.`,
        }),
      );
    },
  );
});
