/**
 * The kind of an event as today's wire copy words it, read through the whole extraction. Each
 * case is a short report written for this test.
 */
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract-article.ts';
import { rawArticleFromText } from '../src/read/front-matter.ts';

function extract(...paragraphs: string[]): ExtractedArticle {
  const text = `---\npublishedAt: 2025-03-04\n---\nReport\n\n${paragraphs.join('\n\n')}\n`;
  return extractArticle(rawArticleFromText(text, { path: 'test.md' }).raw);
}

const kinds = (a: ExtractedArticle) => a.events.map((e) => e.kind);

describe('captures', () => {
  it.each([
    [
      'people caught in a fight',
      'Security forces killed five of the attackers and captured one, police said.',
    ],
    ['gunmen taken alive', 'Troops captured two gunmen after the raid on Tuesday.'],
    ['power taken in a coup', 'The general seized power in a coup on Tuesday.'],
    ['a war entered', 'Russian forces entered the conflict at the end of last year.'],
    ['weapons seized', 'A cache of rifles and grenade launchers was seized by the militia on Tuesday.'],
    [
      'vehicles seized',
      'Dozens of fighters were killed in the battle and several combat vehicles were seized.',
    ],
  ])('takes no ground when the words are of %s', (_why, body) => {
    expect(kinds(extract(body))).not.toContain('territorial_change');
  });

  it.each([
    ['a town', 'Rebels captured two towns in the east on Tuesday.'],
    ['a town taken by fighters', 'The town was captured by opposition fighters on Tuesday.'],
    ['a stronghold named by its holders', "The army captured the rebels' last stronghold on Tuesday."],
    ['a city forces entered', 'Rebel fighters entered the centre of the city on Monday.'],
  ])('still takes ground for %s', (_why, body) => {
    expect(kinds(extract(body))).toContain('territorial_change');
  });
});

describe('bare strikes', () => {
  it.each([
    [
      'drones named in the next sentence',
      [
        'Russian strikes on Kharkiv overnight killed five people, the governor said. Russia launched dozens of drones at the city.',
      ],
      'drone_strike',
    ],
    [
      'warplanes named in the next paragraph',
      [
        'Israeli strikes on the port of Hodeidah killed six people on Saturday.',
        'The military said its warplanes hit fuel depots.',
      ],
      'airstrike',
    ],
    [
      'missiles named in the sentence',
      ['Russia struck the city of Kryvyi Rih with missiles on Tuesday, wounding two people.'],
      'shelling',
    ],
    [
      'drones and missiles both named',
      [
        'Russian strikes on Kharkiv killed five people. Russia launched 92 drones and two ballistic missiles overnight.',
      ],
      'attack',
    ],
    [
      'no means named anywhere',
      ['An Israeli strike on a school in Gaza City killed at least 90 people on Saturday.'],
      'attack',
    ],
    [
      'a labour strike',
      [
        'Two protesters were killed during a general strike in Nairobi on Tuesday. Police helicopters circled the city.',
      ],
      'attack',
    ],
  ])('types a toll of bare strikes by the means named nearest: %s', (_why, paragraphs, kind) => {
    expect(kinds(extract(...paragraphs))[0]).toBe(kind);
  });
});

describe('waves launched at a target', () => {
  it.each([
    [
      'drones and missiles at a country',
      'Russia launched 92 drones and missiles at Ukraine overnight, the air force said.',
      'drone_strike',
      92,
    ],
    [
      'drones listed with missiles, all counted',
      'Russia launched 87 Shahed drones and two Iskander-M missiles at Ukraine overnight.',
      'drone_strike',
      89,
    ],
    [
      'rockets only',
      'Hezbollah fired 40 rockets into northern Israel on Monday, the army said.',
      'shelling',
      40,
    ],
    [
      'missiles, uncounted',
      'The Houthis launched missiles at Israel on Wednesday, the military said.',
      'shelling',
      null,
    ],
    [
      'a word for many, which is no count',
      'Israel fired dozens of rockets at Lebanon on Tuesday, the army said.',
      'shelling',
      null,
    ],
  ])('makes one event of %s, counted by what was launched', (_why, body, kind, count) => {
    const a = extract(body);
    expect(a.events.map((e) => [e.kind, e.count, e.casualties.killed])).toEqual([[kind, count, null]]);
  });

  it.each([
    ['a supply', 'Iran sent drones to Russia last year, Western officials said.'],
    ['a warning', 'The United States warned Russia against launching missiles at Ukraine.'],
    [
      'a campaign told as a total',
      'Ukraine has fired thousands of drones at Russia since the start of the war.',
    ],
    [
      'a campaign told in the perfect',
      'The Houthis have fired over 100 drones and missiles at ships in the Red Sea.',
    ],
    ['a product', 'The company launched a new line of drones at a trade fair in Abu Dhabi.'],
    [
      "a month's tally",
      'Zelenskiy urged allies to send more air defence, saying Russia had fired more than 1,800 drones at Ukraine this month alone.',
    ],
    ['a satellite', 'North Korea launched a satellite into orbit on Tuesday.'],
  ])('makes no event of %s', (_why, body) => {
    expect(kinds(extract(body))).toEqual([]);
  });
});

