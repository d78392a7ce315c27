/**
 * Hard actors and figures from reports of today's wars, as behaviours. Each case is a short
 * sentence written for this test, read through the whole extraction (front matter → record).
 */
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { describe, expect, it } from 'vitest';
import { findActors } from '../src/entities/actors.ts';
import { extractArticle } from '../src/extract-article.ts';
import { findQuantities } from '../src/numbers/find-quantities.ts';
import { rawArticleFromText } from '../src/read/front-matter.ts';

function extract(body: string, headline = 'Report'): ExtractedArticle {
  const text = `---\npublishedAt: 2025-03-04\n---\n${headline}\n\n${body}\n`;
  return extractArticle(rawArticleFromText(text, { path: 'test.md' }).raw);
}

const killed = (a: ExtractedArticle) =>
  a.events.flatMap((e) => (e.casualties.killed ? [e.casualties.killed] : []));
const injured = (a: ExtractedArticle) =>
  a.events.flatMap((e) => (e.casualties.injured ? [e.casualties.injured] : []));
const roles = (a: ExtractedArticle) =>
  a.events.flatMap((e) => e.participants.map((p) => `${p.actor.id}:${p.role}`));

describe('actors', () => {
  it.each([
    ['Russian forces', 'actor:mil:ru-military'],
    ['the Israeli military', 'actor:mil:il-military'],
    ['the Sudanese army', 'actor:mil:sd-military'],
    ['Ukrainian drones', 'actor:mil:ua-military'],
    ["Chad's army", 'actor:mil:td-military'],
    ['Malian soldiers', 'actor:mil:ml-military'],
    ['Nigerien troops', 'actor:mil:ne-military'],
    ['Nigerian troops', 'actor:mil:ng-military'],
    ['the Ethiopian government', 'actor:state:et'],
    ['the Congolese army', 'actor:mil:cd-military'],
    ['the RSF', 'actor:ag:rsf'],
    ['Rapid Support Forces', 'actor:ag:rsf'],
    ['SAF', 'actor:mil:sd-military'],
    ['Ansar Allah', 'actor:ag:houthis'],
    ['the Qassam Brigades', 'actor:ag:hamas'],
    ['ISWAP', 'actor:ag:iswap'],
    ['JNIM', 'actor:ag:jnim'],
    ['IS-K', 'actor:ag:is-k'],
    ['the Pakistani Taliban', 'actor:ag:ttp'],
    ['M23 rebels', 'actor:ag:m23'],
    ['ELN guerrillas', 'actor:ag:eln'],
    ['FARC dissidents', 'actor:ag:farc-dissidents'],
    ['the SPLM-N', 'actor:ag:splm-n'],
    ['Africa Corps', 'actor:ag:wagner'],
    ['the Arakan Army', 'actor:ag:arakan-army'],
    ["People's Defence Forces", 'actor:ag:pdf'],
    ['the Tatmadaw', 'actor:mil:mm-military'],
    ['Fano militia', 'actor:ag:fano'],
    ['the Viv Ansanm coalition', 'actor:ag:viv-ansanm'],
  ])('names %s as %s', (phrase, id) => {
    expect(findActors(`Yesterday ${phrase} moved.`).map((m) => m.id)).toEqual([id]);
  });

  it.each([
    ['a demonym shared by two states', 'Congolese officials met.'],
    ['a demonym for people, not forces', 'Palestinian children and Ukrainian refugees.'],
  ])('names no side for %s', (_why, text) => {
    expect(findActors(text)).toEqual([]);
  });

  it.each([
    [
      'a UN body that reports the attack',
      'An RSF drone strike hit the dam on Tuesday, the United Nations said.',
      ['actor:ag:rsf:perpetrator'],
    ],
    [
      'a source after "according to"',
      'Russian forces shelled the village, according to Ukraine’s Air Force.',
      ['actor:mil:ru-military:perpetrator'],
    ],
    [
      'a news agency',
      'Reuters reported that ELN guerrillas set off a car bomb outside a police station.',
      ['actor:ag:eln:perpetrator'],
    ],
    [
      'a backer of the side',
      'Iranian-backed Houthi rebels fired missiles at a ship.',
      ['actor:ag:houthis:perpetrator'],
    ],
    [
      'a UN school that is hit',
      'Israeli air strikes hit a UN school, killing 15 people.',
      ['actor:mil:il-military:perpetrator', 'actor:igo:un:target'],
    ],
    [
      '"the government" in a report from another war than Syria',
      'The government said the attack by ELN guerrillas killed two soldiers.',
      ['actor:ag:eln:perpetrator'],
    ],
    [
      "a wire dateline's country",
      'KYIV, Ukraine (AP) — Russian glide bombs struck a residential area of Kharkiv on Saturday, killing three people.',
      ['actor:mil:ru-military:perpetrator'],
    ],
    [
      "a place's country after a comma",
      'Shelling hit a market in Goma, Congo, on Monday, killing four people.',
      [],
    ],
    [
      'a country at a border',
      'JNIM fighters ambushed an army convoy near the border with Algeria, killing 47 soldiers.',
      ['actor:ag:jnim:perpetrator'],
    ],
    [
      "a state named as another side's country",
      "U.S. air strikes on a prison run by Yemen's Houthi rebels killed 68 people.",
      ['actor:mil:us-military:perpetrator', 'actor:ag:houthis:target'],
    ],
    [
      'an agent after an adjective',
      'A drone strike by the paramilitary Rapid Support Forces killed 12 civilians at a market.',
      ['actor:ag:rsf:perpetrator'],
    ],
    [
      'the sides of a clash in the order named',
      'Fighting between ELN guerrillas and FARC dissidents killed 80 people on Thursday.',
      ['actor:ag:eln:perpetrator', 'actor:ag:farc-dissidents:target'],
    ],
    [
      "a rescue service outside Syria, and its officials' word",
      'A strike on a tent camp in Khan Younis killed 14 people, civil defence officials said.',
      [],
    ],
    [
      'a parent organisation before "-linked"',
      'Fighters from the al Qaeda-linked JNIM group ambushed an army convoy, killing 47 soldiers.',
      ['actor:ag:jnim:perpetrator'],
    ],
  ])('keeps the roles right with %s', (_why, body, expected) => {
    expect(roles(extract(body))).toEqual(expected);
  });
});

