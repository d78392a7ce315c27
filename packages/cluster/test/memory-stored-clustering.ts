// A store's side of incremental clustering, held in Maps: what @sitrep/store keeps in tables
// (mention rows with their block ranges, canonical events with their members). It lets the
// cluster package prove `updateStoredClusters` against a full clustering without a database;
// the store's own tests run the same comparison on SQLite and PostgreSQL.

import type { BlockRange } from '../src/block-keys.ts';
import type { EventMention } from '../src/event-mention.ts';
import type { StoredClustering, StoredClusterUpdate } from '../src/update-stored-clusters.ts';

export class MemoryClustering implements StoredClustering {
  readonly mentions = new Map<string, { mention: EventMention; blocks: BlockRange[] }>();
  /** canonical id -> member ids */
  readonly clusters = new Map<string, string[]>();
  readonly clusterOf = new Map<string, string>();
  /** block lookups asked for and mentions handed out, to show the work stays local */
  reads = 0;

  /** block key -> ids filed under it */
  private readonly byKey = new Map<string, Set<string>>();

  async candidates(lookups: readonly BlockRange[]): Promise<string[]> {
    const out = new Set<string>();
    for (const l of lookups)
      for (const id of this.byKey.get(l.key) ?? [])
        for (const b of this.mentions.get(id)?.blocks ?? [])
          if (b.key === l.key && l.from <= b.to && b.from <= l.to) out.add(id);
    return [...out];
  }

  async clustersOf(ids: readonly string[]): Promise<{ mentions: EventMention[]; clusters: string[][] }> {
    const cids = new Set(ids.flatMap((id) => this.clusterOf.get(id) ?? []));
    const clusters = [...cids].map((c) => this.clusters.get(c) as string[]);
    const mentions = clusters.flat().map((id) => this.mentions.get(id)?.mention as EventMention);
    this.reads += mentions.length;
    return { mentions, clusters };
  }

  apply(update: StoredClusterUpdate): void {
    for (const id of update.remove) {
      for (const m of this.clusters.get(id) ?? []) if (this.clusterOf.get(m) === id) this.clusterOf.delete(m);
      this.clusters.delete(id);
    }
    for (const id of update.removeMentions) {
      for (const b of this.mentions.get(id)?.blocks ?? []) this.byKey.get(b.key)?.delete(id);
      this.mentions.delete(id);
    }
    for (const row of update.addMentions) {
      this.mentions.set(row.mention.id, row);
      for (const b of row.blocks)
        this.byKey.set(b.key, (this.byKey.get(b.key) ?? new Set()).add(row.mention.id));
    }
    for (const e of update.upsert) {
      const members = e.mentions.map((m) => m.eventId);
      this.clusters.set(e.id, members);
      for (const m of members) this.clusterOf.set(m, e.id);
    }
  }
}