describe('one phrase, one incident', () => {
  it.each([
    [
      'a glide bomb attack',
      'A glide bomb attack on Kostiantynivka killed three people on Friday.',
      'airstrike',
    ],
    ['a guided bomb attack', 'A guided bomb attack on Kharkiv killed three people on Saturday.', 'airstrike'],
    ['an aerial bomb', 'An aerial bomb struck a market in Sloviansk on Friday, killing three.', 'airstrike'],
    [
      'a bomb dropped by a drone',
      'A bomb dropped by a drone killed three men in Kherson on Sunday.',
      'drone_strike',
    ],
    [
      'a device a drone dropped',
      'A drone dropped an explosive device on a car in Kherson on Friday, killing three men.',
      'drone_strike',
    ],
    [
      'a device dropped from a drone',
      'An explosive device dropped from a drone killed three women in Nikopol on Friday.',
      'drone_strike',
    ],
    [
      'bombs dropped from a helicopter',
      'Bombs dropped from a helicopter killed three people in the town.',
      'airstrike',
    ],
    [
      'drones that attacked',
      'Drones attacked a market in Sumy on Friday, killing three people.',
      'drone_strike',
    ],
    ['a mortar bomb attack', 'A mortar bomb attack killed three people in Gao on Friday.', 'shelling'],
    [
      'a missile strike explosion',
      'A missile strike explosion killed three people in Odesa on Friday.',
      'shelling',
    ],
  ])('makes one event of %s, of the kind its means names', (_why, body, kind) => {
    expect(extract(body).events.map((e) => [e.kind, e.casualties.killed?.best])).toEqual([[kind, 3]]);
  });

  it.each([
    [
      'means listed side by side',
      'Car bomb rocket fire kill 45 in Homs on Tuesday.',
      ['bombing', 'shelling'],
    ],
    [
      'a capture backed by strikes',
      'Pro-government fighters - backed by air strikes - retook two villages on Tuesday.',
      ['airstrike', 'territorial_change'],
    ],
  ])('keeps two events for %s', (_why, body, expected) => {
    expect(kinds(extract(body)).sort()).toEqual(expected);
  });
});

describe("an attack's means", () => {
  it.each([
    [
      'explosive-laden drones',
      'ELN guerrillas attacked a military base in Tibu with explosive-laden drones on Tuesday, killing three soldiers.',
      'drone_strike',
    ],
    [
      'mortars',
      'Militants attacked an army camp near Gao with mortars on Monday, killing three soldiers.',
      'shelling',
    ],
  ])('types an attack carried out with %s by its means, as one event', (_why, body, kind) => {
    expect(extract(body).events.map((e) => [e.kind, e.casualties.killed?.best])).toEqual([[kind, 3]]);
  });

  it('leaves an attack whose "with" names no means as it was', () => {
    const a = extract(
      'Gunmen attacked a village near Djibo with dozens of motorbikes on Monday, killing three people.',
    );
    expect(kinds(a)).toEqual(['attack']);
  });
});