describe('figures', () => {
  it.each([
    ['a war total since a year', 'More than 10,000 people have been killed since 2015.', 'since 2015'],
    [
      'a total so far this year',
      'So far this year, 300 civilians have died in the fighting.',
      'So far this year',
    ],
    [
      'a day total across the country',
      'At least 40 people were killed across the country on Tuesday.',
      'across the country',
    ],
    [
      "a day's toll of many strikes",
      'Strikes on the south and the eastern valley killed 492 people on Monday, the deadliest day of violence in the country in decades.',
      'deadliest day',
    ],
    [
      'the deadliest month',
      'With 1,200 people killed, May was the deadliest month of the war.',
      'deadliest month',
    ],
    ['a campaign total', 'The ministry has documented 20,000 deaths in the offensive.', 'in the offensive'],
    [
      'a period between two dates',
      'As many as 30,000 people were killed between 2016 and 2019.',
      'between 2016 and 2019',
    ],
    [
      'a total since an offensive began',
      'A total of 37 soldiers and 101 militants have been killed since the army launched its offensive.',
      'since the army launched its offensive',
    ],
  ])('keeps %s off every event, with its period', (_why, body, period) => {
    const a = extract(body);
    expect(killed(a)).toEqual([]);
    const totals = a.claims.flatMap((c) => c.quantities).filter((q) => q.cumulative);
    expect(totals.length).toBeGreaterThan(0);
    for (const q of totals) expect(q.period?.text).toBe(period);
  });

  it('gives a total its dates where they resolve', () => {
    const q = extract('More than 10,000 people have been killed since 2015.').claims[0]?.quantities[0];
    expect(q?.period).toMatchObject({
      text: 'since 2015',
      start: '2015-01-01',
      end: null,
      precision: 'year',
    });
  });

  it.each([
    ['a plural subject', 'State television said dozens of fighters had been killed in the attack.', []],
    ['a death from wounds', 'The woman succumbed to her wounds after she was injured by a sniper.', [1]],
  ])('counts one victim in words only when one is meant: %s', (_why, body, expected) => {
    expect(
      killed(extract(body))
        .filter((k) => k.qualifier !== 'vague')
        .map((k) => k.best),
    ).toEqual(expected);
  });

  it('gives a chemical attack its toll when other means are named first', () => {
    const a = extract('Militants fired shells filled with toxic gas at the town, killing five civilians.');
    expect(a.events.filter((e) => e.casualties.killed).map((e) => e.kind)).toEqual(['chemical_attack']);
  });

  it('does not take a superseded toll for an incident', () => {
    expect(killed(extract('The previous death toll was 20.'))).toEqual([]);
  });

  it('keeps the incident beside the running total it brings up', () => {
    const a = extract(
      'Israeli strikes killed 12 people in Rafah on Friday, bringing the toll since the war began to 20,000.',
    );
    expect(killed(a).map((k) => k.best)).toEqual([12]);
  });

  it.each([
    ['cold', 'Six children died of cold in a camp near the border.'],
    ['hunger', 'Three people died of hunger in the besieged town.'],
    ['an accident', 'Four soldiers were killed in a traffic accident near the base.'],
    ['disease', 'At least 20 people have died of cholera in the camps.'],
    ['a bus overturning', 'Eight people died and 40 were injured when a minibus overturned near the town.'],
    ['a road crash', 'Three soldiers were killed and two hurt in a road crash on the highway to the front.'],
  ])('does not count deaths from %s as an attack', (_why, body) => {
    expect(killed(extract(body))).toEqual([]);
    // nor the hurt of the same mishap: with no weapon named, there is no attack to give them to
    expect(extract(body).events.filter((e) => e.casualties.injured)).toEqual([]);
  });

  it("keeps the toll of a military aircraft's crash, whose cause is often disputed", () => {
    const a = extract('Two soldiers were killed in a helicopter crash in Kidal province, the army said.');
    expect(killed(a).map((k) => k.best)).toEqual([2]);
  });

  it("keeps a weapon's toll when a vehicle is hit", () => {
    const a = extract(
      'Two soldiers were killed when their vehicle hit a roadside bomb, and the truck overturned.',
    );
    expect(killed(a).map((k) => k.best)).toEqual([2]);
  });

  it.each([
    ['killed or wounded', 'The offensive left 45 soldiers killed or wounded.'],
    ['killed, wounded or captured', 'At least 2,000 troops were killed, wounded or captured.'],
    ['casualties', 'The shelling caused 30 casualties in the town.'],
  ])('does not read "%s" as a death toll', (_why, body) => {
    expect(killed(extract(body))).toEqual([]);
  });

  it.each([
    [
      'since a weekday',
      'Fighting between two armed groups in Tibu has killed at least 80 people since Thursday.',
    ],
    ['the past few days', 'Clashes in Kidal have killed 30 people in the past three days.'],
  ])('keeps an episode of fighting over %s as an event, its toll a total', (_why, body) => {
    const a = extract(body);
    expect(a.events.map((e) => e.kind)).toEqual(['armed_clash']);
    expect(killed(a)).toEqual([]);
  });

  it("keeps a capture after days of fighting, whose toll is the fighting's total", () => {
    const a = extract(
      'M23 rebels captured the airport in Goma on Tuesday after days of fighting that killed more than 700 people.',
    );
    expect(a.events.map((e) => e.kind)).toEqual(['territorial_change']);
    expect(killed(a)).toEqual([]);
  });

  it.each([
    ['a war since a year', 'The war has killed 40,000 people since April 2023.'],
    ['an invasion', 'Russian strikes have killed 3,000 civilians since the invasion began.'],
  ])('makes no event of %s', (_why, body) => {
    expect(extract(body).events.filter((e) => e.kind !== 'displacement')).toEqual([]);
  });

  it('gives a toll told again in the next sentences to the incident, not to a new attack', () => {
    const a = extract(
      'Gunmen killed at least 20 farmers near Damboa on Saturday, a local official said.\n\n' +
        'The farmers were attacked in their fields. Some of the victims were beheaded.\n\n' +
        'Another 14 people were wounded, the official said. Police confirmed the attack but said 12 people were killed.',
    );
    expect(a.events.filter((e) => e.kind === 'attack')).toHaveLength(1);
    expect(killed(a)).toMatchObject([{ best: 20, low: 12 }]);
    expect(injured(a)).toMatchObject([{ best: 14 }]);
  });

  it('takes the number of the wounded told after a word for them', () => {
    const a = extract(
      'A car bomb killed 16 people and wounded dozens outside a bakery in Hasakeh on Tuesday.\n\n' +
        'At least 16 people were killed and 50 others injured in the attack, the monitor said.',
    );
    expect(a.events).toHaveLength(1);
    expect(injured(a)).toMatchObject([{ best: 50, qualifier: 'exact' }]);
  });

  it("takes a toll that rose as the incident's latest figure, the first as its low end", () => {
    const a = extract(
      'Gunmen attacked a church in Owo on Sunday, killing at least 20 people, police said.\n\nThe death toll later rose to 35, a hospital official said.',
    );
    expect(killed(a)).toMatchObject([{ best: 35, low: 20 }]);
    expect(a.events.filter((e) => e.kind === 'attack')).toHaveLength(1);
  });

  it('gives the wounded of "the blast" named again to the blast, not to the train\'s destination', () => {
    const a = extract(
      'At least 26 people have been killed in a suicide bombing at a railway station in Quetta, officials say.\n\nMore than 60 others were injured in the blast, which happened as passengers waited for a train to Peshawar on Saturday morning.',
    );
    expect(a.events.map((e) => [e.kind, e.location?.name])).toEqual([['bombing', 'Quetta']]);
    expect(injured(a)).toMatchObject([{ best: 60 }]);
  });

  it("makes no incident of a timeline's word for more dead", () => {
    const a = extract(
      'March 2013: a chemical attack in Khan al-Assal is blamed on both sides.\n\nThousands more civilians killed.',
    );
    expect(killed(a)).toEqual([]);
  });

  it("keeps the other side's toll, told after the enemy's dead, as its own figure", () => {
    const a = extract(
      'Troops killed 300 rebels in the battle for the airfield near Gao on Monday.\n\n' +
        'Ten government soldiers were killed, the army said.',
    );
    expect(
      killed(a)
        .map((k) => k.best)
        .sort((x, y) => x - y),
    ).toEqual([10, 300]);
  });

  it.each([
    [
      'a campaign since a month',
      'The rebels have fired missiles at the capital and attacked ships in the gulf since November 2023.',
    ],
    ['a war since a year', 'Fighting has raged in the city since April 2023.'],
  ])('makes no incident of violence told in the perfect over %s', (_why, body) => {
    expect(extract(body).events).toEqual([]);
  });

  it('keeps violence told in the perfect over the last few days', () => {
    expect(
      extract('Government forces have shelled the town of Kadugli since Thursday.').events.map((e) => e.kind),
    ).toEqual(['shelling']);
  });

  it.each([
    ['displaced by fighting', 'About 150 people displaced by fighting had been sheltering in the monastery.'],
    ['fleeing the clashes', 'Families fleeing the clashes crossed into Chad.'],
  ])('makes no clash of people %s', (_why, body) => {
    expect(extract(body).events.filter((e) => e.kind === 'armed_clash')).toEqual([]);
  });

  it.each([
    ['gangs on prisons', 'Gangs attacked two prisons over the weekend, freeing thousands of inmates.'],
    ['militants on a police station', 'Militants stormed a police station near the border on Friday.'],
  ])('reads an attack with no toll: %s', (_why, body) => {
    expect(extract(body).events.map((e) => e.kind)).toEqual(['attack']);
  });

  it('does not set a country-wide wave that air defence stopped in the town of the sentence before', () => {
    const a = extract(
      "In the southern city of Zaporizhzhia, a missile attack wounded seven people overnight, officials said. Ukraine's air force said it shot down 27 of 30 Shahed drones launched overnight.",
    );
    const wave = a.events.find((e) => e.kind === 'drone_strike');
    expect(wave?.location ?? null).toBeNull();
  });

  it('reads a shell that hit a school as shelling', () => {
    const a = extract('At least 15 people were killed when a shell hit a school in Kharkiv on Monday.');
    expect(a.events.map((e) => e.kind)).toEqual(['shelling']);
  });

  it('reads explosives dropped by a drone as a drone strike', () => {
    const a = extract(
      'Two soldiers were wounded when a drone dropped explosives on a military post on Sunday.',
    );
    expect(a.events.map((e) => e.kind)).toEqual(['drone_strike']);
  });

  it("keeps a single attack's toll beside 'the deadliest attack'", () => {
    const a = extract(
      'A car bomb killed 40 people at a market in Mogadishu on Monday, the deadliest attack in the city since 2019.',
    );
    expect(killed(a).map((k) => k.best)).toEqual([40]);
  });

  it('keeps competing tolls of one incident as one figure with its range', () => {
    const a = extract('The strike killed at least 20 people, while rescuers put the toll at 35.');
    expect(killed(a)).toMatchObject([{ best: 20, low: 20, high: 35 }]);
  });

  it.each([
    ['a speed', 'The missile flies at 13,000 km/h and hit the city.'],
    ['money', 'The attack caused $500 million in damage to the refinery.'],
    ['troops', 'Some 5,000 troops were deployed after the attack.'],
    ['a vote', 'The council voted 13 to 0 after the attack.'],
    ['displaced people', 'An estimated 700,000 people have been displaced by the attacks.'],
    ['an age', 'Ahmed Saleh, 43, was among those killed in the attack.'],
    ['a distance', 'The bomb exploded 200 metres from the attack site.'],
  ])('never takes %s for a casualty figure', (_why, body) => {
    const a = extract(body);
    for (const k of [...killed(a), ...injured(a)]) expect(k.best).toBeLessThanOrEqual(1);
    expect(a.events.filter((e) => e.kind === 'territorial_change')).toEqual([]);
  });

  it.each([
    ['a victim in words', 'A Ukrainian drone killed a civilian in the border town.', 'killed', 1],
    [
      'a family listed after one victim',
      'An air strike hit a tent in Khan Younis, killing a man, his wife and their three children, medics said.',
      'killed',
      5,
    ],
    ['two victims in words', 'A drone struck a car near Kherson, killing a farmer and his son.', 'killed', 2],
    [
      'the wounded listed in words',
      'A Russian drone struck a bus in the village of Bilozerka, injuring a driver and two passengers.',
      'injured',
      3,
    ],
    ['one wounded in words', 'A sniper wounded a soldier near the front line on Monday.', 'injured', 1],
    [
      'one wounded in words and others counted',
      'The shell fell inside a classroom, killing seven students and injuring a female teacher and 19 others.',
      'injured',
      20,
    ],
    [
      'one victim and a speaker after it',
      'A sniper killed a soldier near the front line, an official said.',
      'killed',
      1,
    ],
    ['a named victim', 'The mayor, Ana Ruiz, was murdered outside her home on Sunday.', 'killed', 1],
    ['nobody hurt', 'A car bomb exploded outside the base, but no one was hurt.', 'injured', 0],
    [
      'a victim set among a total',
      'A village chief in Sagaing was killed on Friday, one of some two hundred local officials murdered in the past year.',
      'killed',
      1,
    ],
    ['one of a group', 'One of the 18 sailors on board was injured in the drone attack.', 'injured', 1],
    [
      'a list before one verb',
      'Seven soldiers, several civilians and 80 attackers were killed in the ambush.',
      'killed',
      87,
    ],
    ['parts under one verb', 'Eighteen assailants and one guard died during the raid.', 'killed', 19],
    ['a toll that rose', 'The death toll from the missile strike had risen to 21.', 'killed', 21],
    [
      'a total with its parts after it',
      'Three people, two of them children, died in the shelling.',
      'killed',
      3,
    ],
    [
      'a breakdown written without commas',
      'Three civilians two women and a man were killed in the shelling.',
      'killed',
      3,
    ],
  ])('reads %s', (_why, body, measure, best) => {
    const a = extract(body);
    const figures = measure === 'killed' ? killed(a) : injured(a);
    expect(figures.map((f) => f.best)).toEqual([best]);
  });

  it('marks a sum with an uncounted part as a lower bound', () => {
    const [figure] = killed(
      extract('Seven soldiers, several civilians and 80 attackers were killed in the ambush.'),
    );
    expect(figure).toMatchObject({
      best: 87,
      low: 87,
      qualifier: 'at_least',
      breakdown: { soldiers: 7, fighters: 80 },
    });
  });

  it('reads a quantity as what it counts, not as the set it is taken from', () => {
    expect(
      findQuantities('One of the 18 sailors on board was injured.').map((q) => [q.measure, q.value.best]),
    ).toEqual([['injured', 1]]);
  });
});

