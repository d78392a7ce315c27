import type { CanonicalEvent, FigureRange } from '@sitrep/schema/canonical-event';
import type { Event } from '@sitrep/schema/event';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { CanonicalExportFacts, ExportFigureFact, ExportSideFact } from '../export-facts.ts';
import { chunkIds } from './chunks.ts';
import { insertRows } from './insert-rows.ts';

type ArticleFacts = { headline: string; published_date: string | null };

/**
 * Writes the export facts of canonical events (migration 0013) in the transaction that writes
 * the events: their member reports and articles are read here, once per write, so no export
 * reads them again.
 */
export async function insertExportFacts(
  trx: Transaction<Database> | Kysely<Database>,
  events: readonly CanonicalEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const members = new Map<string, Event>();
  for (const part of chunkIds([...new Set(events.flatMap((e) => e.mentions.map((m) => m.eventId)))])) {
    const rows = await trx
      .selectFrom('event_records')
      .select(['id', 'record'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) members.set(r.id, JSON.parse(r.record) as Event);
  }
  const articles = new Map<string, ArticleFacts>();
  for (const part of chunkIds([...new Set(events.flatMap((e) => e.mentions.map((m) => m.articleId)))])) {
    const rows = await trx
      .selectFrom('articles')
      .select(['id', 'headline', 'published_date'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) articles.set(r.id, r);
  }
  const rows = events.map((e) => ({
    id: e.id,
    sort_date: e.occurred.start ?? '',
    facts: JSON.stringify(exportFactsOf(e, members, articles)),
  }));
  await insertRows(trx as Kysely<Database>, 'canonical_export_facts', rows);
}

/** Deletes the export facts of canonical events by id. */
export async function deleteExportFacts(trx: Transaction<Database>, ids: readonly string[]): Promise<void> {
  for (const part of chunkIds(ids))
    await trx.deleteFrom('canonical_export_facts').where('id', 'in', part).execute();
}

/** The facts of one canonical event; members or articles the store lacks are left out, as an export always did. */
export function exportFactsOf(
  c: CanonicalEvent,
  stored: ReadonlyMap<string, Event>,
  articles: ReadonlyMap<string, ArticleFacts>,
): CanonicalExportFacts {
  const members = c.mentions.flatMap((m) => stored.get(m.eventId) ?? []);
  // The report that speaks for the event: one of its own kind, else the first.
  const lead = members.find((m) => m.kind === c.kind) ?? members[0];
  const killed = fromRange(c.figures.killed);
  const withBest = members.find((m) => killed && m.casualties.killed?.best === killed.best);
  return {
    id: c.id,
    kind: c.kind,
    family: c.family,
    start: c.occurred.start,
    end: c.occurred.end,
    precision: c.occurred.precision,
    location: c.location,
    perpetrators: sides(members, 'perpetrator'),
    targets: sides(members, 'target'),
    killed,
    injured: fromRange(c.figures.injured),
    civiliansKilled: withBest?.casualties.killed?.breakdown.civilians ?? null,
    summary: lead?.summary ?? null,
    sentence: lead?.evidence[0]?.sentence ?? '',
    sources: c.mentions.map((m) => {
      const article = articles.get(m.articleId);
      return {
        articleId: m.articleId,
        outletId: m.outlet,
        headline: article?.headline ?? null,
        publishedDate: article?.published_date ?? null,
      };
    }),
    originalSources: c.corroboration.sources.filter((s) => s.role === 'primary').map((s) => s.name),
    reports: c.mentions.length,
    independentSources: c.corroboration.independentSources,
    disputed: c.disputed,
    contradictions: c.contradictions.length,
    cohesion: c.cohesion,
  };
}

/** A role's sides across the reports, each counted once per report that names it (by id, else name). */
function sides(events: readonly Event[], role: 'perpetrator' | 'target'): ExportSideFact[] {
  const tally = new Map<string, ExportSideFact>();
  for (const e of events) {
    const seen = new Set<string>();
    for (const p of e.participants) {
      if (p.role !== role) continue;
      const actorId = p.actor.id ?? null;
      const key = actorId ?? p.actor.name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = tally.get(key) ?? { actorId, name: p.actor.name, reports: 0 };
      entry.reports++;
      tally.set(key, entry);
    }
  }
  return [...tally.values()];
}

function fromRange(range: FigureRange | null): ExportFigureFact | null {
  if (!range) return null;
  return {
    best: range.best,
    low: range.low,
    high: range.high,
    disputed: range.disputed,
    competing: range.disputed ? [...new Set(range.competing.map((r) => r.value))].sort((a, b) => a - b) : [],
  };
}