describe('a war told, not a clash', () => {
  it.each([
    [
      'a side saying what it fights',
      'The military has denied targeting civilians and says it is fighting terrorists.',
    ],
    [
      'a war of years',
      "Al Shabaab has been fighting for more than 15 years to topple Somalia's central government.",
    ],
    [
      'two armed groups over a region',
      'The ELN and FARC dissidents have been fighting over control of the border region for years.',
    ],
  ])('makes no clash of %s', (_why, body) => {
    expect(kinds(extract(body))).toEqual([]);
  });

  it.each([
    ['a day named', 'Troops were fighting militants near Djibo on Tuesday, the army said.'],
    ['a toll', 'Rebels are fighting the army in the hills, and at least 12 soldiers have died.'],
    ['a battle under way', 'Iranian troops are fighting on two fronts in a new offensive in the mountains.'],
  ])('keeps a clash for fighting with %s', (_why, body) => {
    expect(kinds(extract(body))).toContain('armed_clash');
  });
});

describe('whose toll', () => {
  it.each([
    [
      'the attack its relative clause hangs on',
      'The military said its warplanes struck the port in response to a drone attack on Tel Aviv that killed one man on Friday.',
      [
        ['airstrike', null],
        ['drone_strike', 1],
      ],
    ],
    [
      'the killing, not the troops entering when it happened',
      'At least 48 people were killed in a village when regime troops entered it on Tuesday.',
      [
        ['attack', 48],
        ['territorial_change', null],
      ],
    ],
    [
      'the means, not the damage',
      'A hospital in the province was destroyed by airstrikes over the weekend that killed 13 people, the charity said.',
      [
        ['airstrike', 13],
        ['property_destruction', null],
      ],
    ],
  ])('gives a toll to %s', (_why, body, expected) => {
    const a = extract(body);
    const got = a.events.map((e) => [e.kind, e.casualties.killed?.best ?? null]);
    expect(got.sort()).toEqual(expected);
  });
});

describe('phone calls', () => {
  it.each([
    ['a resident interviewed', '"It was a massacre," a resident told AFP by phone.'],
    ['a monitor quoted', "Those executed were all civilians, the monitor's director said by telephone."],
    [
      'sources speaking to an agency',
      'Local sources said in a phone call with a state news agency reporter that shells hit the market.',
    ],
  ])('makes no call of %s', (_why, body) => {
    expect(kinds(extract(body))).not.toContain('phone_call');
  });

  it.each([
    ['two leaders', 'Putin and Erdogan spoke by phone on Tuesday about the ceasefire.'],
    ['a call with a leader', 'In a phone call with Biden on Monday, Netanyahu discussed the hostages.'],
  ])('keeps a call between %s', (_why, body) => {
    expect(kinds(extract(body))).toContain('phone_call');
  });
});

describe('sides', () => {
  it.each([
    [
      'a port',
      'Israeli strikes on the Houthi-held port of Hodeidah killed six people on Saturday.',
      'actor:ag:houthis',
    ],
    [
      'a city',
      'Ten Russian raids hit the Islamic State-held city overnight, killing 12 people.',
      'actor:ag:isis',
    ],
  ])('never makes the holder of a place struck the one striking: %s', (_why, body, holder) => {
    const roles = extract(body).events.flatMap((e) => e.participants.filter((p) => p.actor.id === holder));
    expect(roles.map((p) => p.role)).not.toContain('perpetrator');
  });
});

describe('assaults held off', () => {
  it.each([
    ['Ukrainian forces said they had repelled 43 Russian assaults near Pokrovsk in the past day.'],
    ['Government troops repulsed an attack by al-Shabaab fighters on a base near Baidoa on Sunday.'],
    ['The army said it had thwarted an attempt to storm the town of Djibo.'],
  ])('are an armed clash: %s', (body) => {
    expect(kinds(extract(body))).toContain('armed_clash');
  });

  it('is no clash when what is held off is no fighting', () => {
    expect(kinds(extract('The council repelled an attempt to change the constitution.'))).not.toContain(
      'armed_clash',
    );
  });
});

describe('people described as displaced', () => {
  it.each([
    ['Witnesses said the school, which housed hundreds of displaced families, was hit twice within minutes.'],
    ['Aid groups called for support for thousands of internally displaced people in the camps.'],
  ])('are no flight of their own: %s', (body) => {
    expect(kinds(extract(body))).not.toContain('displacement');
  });

  it.each([
    ['About 5,000 people fled the town on Monday after the shelling, the UN said.'],
    ['More than 3,000 families were displaced by the floods and the shelling this week.'],
  ])('while a flight told is one: %s', (body) => {
    expect(kinds(extract(body))).toContain('displacement');
  });
});
