import type { Claim } from '@sitrep/schema/claim';
import type { Event } from '@sitrep/schema/event';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { Insertable } from 'kysely';
import type {
  ArticlesTable,
  ClaimsTable,
  EventActorsTable,
  EventRecordsTable,
  EventsTable,
  SearchDocsTable,
} from '../db/tables.ts';
import { originKey } from '../origin-key.ts';

export interface ArticleRows {
  article: Insertable<ArticlesTable>;
  claims: Insertable<ClaimsTable>[];
  events: Insertable<EventsTable>[];
  eventRecords: Insertable<EventRecordsTable>[];
  eventActors: Insertable<EventActorsTable>[];
  searchDocs: Insertable<SearchDocsTable>[];
}

/** The outlet an article is filed under: the outlet's id, else its name as given. */
export function outletKey(record: ExtractedArticle): string | null {
  return record.outlet ? (record.outlet.id ?? record.outlet.name) : null;
}

export function severityOf(killed: number | null, injured: number | null): number {
  return (killed ?? 0) * 1e6 + Math.min(injured ?? 0, 999_999);
}

/** The Article alone: claims, events and mentions are stored in their own rows. */
function articleRecord(record: ExtractedArticle): string {
  const { claims: _c, events: _e, mentions: _m, ...article } = record;
  return JSON.stringify(article);
}

function eventRow(
  event: Event,
  ord: number,
  outlet: string | null,
  denied: Set<string>,
): Insertable<EventsTable> {
  const killed = event.casualties.killed?.best ?? null;
  const injured = event.casualties.injured?.best ?? null;
  return {
    id: event.id,
    article_id: event.articleId,
    ord,
    kind: event.kind,
    start_date: event.occurred.start,
    end_date: event.occurred.end,
    precision: event.occurred.precision,
    sort_date: event.occurred.start ?? '',
    tense: event.occurred.tense,
    place_id: event.location?.placeId ?? null,
    killed,
    injured,
    severity: severityOf(killed, injured),
    disputed: event.claimIds.some((id) => denied.has(id)) ? 1 : 0,
    outlet_id: outlet,
    cluster_id: null,
  };
}

function claimRow(claim: Claim, ord: number): Insertable<ClaimsTable> {
  return {
    id: claim.id,
    article_id: claim.articleId,
    ord,
    kind: claim.kind,
    stance: claim.stance,
    speaker_id: claim.speaker?.actor?.id ?? null,
    said_on: claim.saidOn,
    record: JSON.stringify(claim),
  };
}

/**
 * Parts joined once each: a quote's text is usually inside its sentence and an event's summary
 * is often its evidence sentence, and indexing the same words twice only grows the index.
 */
function body(parts: readonly (string | null | undefined)[]): string {
  const kept: string[] = [];
  const sorted = [...new Set(parts.filter((p): p is string => Boolean(p)))].sort(
    (a, b) => b.length - a.length,
  );
  for (const p of sorted) if (!kept.some((k) => k.includes(p))) kept.push(p);
  return kept.join('\n');
}

/** The words each record can be found by: what a reader would type to find it. */
function searchDocs(record: ExtractedArticle): Insertable<SearchDocsTable>[] {
  const docs: Insertable<SearchDocsTable>[] = [
    {
      doc_type: 'article',
      doc_id: record.id,
      article_id: record.id,
      body: [record.headline, record.standfirst, ...record.paragraphs.map((p) => p.text)]
        .filter(Boolean)
        .join('\n'),
    },
  ];
  for (const c of record.claims)
    docs.push({
      doc_type: 'claim',
      doc_id: c.id,
      article_id: record.id,
      body: body([c.speaker?.text, c.speaker?.actor?.name, c.text, c.sentence]),
    });
  for (const e of record.events)
    docs.push({
      doc_type: 'event',
      doc_id: e.id,
      article_id: record.id,
      body: body([
        e.summary,
        e.location?.name,
        ...e.participants.map((p) => p.actor.name),
        ...e.evidence.map((x) => x.sentence),
      ]),
    });
  return docs;
}

export function articleRows(record: ExtractedArticle): ArticleRows {
  const outlet = outletKey(record);
  const denied = new Set(record.claims.filter((c) => c.stance === 'deny').map((c) => c.id));
  const eventActors = new Map<string, Insertable<EventActorsTable>>();
  for (const e of record.events)
    for (const p of e.participants)
      if (p.actor.id) {
        const row = { event_id: e.id, actor_id: p.actor.id, role: p.role };
        eventActors.set(`${row.event_id}\u0000${row.actor_id}\u0000${row.role}`, row);
      }
  return {
    article: {
      id: record.id,
      origin_key: originKey(record),
      content_hash: record.contentHash,
      headline: record.headline,
      outlet_id: outlet,
      published_date: record.publishedAt.date,
      sort_date: record.publishedAt.date ?? '',
      record: articleRecord(record),
      extractor_version: record.extractorVersion,
    },
    claims: record.claims.map((c, i) => claimRow(c, i)),
    events: record.events.map((e, i) => eventRow(e, i, outlet, denied)),
    eventRecords: record.events.map((e) => ({ id: e.id, record: JSON.stringify(e) })),
    eventActors: [...eventActors.values()],
    searchDocs: searchDocs(record),
  };
}
