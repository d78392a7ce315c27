import { SitrepError } from '@sitrep/schema/errors';
import {
  type DatabaseIntrospector,
  type Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  sql,
} from 'kysely';
import { articleDates } from './article-dates-migration.ts';
import { canonicalEvents } from './canonical-migration.ts';
import { changeFeed } from './change-feed-migration.ts';
import { changeNotifications } from './change-notify-migration.ts';
import { clusteringState } from './clustering-migration.ts';
import { canonicalExportFacts } from './export-facts-migration.ts';
import { extractorVersion } from './extractor-version-migration.ts';
import { feeds } from './feeds-migration.ts';
import { placesGeo } from './places-geo-migration.ts';
import { subscribers } from './subscribers-migration.ts';
import type { Engine } from './tables.ts';

/**
 * Versioned migrations, defined in code so they ship with the package and run on every open
 * (only the missing ones). Never edit a released migration: add the next number.
 * Full text is the one place the engines differ: FTS5 on SQLite, tsvector + GIN on PostgreSQL.
 */
function migrations(engine: Engine): Record<string, Migration> {
  return {
    '0001-initial': { up: (db) => initial(db, engine) },
    '0002-canonical-events': { up: (db) => canonicalEvents(db) },
    '0003-clustering-state': { up: (db) => clusteringState(db) },
    '0004-article-dates': { up: (db) => articleDates(db) },
    '0005-change-notifications': { up: (db) => changeNotifications(db, engine) },
    '0006-extractor-version': { up: (db) => extractorVersion(db) },
    '0007-feeds': { up: (db) => feeds(db) },
    '0008-places-geo': { up: (db) => placesGeo(db) },
    '0011-subscribers': { up: (db) => subscribers(db) },
    '0012-change-feed': { up: (db) => changeFeed(db, engine) },
    '0013-canonical-export-facts': { up: (db) => canonicalExportFacts(db) },
  };
}

