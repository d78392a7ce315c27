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