describe('language', () => {
  it.each([
    [
      'fr',
      'Des frappes aériennes ont tué au moins douze civils dans la ville mardi, selon des sources médicales locales. Les secours ont décrit des scènes de panique dans le marché central, où les familles cherchaient leurs proches.',
    ],
    [
      'es',
      'Al menos cinco personas murieron en un ataque con coche bomba contra una base militar, informaron las autoridades. El presidente condenó el atentado y ordenó reforzar la seguridad en todas las ciudades del país.',
    ],
    [
      'de',
      'Bei einem Drohnenangriff auf die Stadt wurden nach Angaben der Behörden mindestens sieben Menschen getötet. Viele weitere wurden verletzt, als ein Wohnhaus in Brand geriet und die Feuerwehr lange nicht helfen konnte.',
    ],
  ])('keeps a report in %s with its language and no events', (language, body) => {
    const a = extract(body, 'Titre');
    expect(a.language).toBe(language);
    expect(a.events).toEqual([]);
    expect(a.analysisSkipped?.reason).toBe('language');
  });

  it.each([
    ['a short English report', 'Five killed in Aleppo.'],
    ['English full of names', 'SANA: al-Midan, Bustan al-Qasr, Salah al-Din hit; 5 killed.'],
  ])('reads %s as English', (_why, body) => {
    const a = extract(body, 'Syria');
    expect(a.analysisSkipped).toBeUndefined();
    expect(['en', 'und']).toContain(a.language);
  });
});