async function initial(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const autoId =
    engine === 'sqlite'
      ? sql`integer primary key autoincrement`
      : sql`bigint generated always as identity primary key`;
  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('origin_key', 'text', (c) => c.notNull().unique())
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('outlet_id', 'text')
    .addColumn('published_date', 'text')
    .addColumn('sort_date', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('articles_sort').on('articles').columns(['sort_date', 'id']).execute();
  await db.schema
    .createIndex('articles_outlet')
    .on('articles')
    .columns(['outlet_id', 'sort_date', 'id'])
    .execute();

  await db.schema
    .createTable('claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('speaker_id', 'text')
    .addColumn('said_on', 'text')
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('claims_article').on('claims').columns(['article_id', 'ord']).execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('precision', 'text', (c) => c.notNull())
    .addColumn('sort_date', 'text', (c) => c.notNull())
    .addColumn('tense', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text')
    .addColumn('killed', 'double precision')
    .addColumn('injured', 'double precision')
    .addColumn('severity', 'double precision', (c) => c.notNull())
    .addColumn('disputed', 'integer', (c) => c.notNull())
    .addColumn('outlet_id', 'text')
    .addColumn('cluster_id', 'text')
    .execute();
  await db.schema
    .createTable('event_records')
    .addColumn('id', 'text', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  // The orderings (keyset on (key, id)) and the most selective filters each get an index; each
  // index costs ingest time, so date ranges ride on events_date (sort_date is the start date)
  // and minimum-killed on events_severity (see eventWhere).
  const eventIndexes: [string, string[]][] = [
    ['events_date', ['sort_date', 'id']],
    ['events_severity', ['severity', 'id']],
    ['events_article', ['article_id', 'ord']],
    // The trailing columns make the common filter mixes (kind, place, date range) answerable
    // from the index alone, so COUNT(*) for totalCount never reads a table row.
    ['events_kind_date', ['kind', 'sort_date', 'id', 'end_date', 'place_id']],
    ['events_place_date', ['place_id', 'sort_date', 'id', 'end_date', 'kind', 'killed', 'injured']],
    ['events_outlet_date', ['outlet_id', 'sort_date', 'id']],
  ];
  for (const [name, columns] of eventIndexes)
    await db.schema.createIndex(name).on('events').columns(columns).execute();

  await db.schema
    .createTable('event_actors')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_actors_pk', ['event_id', 'actor_id', 'role'])
    .execute();
  await db.schema
    .createIndex('event_actors_actor')
    .on('event_actors')
    .columns(['actor_id', 'event_id'])
    .execute();

  for (const table of ['places', 'actors', 'outlets']) {
    let create = db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull());
    if (table === 'places') create = create.addColumn('parent_id', 'text');
    await create
      .addColumn('search_names', 'text', (c) => c.notNull())
      .addColumn('record', 'text', (c) => c.notNull())
      .execute();
  }
  await db.schema
    .createTable('place_ancestors')
    .addColumn('place_id', 'text', (c) => c.notNull())
    .addColumn('ancestor_id', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('place_ancestors_pk', ['ancestor_id', 'place_id'])
    .execute();

  await db.schema
    .createTable('search_docs')
    .addColumn('id', autoId)
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_docs_article').on('search_docs').columns(['article_id']).execute();
  await db.schema.createIndex('search_docs_doc').on('search_docs').columns(['doc_type', 'doc_id']).execute();
  if (engine === 'sqlite') await sqliteFullText(db);
  else await postgresFullText(db);

  await db.schema
    .createTable('send_log')
    .addColumn('id', autoId)
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('send_log_issue').on('send_log').columns(['issue_date', 'recipient']).execute();
}

/** An external-content FTS5 index over search_docs, kept in step by triggers. */
async function sqliteFullText(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE search_fts USING fts5(body, content='search_docs', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`.execute(
    db,
  );
  await sql`CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); END`.execute(db);
  await sql`CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body); END`.execute(db);
}

async function postgresFullText(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE search_docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, body)) STORED`.execute(
    db,
  );
  await sql`CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv)`.execute(db);
}

/**
 * `schema`: the PostgreSQL schema in use. Kysely looks for its bookkeeping tables across all
 * schemas, so they must be named with theirs or another schema's copy would be mistaken for ours.
 * Its introspection also reads every schema's tables and columns, and fails when another
 * process drops a schema meanwhile (concurrent test runs, a second deployment on one server):
 * the migrator is given a view of the database whose introspection lists this schema only.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  engine: Engine,
  schema?: string,
  /** stop after this migration (tests that build a store as an older Sitrep left it) */
  until?: string,
): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(engine) };
  const migrator = () =>
    new Migrator({
      db: schema ? scopedToSchema(db, schema) : db,
      provider,
      // Migration numbers are reserved per branch (0008–0011 were written side by side), so a
      // store that ran 0011 must still take 0008 when it arrives: run the missing ones whatever
      // their place in the order.
      allowUnorderedMigrations: true,
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
  const migrate = () => (until ? migrator().migrateTo(until) : migrator().migrateToLatest());
  const { error, results } = engine === 'sqlite' ? await lockedOnSqlite(db, migrate) : await migrate();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new SitrepError(
      'STORE_UNAVAILABLE',
      `database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}. Check the database is writable and not used by an older Sitrep.`,
      { cause: error },
    );
  }
}

/**
 * Kysely takes no lock to migrate SQLite (it counts on one connection), so two processes opening
 * a new database file at once both ran 0001 and one failed on "table articles already exists"
 * (two `sitrep ingest` started together). When a migration is pending, they run inside a
 * `BEGIN IMMEDIATE` transaction: the second process waits for the first (the busy timeout), then
 * finds nothing left to do. A database already up to date takes no lock.
 */
async function lockedOnSqlite<T extends { error?: unknown }>(
  db: Kysely<unknown>,
  migrate: () => Promise<T>,
): Promise<T> {
  const applied = await sql<{ n: number }>`SELECT count(*) AS n FROM kysely_migration`
    .execute(db)
    .then((r) => Number(r.rows[0]?.n ?? 0))
    .catch(() => 0);
  if (applied >= Object.keys(migrations('sqlite')).length) return migrate();
  await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    const result = await migrate();
    // a failed migration leaves nothing half-done behind (Kysely reports it rather than throwing)
    await sql`${sql.raw(result.error ? 'ROLLBACK' : 'COMMIT')}`.execute(db);
    return result;
  } catch (error) {
    await sql`ROLLBACK`.execute(db).catch(() => {});
    throw error;
  }
}

/**
 * `db` with an introspection that lists the tables of `schema` alone — all the migrator asks of
 * it is whether its own two tables exist there.
 */
function scopedToSchema(db: Kysely<unknown>, schema: string): Kysely<unknown> {
  const introspection: DatabaseIntrospector = {
    getSchemas: () => db.introspection.getSchemas(),
    getTables: async () => {
      const { rows } = await sql<{ name: string; type: string }>`
        SELECT table_name AS name, table_type AS type FROM information_schema.tables
        WHERE table_schema = ${schema}`.execute(db);
      return rows.map((r) => ({ name: r.name, schema, isView: r.type === 'VIEW', columns: [] }));
    },
    getMetadata: async () => ({ tables: await introspection.getTables() }),
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value = Reflect.get(target, property, target);
      // Kysely's methods use private fields: call them on the real instance, not the proxy
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
