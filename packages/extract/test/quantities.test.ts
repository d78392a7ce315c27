import { describe, expect, it } from 'vitest';
import { findQuantities } from '../src/numbers/find-quantities.ts';

type Row = [string, string[]];
const brief = (text: string) =>
  findQuantities(text).map(
    (q) =>
      `${q.measure}/${q.group}/${q.qualifier}/${q.value.best}${q.partOf !== null ? `<${q.partOf}` : ''}${q.cumulative ? '/cumulative' : ''}`,
  );

describe('findQuantities', () => {
  it.each<Row>([
    [
      'Four children were among eight people killed Wednesday in rebel shelling.',
      ['killed/children/exact/4<1', 'killed/people/exact/8'],
    ],
    [
      'Seven children were among 71 civilians killed in opposition-held areas.',
      ['killed/children/exact/7<1', 'killed/civilians/exact/71'],
    ],
    [
      '46 civilians were killed and 230 were left injured in east Aleppo on Thursday.',
      ['killed/civilians/exact/46', 'injured/civilians/exact/230'],
    ],
    [
      'at least 13 people were killed and more than 25 injured after airstrikes.',
      ['killed/people/at_least/13', 'injured/people/more_than/25'],
    ],
    [
      'There were 71 casualties on Tuesday and Wednesday, including seven children.',
      ['casualties/people/exact/71', 'casualties/children/exact/7<0'],
    ],
    [
      'The days-long deal crumbled after a strike on a Syrian army post killed dozens of troops.',
      ['killed/troops/vague/24'],
    ],
    [
      'Severe bombardment has killed at least 84 civilians including children, the monitor said.',
      ['killed/civilians/at_least/84'],
    ],
    [
      'Fighters ambushed a convoy near the border, killing at least 47 soldiers, two security sources said on Friday.',
      ['killed/soldiers/at_least/47'],
    ],
    [
      'Gunmen killed 12 villagers overnight, three local officials told reporters.',
      ['killed/people/exact/12'],
    ],
    ['Rebel fire on the city killed 1102 people said the Observatory.', ['killed/people/exact/1102']],
    [
      'Gunmen killed three dozen villagers and 2 dozen soldiers.',
      ['killed/people/exact/36', 'killed/soldiers/exact/24'],
    ],
    [
      'Shelling killed 5 people and three wounded told medics it came from the east.',
      ['killed/people/exact/5', 'injured/people/exact/3'],
    ],
  ])('types casualties and their structure: %s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it.each<Row>([
    [
      'as of Friday morning, nearly 8,000 civilians, including 3,000 children, fled from the city.',
      ['fled/civilians/nearly/8000', 'fled/children/exact/3000<0'],
    ],
    [
      'The U.N. human rights office said hundreds of men from eastern Aleppo were missing.',
      ['missing/men/vague/200'],
    ],
    [
      'Up to 300,000 people are still believed to be trapped in the besieged parts of the city.',
      ['trapped/people/up_to/300000'],
    ],
    [
      '"More than 200 are in critical situation, but I also heard the figure of 400 children that need to be evacuated," he said.',
      ['critical/people/more_than/200', 'awaiting_evacuation/children/exact/400'],
    ],
    [
      'Hundreds of people are awaiting medical evacuation from eastern Aleppo.',
      ['awaiting_evacuation/people/vague/200'],
    ],
    [
      'regime warplanes conducted at least 20 airstrikes on the rebel-held neighborhoods.',
      ['strikes/things/at_least/20'],
    ],
    [
      'The U.N. General Assembly voted 122 to 13 on Friday.',
      ['votes_for/things/exact/122', 'votes_against/things/exact/13'],
    ],
    ['Russia has vetoed six resolutions in the council.', ['vetoes/things/exact/6']],
    [
      'The group alleged that three barrels of chlorine gas was dropped on the city.',
      ['munitions/things/exact/3'],
    ],
    [
      'Syrian soldiers have reclaimed about 75 percent of the war-ravaged city.',
      ['percent_territory/things/about/75'],
    ],
    [
      'Dozens of displaced civilians, including children, had gathered in the road.',
      ['displaced/civilians/vague/24'],
    ],
    [
      'The United Nations estimates about 100,000 people are now squeezed into a pocket.',
      ['trapped/people/about/100000'],
    ],
    ['Officials said a quarter of a million people were trapped.', ['trapped/people/exact/250000']],
    ['Officials said a dozen people were killed.', ['killed/people/exact/12']],
  ])('types other figures as what they count: %s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it.each<Row>([
    ['the Syrian Armed Forces killed a confirmed 33 militants on Sunday.', ['killed/militants/exact/33']],
    [
      'US air strikes killed 50 Al-Qaeda militants and eight civilians on Tuesday.',
      ['killed/militants/exact/50', 'killed/civilians/exact/8'],
    ],
    ['Three citizens were martyred in the bombing.', ['killed/people/exact/3']],
    [
      'raids killed 16 civilians including at least one child and wounded 22, it said.',
      ['killed/civilians/exact/16', 'killed/children/at_least/1<0', 'injured/civilians/exact/22'],
    ],
    ['A photographer saw the bodies of four children.', ['killed/children/exact/4']],
    ['At least 85 Syrian army troops were killed.', ['killed/troops/at_least/85']],
    [
      'Those killed included six women five children and three police officers.',
      ['killed/women/exact/6', 'killed/children/exact/5', 'killed/people/exact/3'],
    ],
  ])('reads wire-service phrasing: %s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it.each<Row>([
    [
      'More than 320,000 people have been killed in Syria since the conflict began in March 2011.',
      ['killed/people/more_than/320000/cumulative'],
    ],
    [
      'the conflict has claimed the lives of over 470,000 people, injured 1.9 million others.',
      ['killed/people/more_than/470000/cumulative', 'injured/people/exact/1900000/cumulative'],
    ],
    // a sum over several days of attacks is no incident's toll
    [
      'The monitor said the shelling raised to 49 the number killed in the suburbs in two days of attacks.',
      ['killed/people/exact/49/cumulative'],
    ],
  ])('keeps running tolls apart: %s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('counts aircraft and vehicles as things, never as people given a fate told later', () => {
    expect(
      brief(
        'Two fighter jets dropped bombs on the village, hitting a school where displaced families were sheltering.',
      ),
    ).toEqual(['other/things/exact/2']);
    expect(brief('The sorties destroyed two armoured vehicles and killed 10 militants.')).toEqual([
      'other/things/exact/2',
      'killed/militants/exact/10',
    ]);
  });

  it('reads no count in a clock time or a ratio', () => {
    const qs = findQuantities(
      'At 6:30 a.m. warplanes struck the town and the attack killed more than 50 people, the council said 3:1.',
    );
    expect(qs.map((q) => [q.measure, q.value.best])).toEqual([['killed', 50]]);
  });

  it('does not take a week-long toll for the whole war', () => {
    expect(brief('Since the beginning of last week strikes have killed more than 70 people.')).toEqual([
      'killed/people/more_than/70',
    ]);
  });

  it('marks a war-long toll as cumulative', () => {
    expect(brief('a civil war that has killed more than 250,000 people.')).toEqual([
      'killed/people/more_than/250000/cumulative',
    ]);
  });

  it.each([
    'Maher Tashtash, aged nine, said the bombardment had been frightening.',
    'His brother Mohammed, 12, said they had hidden in a cellar.',
    'My son was born after three months of siege.',
    'the worst catastrophe since World War Two itself.',
    'The nonbinding resolution passed by the 193-member assembly.',
    'Rebels had controlled the area since 2012.',
    'a draft put to a vote on December 5 demanding a week-long cease-fire.',
    'civilians have died in the past 48 hours.',
    'This one will end the same way the other one did.',
    'Activists said that one of the airstrikes targeted the town.',
  ])('finds no count in: %s', (text) => {
    expect(findQuantities(text)).toEqual([]);
  });

  it.each([
    ['Between 20 and 30 people were killed in the strikes.', 'killed', 'people', 'Between 20 and 30 people'],
    ['20 to 30 people were killed on Tuesday.', 'killed', 'people', '20 to 30 people'],
    ['20-30 people were killed in Idlib.', 'killed', 'people', '20-30 people'],
    [
      'The UN said between twenty and thirty civilians were injured.',
      'injured',
      'civilians',
      'between twenty and thirty civilians',
    ],
    [
      'Coalition strikes have killed between 20 and 30 civilians overall.',
      'killed',
      'civilians',
      'between 20 and 30 civilians',
    ],
  ])('reads a range as one figure with both ends: %s', (text, measure, group, words) => {
    expect(findQuantities(text)).toEqual([
      expect.objectContaining({
        measure,
        group,
        qualifier: 'vague',
        value: { best: 20, low: 20, high: 30 },
        text: words,
        partOf: null,
      }),
    ]);
  });

  it.each<Row>([
    // a vote, not a range (the second number is the smaller)
    [
      'The Security Council voted 122 to 13.',
      ['votes_for/things/exact/122', 'votes_against/things/exact/13'],
    ],
    // years bound a period, not a count: the 5,000 is that period's total
    ['Fighting between 2011 and 2013 killed 5,000 people.', ['killed/people/exact/5000/cumulative']],
    // "three times" counts how often, not who: no toll
    [
      'Rights groups accused forces of dropping bombs containing nerve agents at least three times before an attack that killed dozens of people.',
      ['killed/people/vague/24'],
    ],
    // an age range describes the victims; the count is the eight
    ['Eight students between 7 and 12 years old were killed.', ['killed/people/exact/8']],
  ])('leaves what only looks like a range: %s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('reads a change of toll as the figures written, not a range', () => {
    expect(brief('The toll rose from 20 to 30 killed.')).toEqual(['killed/people/exact/30']);
  });

  it('keeps spans on the words the number was read from', () => {
    const text = 'Air strikes killed 13 people on Thursday.';
    const [q] = findQuantities(text);
    expect(text.slice(q?.start, q?.end)).toBe('13 people');
  });
});

describe('a place and a comma before a count', () => {
  it.each<Row>([
    ['In Kyiv, 33 people were killed, city officials said.', ['killed/people/exact/33']],
    ['In Kryvyi Rih, 10 civilians were wounded.', ['injured/civilians/exact/10']],
    ['The dead included Ahmed, 12, a pupil.', []],
  ])('reads %s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });
});

describe('a toll that rose, named far before its figure', () => {
  it.each<Row>([
    [
      'The death toll from an attack by Islamist militants on villages in the east of the country last week has risen to 80, an official said.',
      ['killed/people/exact/80'],
    ],
  ])('reads %s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });
});
