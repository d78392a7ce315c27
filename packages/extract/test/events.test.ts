import type { Article } from '@sitrep/schema/article';
import { Event } from '@sitrep/schema/event';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../src/analyse/analyse-document.ts';
import { plainSentences } from './plain-sentences.ts';

const article: Article = {
  id: 'art_0000000000000001',
  headline: 'Test',
  kicker: null,
  standfirst: null,
  byline: null,
  dateline: null,
  outlet: null,
  url: null,
  credits: [],
  publishedAt: {
    date: null,
    precision: 'unknown',
    basis: 'unknown',
    confidence: 0,
    reason: 'a test',
    evidence: null,
  },
  captions: [],
  paragraphs: [],
  language: 'en',
  wordCount: 0,
  contentHash: '0'.repeat(64),
  origin: {},
  hints: { publishedAt: null, location: null, label: null },
  extractorVersion: null,
};

function eventsOf(...paragraphs: string[][]) {
  const sentences = plainSentences(...paragraphs);
  const original = paragraphs.map((p) => p.join(' ')).join('\n\n');
  return analyseDocument({ article, original, sentences }).events;
}

const brief = (e: Event) => [e.kind, e.location?.placeId ?? null];

describe('events', () => {
  it.each([
    [
      'Four children were among eight people killed in rebel shelling on government-held parts of western Aleppo.',
      ['shelling', 'place:sy:aleppo:west'],
    ],
    [
      'Regime warplanes conducted at least 20 airstrikes on the rebel-held neighborhoods in eastern Aleppo.',
      ['airstrike', 'place:sy:aleppo:east'],
    ],
    ['There were intense clashes in Sheikh Saeed district.', ['armed_clash', 'place:sy:aleppo:sheikh-saeed']],
    [
      'Syrian government forces have recaptured around 75 percent of eastern Aleppo.',
      ['territorial_change', 'place:sy:aleppo:east'],
    ],
    [
      'The group alleged that three barrels of chlorine gas were dropped on Douma.',
      ['chemical_attack', 'place:sy:douma'],
    ],
    [
      'Lavrov and Kerry have had brief meetings on the sidelines of the conference in Hamburg.',
      ['diplomatic_meeting', 'place:de:hamburg'],
    ],
    ['Ayrault spoke with his Russian counterpart, Sergey Lavrov, by phone.', ['phone_call', null]],
    ['Putin had canceled a planned visit to France.', ['visit_cancelled', 'place:fr']],
    [
      'The United States decided to ease restrictions on providing arms to rebels in Syria.',
      ['arms_policy', null],
    ],
    ['A ceasefire in Syria brokered by the US and Russia collapsed.', ['ceasefire_collapsed', 'place:sy']],
    [
      'The government resumed fighting in Aleppo after a brief humanitarian pause.',
      ['armed_clash', 'place:sy:aleppo'],
    ],
    ['Hundreds of civilians were evacuated from al-Fuaa on Friday.', ['evacuation', 'place:sy:fuaa']],
    ['The evacuation of the four towns resumed after the bombing.', ['evacuation', null]],
    ['A car bomb killed at least 27 people in Sayyida Zeinab.', ['bombing', 'place:sy:sayyida-zeinab']],
  ])('types %s', (sentence, expected) => {
    const events = eventsOf([sentence]);
    expect(events.map(brief)).toContainEqual(expected);
    for (const e of events) expect(Event.safeParse(e).success).toBe(true);
  });

  it('counts a vote and a run of vetoes', () => {
    const [vote] = eventsOf(['The U.N. General Assembly voted 122 to 13 to demand a halt.']);
    expect(vote).toMatchObject({ kind: 'un_vote', vote: { yes: 122, no: 13, abstain: null } });
    // a council's vote in the words reports give it: "adopted by a vote of 13-0", "passed ... with 13 votes in favour"
    const [adopted] = eventsOf(['The resolution was adopted by a vote of 13-0 with two abstentions.']);
    expect(adopted).toMatchObject({ kind: 'un_vote', vote: { yes: 13, no: 0 } });
    for (const sentence of [
      'The Security Council voted on Friday to expand aid deliveries.',
      'The UN Security Council has passed a resolution on aid deliveries.',
      'The measure passed on Friday with 13 votes in favour and none against.',
    ])
      expect(eventsOf([sentence]).map((e) => e.kind)).toEqual(['un_vote']);
    const [veto] = eventsOf(['Russia has vetoed six resolutions in the council.']);
    expect(veto).toMatchObject({ kind: 'veto', count: 6 });
  });

  it('puts casualties with their breakdown on the violent event, never summed', () => {
    const [e] = eventsOf([
      'Four children were among eight people killed in rebel shelling on western Aleppo.',
    ]);
    expect(e?.casualties.killed).toMatchObject({
      best: 8,
      qualifier: 'exact',
      group: 'people',
      breakdown: { children: 4 },
    });
  });

  it('reads two figures of one event as killed and injured', () => {
    const [e] = eventsOf(['46 civilians were killed and 230 were left injured in east Aleppo.']);
    expect(e?.kind).toBe('attack');
    expect([e?.casualties.killed?.best, e?.casualties.injured?.best, e?.casualties.injured?.group]).toEqual([
      46,
      230,
      'civilians',
    ]);
  });

  it('does not make events of quoted words, wishes or war-long tolls', () => {
    expect(
      eventsOf(['"Helicopters, warplanes and rocket shelling like every day," a fighter told Reuters.']),
    ).toEqual([]);
    expect(
      eventsOf(['France put forward a resolution aimed at ending Syrian regime airstrikes on Aleppo.']),
    ).toEqual([]);
    expect(eventsOf(['Russia backs Assad in a civil war that has killed more than 250,000 people.'])).toEqual(
      [],
    );
    expect(
      eventsOf(['He said the chemical weapons plan could not have been put in place without Russia.']),
    ).toEqual([]);
  });

  it('leaves the date null with a reason when the sentence gives none', () => {
    const [e] = eventsOf(['There were intense clashes in Sheikh Saeed district.']);
    expect(e?.occurred).toMatchObject({ start: null, end: null, precision: 'unknown' });
    expect(e?.occurred.reason).toBeTruthy();
  });

  it('points evidence at the exact words in the original text', () => {
    const first = 'Nothing happened here.';
    const second = 'Air strikes killed 13 people in al-Kalaseh.';
    const [e] = eventsOf([first, second]);
    const original = `${first} ${second}`;
    const kind = e?.evidence.find((x) => x.field === 'kind');
    const killed = e?.evidence.find((x) => x.field === 'casualties.killed');
    expect(original.slice(kind?.span.start, kind?.span.end)).toBe('Air strikes');
    expect(original.slice(killed?.span.start, killed?.span.end)).toBe('13 people');
    expect(e?.location).toEqual({
      name: 'al-Kalaseh',
      placeId: 'place:sy:aleppo:al-kalaseh',
      precision: 'neighbourhood',
      geoPrecision: 1,
    });
  });

  it('dates a scheduled meeting and the statement announcing it, against the publication day', () => {
    const friday: Article = {
      ...article,
      publishedAt: {
        date: '2016-12-09',
        precision: 'day',
        basis: 'metadata',
        confidence: 1,
        reason: null,
        evidence: null,
      },
    };
    const text =
      'U.S. Secretary of State John Kerry said on Friday officials would meet in Geneva on Saturday.';
    const sentences = plainSentences([text]);
    const { claims, events } = analyseDocument({ article: friday, original: text, sentences });
    expect(claims[0]?.saidOn).toBe('2016-12-09');
    expect(events[0]).toMatchObject({
      kind: 'diplomatic_meeting',
      location: { placeId: 'place:ch:geneva' },
      occurred: { start: '2016-12-10', end: '2016-12-10', tense: 'scheduled' },
    });
  });

  it("does not read a group's de facto capital as the country's capital", () => {
    const [event] = eventsOf([
      "At least 15 people were killed in air strikes on the group's de facto Syrian capital on Sunday.",
    ]);
    expect(event?.location).toBeNull();
  });

  it('places "the town" at the article\'s first place said to be where, not one named as a side', () => {
    const events = eventsOf(
      ['Russia defended its Damascus ally at the council.'],
      ['Rescuers said 30 people died in the town after the strike.'],
      ['The strike hit Khan Sheikhoun in Idlib province.'],
    );
    expect(events.find((e) => e.casualties.killed?.best === 30)?.location?.placeId).toBe(
      'place:sy:khan-sheikhoun',
    );
  });

  it('takes the place the next sentence gives to an event its own sentence does not place', () => {
    const events = eventsOf([
      'At least 40 people were killed on Saturday in a car bomb attack on buses carrying evacuees.',
      'Most of the dead were waiting at a transit point in Rashidin west of Aleppo, a monitor said.',
    ]);
    expect(events.find((e) => e.kind === 'bombing')?.location?.placeId).toBe('place:sy:aleppo:rashidin');
    // a next sentence that reports an event of its own places only that one
    const two = eventsOf([
      'At least 40 people were killed on Saturday in a car bomb attack on buses carrying evacuees.',
      'Separately, shelling hit Douma.',
    ]);
    expect(two.find((e) => e.kind === 'bombing')?.location).toBeNull();
    // an undated line (a timeline's "thousands killed") is no incident to place
    const undated = eventsOf([
      'Thousands more civilians killed.',
      'Most of them lived in eastern Aleppo, a monitor said.',
    ]);
    expect(undated.find((e) => e.casualties.killed)?.location ?? null).toBeNull();
  });

  it('gives a toll to the incident it is told of, not to an earlier one told after it', () => {
    const events = eventsOf([
      'At least 19 people were killed near the capital on Tuesday, hours after a chemical attack left dozens dead in Douma.',
    ]);
    expect(events.find((e) => e.casualties.killed?.best === 19)?.kind).not.toBe('chemical_attack');
    expect(events.find((e) => e.kind === 'chemical_attack')?.casualties.killed).toBeNull();
    // "killed after air strikes targeted ...": the strikes are what killed them
    const [strike] = eventsOf([
      'At least 13 people were killed after air strikes targeted the east of the city.',
    ]);
    expect(strike).toMatchObject({ kind: 'airstrike', casualties: { killed: { best: 13 } } });
  });

  it("does not carry the last sentence's place into one about another country's forces", () => {
    const events = eventsOf([
      'In Iraq the group is fighting for survival against Iraqi forces in western Mosul.',
      'Syrian government forces dropped bombs elsewhere in the country before an attack that killed dozens of people.',
    ]);
    expect(events.find((e) => e.summary.startsWith('Syrian'))?.location?.placeId ?? 'none').not.toMatch(
      /^place:iq/,
    );
  });

  it('is deterministic', () => {
    const s = ['Air strikes killed 13 people in al-Kalaseh.'];
    expect(eventsOf(s)).toEqual(eventsOf(s));
  });

  it.each([
    [
      'Shelling in the northeastern town of Musraba has meanwhile killed another three people including a child according to the Observatory.',
      [],
    ],
    // the Observatory's head reports it; the regime's air strikes carry it out
    [
      'Rami Abdel Rahman, head of the Observatory, said regime air strikes killed 12 civilians in Douma.',
      ['actor:state:sy'],
    ],
    [
      'The Syrian Observatory for Human Rights said Islamic State fighters shelled Deir ez-Zor.',
      ['actor:ag:isis'],
    ],
  ])('never makes the source that reports violence one of its sides: %s', (sentence, ids) => {
    // FA-KES once gave the Observatory 259 perpetrator and 343 target roles, all as the source
    const [event] = eventsOf([sentence]);
    expect(event?.participants.map((p) => p.actor.id)).toEqual(ids);
  });

  it.each([
    ['Air strikes killed 13 people in Syria.', []],
    ['Air strikes across northern Syria killed 13 people.', []],
    ['Turkish jets struck Kurdish fighters inside Syria, killing 9.', ['actor:mil:tr-military']],
    ['Syria shelled rebel positions in Douma, killing five people.', ['actor:state:sy']],
    ['At least 45 people were killed in Syrian government air strikes on Douma.', ['actor:state:sy']],
  ])('takes a state named as a place for the place, not a side: %s', (sentence, ids) => {
    const [event] = eventsOf([sentence]);
    expect(event?.participants.map((p) => p.actor.id)).toEqual(ids);
  });

  const roles = (sentence: string) =>
    eventsOf([sentence])[0]?.participants.map((p) => [p.actor.id, p.role] as const);

  it.each([
    ['Air strikes by Russia killed 12 people in Idlib.', [['actor:state:ru', 'perpetrator']]],
    [
      'At least 39 people were killed in airstrikes launched by the Syrian regime and Russian warplanes in Idlib.',
      [
        ['actor:state:sy', 'perpetrator'],
        ['actor:mil:ru-military', 'perpetrator'],
      ],
    ],
    [
      'Three suicide bombers killed two people in Damascus in an attack claimed by the Islamic State group.',
      [['actor:ag:isis', 'perpetrator']],
    ],
  ])('takes the actor after "by" for the one acting: %s', (sentence, expected) => {
    // FA-KES had 93 target roles for an actor named right after "by"
    expect(roles(sentence)).toEqual(expected);
  });

  it.each([
    ['Russian air strikes killed 12 people in Idlib.', [['actor:mil:ru-military', 'perpetrator']]],
    [
      'Six people were killed in rebel shelling of government-held areas of Aleppo.',
      [['actor:ag:rebels', 'perpetrator']],
    ],
    [
      'Three regime airstrikes hit a market in Sarmin in Idlib province, killing 10 people.',
      [['actor:state:sy', 'perpetrator']],
    ],
    [
      'In Raqqa, coalition warplanes struck a bakery, killing 9 people.',
      [['actor:mil:us-military', 'perpetrator']],
    ],
  ])('names the side by its weapon: %s', (sentence, expected) => {
    // 133 FA-KES violent events gained a perpetrator this way (data/actors.json, weapons_and_forces)
    expect(roles(sentence)).toEqual(expected);
  });

  it.each([
    [
      'Rebels shelled the part of the district held by the Syrian army, killing 4 people.',
      [
        ['actor:ag:rebels', 'perpetrator'],
        ['actor:mil:sy-army', 'target'],
      ],
    ],
    [
      'Air strikes hit Ramussa, seized by rebels earlier this month, killing 7 people.',
      [['actor:ag:rebels', 'target']],
    ],
  ])('does not take "held by" or "seized by" for the one acting: %s', (sentence, expected) => {
    expect(roles(sentence)).toEqual(expected);
  });
});
