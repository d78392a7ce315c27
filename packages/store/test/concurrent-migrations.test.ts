import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../src/db/connect.ts';
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

describe.skipIf(postgres.skip)('opening one new PostgreSQL schema from several processes at once', () => {
  it('creates it once and opens every connection (no race on the schema name)', async () => {
    const url =
      process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      for (let round = 0; round < 5; round++) {
        const schema = `sitrep_race_${process.pid}_${round}`;
        const opened = await Promise.allSettled(
          Array.from({ length: 8 }, () => connect({ engine: 'postgres', url, schema }, () => {})),
        );
        for (const o of opened) if (o.status === 'fulfilled') await o.value.destroy();
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        expect(opened.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(
          Array(8).fill('ok'),
        );
      }
    } finally {
      await admin.end();
    }
  }, 60_000);
});
