import { describe, expect, it } from 'vitest';
import { RecordCache } from '../src/record-cache.ts';

/** A loader over a fixed table that records which ids it was asked for. */
function table(rows: Record<string, string>) {
  const asked: string[][] = [];
  const load = async (ids: readonly string[]) => {
    asked.push([...ids]);
    return ids.map((id) => rows[id] ?? null);
  };
  return { asked, load };
}

describe('RecordCache', () => {
  it('asks the store only for ids it has not seen, and keeps answers in order', async () => {
    const cache = new RecordCache();
    const { asked, load } = table({ a: 'A', b: 'B', c: 'C' });
    expect(await cache.byIds('x', ['a', 'b'], load)).toEqual(['A', 'B']);
    expect(await cache.byIds('x', ['c', 'a', 'b'], load)).toEqual(['C', 'A', 'B']);
    expect(asked).toEqual([['a', 'b'], ['c']]);
  });

  it('does not remember unknown ids', async () => {
    const cache = new RecordCache();
    const rows: Record<string, string> = {};
    const { asked, load } = table(rows);
    expect(await cache.byIds('x', ['n'], load)).toEqual([null]);
    rows.n = 'N';
    expect(await cache.byIds('x', ['n'], load)).toEqual(['N']);
    expect(asked).toEqual([['n'], ['n']]);
  });

  it.each([
    ['the generation moves', { generation: () => generation }, () => (generation += 1)],
    ['the entry expires', { ttlMs: 5 }, () => new Promise((resolve) => setTimeout(resolve, 20))],
  ])('asks again when %s', async (_name, options, change) => {
    const cache = new RecordCache(options);
    const { asked, load } = table({ a: 'A' });
    await cache.byIds('x', ['a'], load);
    await change();
    await cache.byIds('x', ['a'], load);
    expect(asked).toEqual([['a'], ['a']]);
  });

  it('remembers an absence only when asked to (keepNull)', async () => {
    const cache = new RecordCache();
    const { asked, load } = table({});
    expect(await cache.byIds('date', ['n'], load, true)).toEqual([null]);
    expect(await cache.byIds('date', ['n'], load, true)).toEqual([null]);
    expect(asked).toEqual([['n']]);
  });

  it('answers peek synchronously from what byIds loaded, and forgets it when the generation moves', async () => {
    let gen = 0;
    const cache = new RecordCache({ generation: () => gen });
    expect(cache.peek('x', 'a')).toBeUndefined();
    await cache.byIds('x', ['a', 'n'], table({ a: 'A' }).load);
    await cache.byIds('date', ['n'], table({}).load, true);
    expect(cache.peek('x', 'a')).toBe('A');
    expect(cache.peek('x', 'n')).toBeUndefined(); // unknown, not remembered
    expect(cache.peek('date', 'n')).toBeNull(); // a remembered absence
    gen += 1;
    expect(cache.peek('x', 'a')).toBeUndefined();
  });

  it('holds at most `max` records per kind, dropping the least recently used', async () => {
    const cache = new RecordCache({ max: 2 });
    const { asked, load } = table({ a: 'A', b: 'B', c: 'C' });
    await cache.byIds('x', ['a', 'b'], load);
    await cache.byIds('x', ['a'], load); // a is now the most recently used
    await cache.byIds('x', ['c'], load); // b goes
    expect(cache.peek('x', 'a')).toBe('A');
    expect(cache.peek('x', 'b')).toBeUndefined();
    await cache.byIds('place', ['p'], table({ p: 'P' }).load); // another kind pushes out nothing
    expect(cache.peek('x', 'c')).toBe('C');
    expect(asked).toEqual([['a', 'b'], ['c']]);
  });

  it('keeps kinds apart', async () => {
    const cache = new RecordCache();
    await cache.byIds('place', ['a'], table({ a: 'place A' }).load);
    expect(await cache.byIds('actor', ['a'], table({ a: 'actor A' }).load)).toEqual(['actor A']);
  });
});

let generation = 0;
