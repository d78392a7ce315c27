/**
 * "No casualties" said after an incident is that incident's toll of none: killed 0 and injured 0
 * are figures a desk officer reads ("the drone attack hurt nobody"), not a blank. Each case is a
 * short report written for this test, read through the whole extraction.
 */
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract-article.ts';
import { rawArticleFromText } from '../src/read/front-matter.ts';

function extract(...paragraphs: string[]): ExtractedArticle {
  const text = `---\npublishedAt: 2025-03-04\n---\nReport\n\n${paragraphs.join('\n\n')}\n`;
  return extractArticle(rawArticleFromText(text, { path: 'test.md' }).raw);
}

const tolls = (a: ExtractedArticle) =>
  a.events.map((e) => [e.kind, e.casualties.killed?.best ?? null, e.casualties.injured?.best ?? null]);

describe('tolls of none', () => {
  it.each([
    [
      'a governor quoted in the next sentence',
      [
        'Ukrainian drones attacked the Belgorod region overnight, the Russian Defence Ministry said.',
        'Governor Vyacheslav Gladkov said there were no casualties.',
      ],
      [['drone_strike', 0, 0]],
    ],
    [
      "a notice's quoted words, the incident named between",
      [
        'A merchant ship was hit in a drone attack in the Arabian Sea on Saturday.',
        'The navy sent a warship and a patrol plane to the area. The coast guard also responded.',
        'The agency said the incident took place 200 nautical miles off the coast. "Fire extinguished, no casualties," it said.',
      ],
      [['drone_strike', 0, 0]],
    ],
    [
      'no injuries, the dead already counted',
      [
        'A car bomb exploded in the market on Monday, killing a policeman.',
        'There were no injuries, police said.',
      ],
      [['bombing', 1, 0]],
    ],
  ])('gives the incident a toll of none: %s', (_why, paragraphs, expected) => {
    expect(tolls(extract(...paragraphs))).toEqual(expected);
  });

  it.each([
    [
      "one side's none",
      [
        'The army said it repelled a rebel attack on the town on Tuesday, killing 30 fighters.',
        'There were no casualties among the troops, a spokesman said.',
      ],
      // an attack repelled is a fight between the two (ACLED's armed clash)
      [['armed_clash', 30, null]],
    ],
    [
      "a group's none",
      [
        'Mortar shells hit the area around the embassy on Wednesday, the ministry said.',
        '"None of the embassy staff were injured," it said.',
      ],
      [['shelling', null, null]],
    ],
    [
      'an incident told long before',
      [
        'A car bomb exploded in the market on Monday.',
        'The market reopened on Tuesday. Traders returned. Prices rose. Buses ran again.',
        'There were no casualties in the city last month, police said.',
      ],
      [['bombing', null, null]],
    ],
  ])('leaves the incident as it was for %s', (_why, paragraphs, expected) => {
    expect(tolls(extract(...paragraphs))).toEqual(expected);
  });
});

