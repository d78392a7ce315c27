// The five corpus seeds read by a person: their events as hand-built mentions, dated the way
// the texts date them (000 and 002 report Friday 9 December 2016; 003 and 004 the Aleppo strikes
// of 11-13 October 2016), so clustering is tested apart from what extraction manages to date.
import type { Claim } from '@sitrep/schema/claim';
import { describe, expect, it } from 'vitest';
import { clusterMentions } from '../src/cluster-mentions.ts';
import { type MentionSpec, mention, toyAncestors } from './make-mention.ts';

const reuters = { id: 'outlet:reuters', name: 'Reuters' };
const jabhaShamiya = (text: string): Partial<Claim> => ({
  kind: 'quote',
  speaker: {
    actor: null,
    text: 'a Turkish-based official',
    affiliation: { id: 'actor:jabha-shamiya', name: 'Jabha Shamiya' },
    title: null,
  },
  via: [reuters],
  verb: 'told',
  text,
});
const whiteHelmets = (who: string): Partial<Claim> => ({
  kind: 'reported',
  speaker: {
    actor: null,
    text: who,
    affiliation: { id: 'actor:white-helmets', name: 'White Helmets' },
    title: null,
  },
  text: 'at least 13 people were killed',
});
const said = (
  id: string,
  name: string,
  text: string,
  stance: 'assert' | 'deny' = 'assert',
): Partial<Claim> => ({
  kind: 'reported',
  speaker: { actor: { id, name }, text: name, affiliation: null, title: null },
  stance,
  text,
});

const seeds: Record<string, MentionSpec> = {
  fighting000: {
    article: '000',
    kind: 'armed_clash',
    outlet: null,
    claims: [
      jabhaShamiya('Helicopters, warplanes and rocket bombardment like every day. Nothing has changed'),
    ],
  },
  fighting002: {
    article: '002',
    kind: 'armed_clash',
    outlet: null,
    credits: [
      { agency: 'AP', role: 'reporting' },
      { agency: 'Reuters', role: 'reporting' },
    ],
    claims: [
      jabhaShamiya('Helicopters, warplanes, and rocket bombardment like every day. Nothing has changed.'),
    ],
  },
  vote001: { article: '001', kind: 'un_vote', place: null, outlet: 'Reuters' },
  vote002: { article: '002', kind: 'un_vote', place: null, outlet: null },
  missing001: {
    article: '001',
    kind: 'disappearance',
    place: 'eastern Aleppo',
    placeId: 'place:aleppo',
    outlet: 'Reuters',
    claims: [
      said('actor:ohchr', 'U.N. human rights office', 'hundreds of men from eastern Aleppo were missing'),
      said(
        'actor:syrian-government',
        'Syrian government',
        'reports of mass arrests, torture and extrajudicial killings as fabrications',
        'deny',
      ),
    ],
  },
  missing002: {
    article: '002',
    kind: 'disappearance',
    place: 'eastern Aleppo',
    placeId: 'place:aleppo',
    outlet: null,
    claims: [said('actor:ohchr', 'Rupert Colville', 'hundreds of men have gone missing')],
  },
  strikes003: {
    article: '003',
    on: '2016-10-13',
    published: '2016-10-13',
    place: 'al-Kalaseh',
    placePrecision: 'neighbourhood',
    killed: 13,
    outlet: 'TRT World',
    claims: [whiteHelmets('civil defense official Ibrahim Abu al-Laith')],
  },
  strikes004: {
    article: '004',
    on: '2016-10-13',
    published: '2016-10-13',
    killed: 13,
    killedQualifier: 'at_least',
    outlet: null,
    claims: [whiteHelmets('the White Helmets')],
  },
  toll003: {
    article: '003',
    kind: 'attack',
    on: ['2016-10-11', '2016-10-12'],
    published: '2016-10-13',
    killed: 71,
    outlet: 'TRT World',
  },
  shelling004: {
    article: '004',
    kind: 'shelling',
    on: '2016-10-12',
    published: '2016-10-13',
    killed: 8,
    perpetrators: ['actor:rebels'],
    outlet: null,
  },
};
const mentions = Object.fromEntries(Object.entries(seeds).map(([k, spec]) => [k, mention(spec)]));
const events = clusterMentions(Object.values(mentions), { ancestorsOf: toyAncestors });
const eventOf = (key: string) => events.find((e) => e.mentions.some((m) => m.eventId === mentions[key]?.id));

describe('the corpus seeds, read by hand', () => {
  it.each([
    ['fighting000', 'fighting002', true],
    ['vote001', 'vote002', true],
    ['missing001', 'missing002', true],
    ['strikes003', 'strikes004', true],
    ['toll003', 'shelling004', false],
    ['strikes003', 'toll003', false],
    ['fighting000', 'missing002', false],
  ])('%s and %s are one event: %s', (a, b, same) => {
    expect(eventOf(a)?.id === eventOf(b)?.id).toBe(same);
  });

  it('counts the Jabha Shamiya official quoted by two reports as one source, relayed by Reuters', () => {
    expect(eventOf('fighting000')?.corroboration).toEqual({
      outlets: 0,
      independentSources: 1,
      sources: [
        { name: 'Jabha Shamiya', role: 'primary' },
        { name: 'AP', role: 'agency' },
        { name: 'Reuters', role: 'agency' },
      ],
    });
  });

  it('counts the civil defence and the White Helmets as one source, with an agreed toll of 13', () => {
    const event = eventOf('strikes003');
    expect(event?.corroboration.independentSources).toBe(1);
    expect(event?.figures.killed).toMatchObject({ low: 13, best: 13, high: 13, disputed: false });
    expect(event?.location?.name).toBe('al-Kalaseh');
  });

  it('keeps the government denial beside the UN report of missing men, and marks the event disputed', () => {
    const event = eventOf('missing001');
    expect(event?.disputed).toBe(true);
    expect(event?.contradictions[0]?.denials.map((d) => d.speaker)).toEqual(['Syrian government']);
    expect(event?.contradictions[0]?.assertions.map((a) => a.speaker).sort()).toEqual([
      'Rupert Colville',
      'U.N. human rights office',
    ]);
  });
});
