import type { SitrepStore } from '@sitrep/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSyntheticStore } from './synthetic-store.ts';
import { API_KEY, post, testYoga } from './test-yoga.ts';

// ingestArticle clusters what it stores before answering: the reports already stored and the
// new one are one canonical event in the mutation's own answer, with corroboration and the
// dispute between their figures, and the disputed filters find it.

const REPORTS = [
  {
    text: 'Air strikes kill 12 civilians in Aleppo\n\nAir strikes on the town of al-Bab in Aleppo province killed 12 civilians on Monday, the Syrian Observatory for Human Rights said.',
    outlet: 'Reuters',
    url: 'https://example.org/reuters/al-bab',
    publishedAt: '2016-07-19',
  },
  {
    text: 'Dozens dead in al-Bab raids\n\nWarplanes struck al-Bab in Aleppo province on Monday, killing 25 people, the local council said.',
    outlet: 'Al Jazeera',
    url: 'https://example.org/aljazeera/al-bab',
    publishedAt: '2016-07-19',
  },
];

const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
  __typename
  ... on IngestArticlePayload { status events {
    slug disputed mentions { slug article { outletName } }
    corroboration { outlets independentSources sources { name role } }
    canonical { slug disputed mentions { slug }
      figures { killed { low best high disputed competing { value reportedBy article { slug } } } } }
  } }
  ... on Error { code message } } }`;

interface Answer {
  data: {
    ingestArticle: {
      status: string;
      events: {
        slug: string;
        disputed: boolean;
        mentions: { slug: string; article: { outletName: string | null } }[];
        corroboration: {
          outlets: number;
          independentSources: number;
          sources: { name: string; role: string }[];
        } | null;
        canonical: {
          slug: string;
          disputed: boolean;
          mentions: { slug: string }[];
          figures: {
            killed: {
              low: number;
              best: number;
              high: number;
              disputed: boolean;
              competing: { value: number; reportedBy: string; article: { slug: string } }[];
            } | null;
          };
        } | null;
      }[];
    };
  };
}

let store: SitrepStore;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ store, close } = await openSyntheticStore(4));
});
afterAll(() => close());

describe('ingestArticle clusters the new article', () => {
  it('answers with the canonical event, its corroboration and its disputed figures', async () => {
    const yoga = await testYoga(store);
    const ingest = async (input: (typeof REPORTS)[number]) => {
      const res = await yoga.fetch(...post(INGEST, { input }, { 'x-api-key': API_KEY }));
      expect(res.status).toBe(200);
      return ((await res.json()) as Answer).data.ingestArticle;
    };
    const first = await ingest(REPORTS[0]!);
    expect(first.status).toBe('NEW');
    const alone = first.events.find((e) => e.canonical?.figures.killed?.best === 12);
    expect(alone?.canonical?.mentions).toHaveLength(1);
    expect(alone?.disputed).toBe(false);

    const second = await ingest(REPORTS[1]!);
    expect(second.status).toBe('NEW');
    const strike = second.events.find((e) => e.canonical?.mentions.length === 2);
    expect(strike).toBeDefined();
    const canonical = strike!.canonical!;
    expect(canonical.mentions.map((m) => m.slug)).toContain(alone!.slug);
    expect(strike!.mentions.map((m) => m.article.outletName).sort()).toEqual(['Al Jazeera', 'Reuters']);
    expect(alone!.mentions.map((m) => m.slug)).toEqual([alone!.slug]);
    expect(strike!.corroboration).toMatchObject({ outlets: 2, independentSources: 2 });
    expect(strike!.corroboration!.sources).toEqual([
      { name: 'Syrian Observatory for Human Rights', role: 'PRIMARY' },
      { name: 'the local council', role: 'PRIMARY' },
      { name: 'Al Jazeera', role: 'OUTLET' },
      { name: 'Reuters', role: 'OUTLET' },
    ]);

    // 12 and 25 on the same day: beyond the tolerance, each figure with who gave it.
    expect(canonical.disputed).toBe(true);
    expect(strike!.disputed).toBe(true);
    expect(canonical.figures.killed).toMatchObject({ low: 12, high: 25, disputed: true });
    expect(canonical.figures.killed!.competing.map((c) => [c.value, c.reportedBy])).toEqual([
      [12, expect.stringMatching(/Observatory/)],
      [25, expect.stringMatching(/council/i)],
    ]);

    const filtered = await yoga.fetch(
      ...post(`{
        events(first: 50, filter: { disputedOnly: true }) { edges { node { slug } } }
        canonicalEvents(first: 50, filter: { disputed: true }) { edges { node { slug } } }
      }`),
    );
    const body = (await filtered.json()) as {
      data: {
        events: { edges: { node: { slug: string } }[] };
        canonicalEvents: { edges: { node: { slug: string } }[] };
      };
    };
    expect(body.data.canonicalEvents.edges.map((e) => e.node.slug)).toContain(canonical.slug);
    const disputedEvents = body.data.events.edges.map((e) => e.node.slug);
    for (const m of canonical.mentions) expect(disputedEvents).toContain(m.slug);
  }, 60_000);
});