describe('tolls told again', () => {
  it.each([
    [
      'a part of the dead',
      [
        'Israeli forces killed five militants in a raid on the camp on Saturday, the military said.',
        'Islamic Jihad said three of the dead were members of its armed wing.',
      ],
      [['attack', 5, null]],
    ],
    [
      'those among the dead',
      [
        'A car bomb killed 14 people in the market on Monday.',
        'Five children and two women were among the dead, it said.',
      ],
      [['bombing', 14, null]],
    ],
    [
      'an update with its own day',
      [
        'A suicide bomber killed at least 26 people at the railway station on Saturday, officials said.',
        'Later on Saturday, the death toll rose to 32, a spokesman said.',
      ],
      [['bombing', 32, null]],
    ],
    [
      'some of the dead, after a line that told the attack again with no toll',
      [
        'Gang members attacked the town of Mirebalais overnight, killing at least 40 people, the UN said.',
        'The gang coalition stormed the police station and freed more than 500 inmates. Two police officers were among the dead.',
      ],
      [
        ['attack', 40, null],
        ['attack', null, null],
      ],
    ],
    [
      'the wounded, told by a group whose name holds the country',
      [
        'A drone strike on a market in El Obeid killed 24 people on Saturday, medics said.',
        'The Sudan Doctors Network said another 40 people were wounded, many of them women and children.',
      ],
      [['drone_strike', 24, 40]],
    ],
    [
      'a toll that names the incident again, told with none',
      [
        'M23 rebels seized the town of Masisi in North Kivu province on Saturday after clashes with the army, officials said.',
        'At least 11 civilians were killed by stray bullets and shells during the fighting, a civil society leader said.',
      ],
      [
        ['territorial_change', null, null],
        ['armed_clash', 11, null],
      ],
    ],
  ])('joins the incident: %s', (_why, paragraphs, expected) => {
    expect(tolls(extract(...paragraphs))).toEqual(expected);
  });

  it('keeps the wounded of an attack off the damage told after it', () => {
    const a = extract(
      'Gunmen opened fire on worshippers at a mosque in Kano on Friday, police said.',
      'Videos of the destroyed mosque have been circulating online.',
      'A police spokesman said four people had been injured in the attack.',
    );
    expect(a.events.filter((e) => e.kind === 'property_destruction' && e.casualties.injured)).toEqual([]);
  });

  it('keeps a toll of its own that names a part', () => {
    const a = extract(
      'A car bomb killed 14 people in the market on Monday.',
      'The monitor put the death toll at 20, saying six children were among the dead.',
    );
    const k = a.events.flatMap((e) => (e.casualties.killed ? [e.casualties.killed] : []));
    expect(k.flatMap((f) => [f.best, f.low, f.high])).toContain(20);
  });
});

describe('attackers killed in their own attack', () => {
  it.each([
    [
      'police said they killed two of them',
      [
        'Gunmen stormed a hotel in Mogadishu on Friday, killing 12 people. Police said they had killed two of the attackers.',
      ],
    ],
    [
      'all of them killed by security forces, a paragraph later',
      [
        'Gunmen stormed a hotel in Mogadishu on Friday, killing 12 people.',
        'All five attackers were killed by security forces.',
      ],
    ],
    [
      'both told',
      [
        'Gunmen stormed a hotel in Mogadishu on Friday, killing 12 people. Police said they had killed two of the attackers.',
        'All five attackers were killed by security forces.',
      ],
    ],
    [
      'the word the attack gave them',
      [
        'Gunmen attacked a police station in Kano on Sunday, killing 12 officers. Two gunmen died in the exchange of fire, police said.',
      ],
    ],
  ])('are part of the attack, not another event, and leave its toll as told: %s', (_why, paragraphs) => {
    expect(tolls(extract(...paragraphs))).toEqual([['attack', 12, null]]);
  });

  it('reads the attackers told of again, with no toll or day of their own, as how the attack went', () => {
    const a = extract(
      "Suspected jihadists killed 21 civilians in an attack on a village in central Mali's Mopti region on Sunday, officials said.",
      'The gunmen arrived on motorbikes and opened fire on villagers gathered for a wedding, a local official said. Three of the assailants were killed by local hunters, he said.',
    );
    expect(tolls(a)).toEqual([['attack', 21, null]]);
  });

  it("leaves a suicide bombing with its victims' toll when the bomber is said to have died", () => {
    const a = extract(
      'A suicide bomber blew himself up at a market in Maiduguri on Saturday, killing nine people. The bomber was also killed.',
    );
    expect(tolls(a)).toEqual([['bombing', 9, null]]);
  });

  it.each([
    [
      'on its own',
      ['Security forces killed five militants in a raid in Tillaberi region on Friday, the army said.'],
      5,
    ],
    [
      'in a raid after an attack',
      [
        'Militants attacked a village near Djibo on Monday, killing 20 people.',
        'Security forces killed five militants in a raid, the army said.',
      ],
      5,
    ],
    [
      'in another place and on another day',
      [
        'Militants attacked a village near Djibo on Monday, killing 20 people.',
        'On Wednesday, the army said it had killed the four militants in Arbinda.',
      ],
      4,
    ],
  ])('keeps militants killed by security forces as an event of its own: %s', (_why, paragraphs, dead) => {
    expect(tolls(extract(...paragraphs))).toContainEqual(['attack', dead, null]);
  });
});
