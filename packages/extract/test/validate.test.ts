import { readFileSync } from 'node:fs';
import { InvalidRecordError } from '@sitrep/schema/errors';
import { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { formatIssues } from '@sitrep/schema/validate';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { extractArticle, validateExtracted } from '../src/extract-article.ts';
import { rawArticleFromText } from '../src/read/front-matter.ts';
import { CompiledExtractedArticle } from '../src/validate/validate-extracted.ts';
import { SEEDS } from './gold/gold-records.ts';

// biome-ignore lint/suspicious/noExplicitAny: records are mutated freely here to break them
type Loose = any;

const corpus = new URL('../../../corpus/', import.meta.url);
const seeds = SEEDS.map((seed) => {
  const text = readFileSync(new URL(`${seed}.txt`, corpus), 'utf8');
  return extractArticle(rawArticleFromText(text, { path: `corpus/${seed}.txt` }).raw);
});
/** A seed record to break (seed 004 has casualty figures with breakdowns and claims with quantities). */
const fresh = (k = 4): Loose => structuredClone(seeds[k]);
const json = (x: unknown) => JSON.stringify(x);

/** What zod's interpreter and the compiled schema make of a record: the output, or the problems. */
function verdicts(record: unknown) {
  const verdict = (result: z.ZodSafeParseResult<unknown>) =>
    result.success ? { output: json(result.data) } : { problems: formatIssues(result.error) };
  return {
    interpreted: verdict(ExtractedArticle.safeParse(record)),
    compiled: verdict(CompiledExtractedArticle.safeParse(record)),
  };
}

describe('ExtractedArticle compiled by zod', () => {
  // A part zod cannot compile would run on the interpreter: still right, but slower; say so here.
  it('compiles every part of the schema (nothing left to the interpreter)', () => {
    expect(() => z.compile(ExtractedArticle, { strict: true })).not.toThrow();
  });

  it('passes the seed records, and returns them byte for byte as they are', () => {
    for (const record of seeds) {
      const { interpreted, compiled } = verdicts(record);
      expect(compiled).toEqual({ output: json(record) });
      expect(interpreted).toEqual(compiled);
    }
  });

  const withCasualties = (r: Loose) => r.events.find((e: Loose) => e.casualties.killed?.breakdown.children);
  const withQuantity = (r: Loose) => r.claims.find((c: Loose) => c.quantities.length > 0);
  const broken: [string, (r: Loose) => void][] = [
    [
      'a claim of another article',
      (r) => {
        r.claims[0].articleId = 'art_ffffffffffffffff';
      },
    ],
    [
      'an event of another article',
      (r) => {
        r.events[0].articleId = 'art_ffffffffffffffff';
      },
    ],
    [
      'a span that ends before it starts',
      (r) => {
        r.claims[0].span = { start: 10, end: 5 };
      },
    ],
    [
      'an id off its pattern',
      (r) => {
        r.events[0].id = 'evt_123';
      },
    ],
    [
      'an unknown event kind',
      (r) => {
        r.events[0].kind = 'picnic';
      },
    ],
    [
      'an empty headline',
      (r) => {
        r.headline = '';
      },
    ],
    [
      'a null headline',
      (r) => {
        r.headline = null;
      },
    ],
    [
      'a missing field',
      (r) => {
        delete r.language;
      },
    ],
    [
      'a word count that is not whole',
      (r) => {
        r.wordCount = 1.5;
      },
    ],
    [
      'a word count that is not a number',
      (r) => {
        r.wordCount = Number.NaN;
      },
    ],
    [
      'a number written as a string',
      (r) => {
        r.claims[0].span.start = '3';
      },
    ],
    [
      'an event without evidence',
      (r) => {
        r.events[0].evidence = [];
      },
    ],
    [
      'a month 13',
      (r) => {
        r.events[0].occurred = { ...r.events[0].occurred, start: '2016-13-01' };
      },
    ],
    [
      'a date range that ends before it starts',
      (r) => {
        r.events[0].occurred = { ...r.events[0].occurred, start: '2016-01-02', end: '2016-01-01' };
      },
    ],
    [
      'a null publication date without a reason',
      (r) =>
        void Object.assign(r.publishedAt, {
          date: null,
          precision: 'unknown',
          basis: 'unknown',
          reason: null,
        }),
    ],
    [
      'a low above the best figure',
      (r) => {
        withQuantity(r).quantities[0].value.low = 1e9;
      },
    ],
    [
      'a breakdown above the total',
      (r) => {
        withCasualties(r).casualties.killed.breakdown.children = 1e9;
      },
    ],
    [
      'a confidence above 1',
      (r) => {
        r.publishedAt.confidence = 1.5;
      },
    ],
  ];

  it.each(broken)('rejects %s with the problems zod names, and validation throws', (_name, breakIt) => {
    const record = fresh();
    breakIt(record);
    const { interpreted, compiled } = verdicts(record);
    expect(compiled.problems?.length).toBeGreaterThan(0);
    expect(compiled).toEqual(interpreted);
    expect(() => validateExtracted(record, () => 'a broken test record')).toThrow(InvalidRecordError);
  });

  it('agrees with the interpreter while Object.prototype lends an enumerable key', () => {
    const record = fresh();
    let seen: ReturnType<typeof verdicts>;
    Object.defineProperty(Object.prototype, 'lent', {
      value: 1,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      seen = verdicts(record);
    } finally {
      delete (Object.prototype as Loose).lent;
    }
    expect(seen.compiled).toEqual(seen.interpreted);
  });

  it('fills defaults and drops unknown keys as zod does', () => {
    const record = fresh();
    delete record.hints;
    record.extra = 'not in the schema';
    record.claims[0] = { ...record.claims[0] };
    delete record.claims[0].quantities;
    const output = json(validateExtracted(record, () => 'a test record'));
    expect(output).toBe(json(ExtractedArticle.parse(record)));
    expect(output).not.toBe(json(record));
  });

  it('never passes a record the interpreter rejects, nor outputs it otherwise (2,000 random breakages)', () => {
    // a small seeded generator, so a failure can be replayed
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const values = [
      null,
      undefined,
      '',
      'x',
      -1,
      0,
      1.5,
      2 ** 60,
      Number.NaN,
      {},
      [],
      true,
      'evt_0',
      '2016-02-31',
    ];
    let rejected = 0;
    for (let round = 0; round < 2000; round++) {
      const record = fresh(random(seeds.length));
      // every object or array in the record, with each of its keys
      const slots: [Loose, string | number][] = [];
      const walk = (x: Loose) => {
        if (x === null || typeof x !== 'object') return;
        for (const k of Object.keys(x)) {
          slots.push([x, Array.isArray(x) ? Number(k) : k]);
          walk(x[k]);
        }
      };
      walk(record);
      const [parent, key] = slots[random(slots.length)] as [Loose, string | number];
      switch (random(4)) {
        case 0:
          parent[key] = values[random(values.length)];
          break;
        case 1:
          if (Array.isArray(parent)) parent.splice(key as number, 1);
          else delete parent[key];
          break;
        case 2: {
          // the same keys in another order
          const value = parent[key];
          delete parent[key];
          parent[key] = value;
          break;
        }
        default:
          if (!Array.isArray(parent)) parent.unknownKey = 1;
      }
      // a rejection is the interpreter's own (the compiled schema falls back to it to name the
      // problems); what must never happen is a pass, or another output, where it differs
      const compiled = CompiledExtractedArticle.safeParse(record);
      if (!compiled.success) rejected++;
      else expect(json(compiled.data)).toBe(json(ExtractedArticle.parse(record)));
    }
    // most breakages must be real ones, or the comparison proves little
    expect(rejected).toBeGreaterThan(1500);
  }, 120_000); // 2,000 parses by both schemas: a minute on a loaded 2-core CI machine
});
