import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { engineCases } from './engines.ts';

// Other Sitrep stores on the same PostgreSQL server come and go while this one opens (parallel
// test runs, a second deployment): creating and dropping their schemas must never fail ours.
const cases = await engineCases();
const postgres = cases.find((c) => c.name === 'postgres')!;
afterAll(() => postgres.cleanup());

describe.skipIf(postgres.skip)('opening a PostgreSQL store while other schemas are dropped', () => {
  it('migrates every time, whatever the other schemas do', async () => {
    const url =
      process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const churn = new pg.Client({ connectionString: url });
    await churn.connect();
    const prefix = `sitrep_churn_${process.pid}_`;
    let stop = false;
    let rounds = 0;
    // a neighbour that keeps making and dropping schemas full of tables
    const neighbour = (async () => {
      while (!stop) {
        const name = `${prefix}${rounds++}`;
        await churn.query(`CREATE SCHEMA "${name}"`);
        for (let t = 0; t < 20; t++) await churn.query(`CREATE TABLE "${name}".t${t} (a int, b text, c int)`);
        await churn.query(
          `CREATE TABLE "${name}".kysely_migration (name varchar(255) primary key, timestamp varchar(255))`,
        );
        await churn.query(`DROP SCHEMA "${name}" CASCADE`);
      }
    })();
    const failures: string[] = [];
    try {
      for (let i = 0; i < 12; i++) {
        const store = await postgres.open().catch((error: unknown) => {
          failures.push(error instanceof Error ? error.message : String(error));
          return null;
        });
        await store?.close();
      }
    } finally {
      stop = true;
      await neighbour;
      await churn.end();
    }
    expect(rounds).toBeGreaterThan(1);
    expect(failures).toEqual([]);
  }, 120_000);
});
