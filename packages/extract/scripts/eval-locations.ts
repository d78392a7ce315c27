import type { ExtractedArticle } from '@sitrep/schema/extracted-article';

const key = (name: string) => name.toLowerCase().replace(/\bgovernorate\b|\bprovince\b|[^a-z]/g, '');

/** FA-KES labels twelve governorates; Rif Dimashq (Damascus countryside) is labelled "damascus". */
const LABEL_ALIASES: Record<string, string> = {
  rifdimashq: 'damascus',
  damascuscountryside: 'damascus',
  ruraldamascus: 'damascus',
};

export interface GovernorateMatcher {
  firstMentioned(article: ExtractedArticle): string[] | null;
  firstEvent(article: ExtractedArticle): string[] | null;
  matches(names: string[] | null, label: string | null): boolean;
}

/**
 * Governorate lookups through part B's gazetteer (package export "./gazetteer"), or null
 * when that module is not there yet, so the eval still reports everything else.
 */
export async function governorateMatcher(): Promise<GovernorateMatcher | null> {
  let gazetteer: { governorateOf(id: string): { name: string; aliases: string[] } | null };
  try {
    gazetteer = await import('@sitrep/extract/gazetteer');
  } catch {
    return null;
  }
  const namesOf = (placeId: string | null | undefined): string[] | null => {
    const g = placeId ? gazetteer.governorateOf(placeId) : null;
    return g ? [g.name, ...g.aliases].map((n) => LABEL_ALIASES[key(n)] ?? key(n)) : null;
  };
  return {
    firstMentioned: (a) => {
      for (const p of a.mentions.places) {
        const names = namesOf(p.id);
        if (names) return names;
      }
      return null;
    },
    firstEvent: (a) => {
      for (const e of a.events) {
        const names = namesOf(e.location?.placeId);
        if (names) return names;
      }
      return null;
    },
    matches: (names, label) =>
      names && label ? names.includes(LABEL_ALIASES[key(label)] ?? key(label)) : false,
  };
}
