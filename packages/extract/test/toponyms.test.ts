/**
 * Hard toponyms as behaviours: names several places share, words and first names that are also
 * towns, transliterations, demonyms and explicit hierarchy, the precision of an incident's place.
 * Every sentence is written for this test and read through the whole extraction.
 */
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { describe, expect, it } from 'vitest';
import { placeById } from '../src/entities/gazetteer.ts';
import { extractArticle } from '../src/extract-article.ts';
import { foldName } from '../src/places/fold-name.ts';
import { loadWorld } from '../src/places/world-gazetteer.ts';
import { rawArticleFromText } from '../src/read/front-matter.ts';

function extract(body: string, headline = 'Report'): ExtractedArticle {
  const text = `---\npublishedAt: 2025-03-04\n---\n${headline}\n\n${body}\n`;
  return extractArticle(rawArticleFromText(text, { path: 'test.md' }).raw);
}

const placeNamed = (a: ExtractedArticle, name: string) => {
  const key = foldName(name);
  const ref = a.mentions.places.find((p) => {
    const place = placeById(p.id ?? '');
    return place && [place.name, ...place.aliases].some((n) => foldName(n) === key);
  });
  return ref ? placeById(ref.id ?? '') : null;
};

describe('names several places share', () => {
  it.each([
    ['Clashes between rival Libyan militias killed five people in Tripoli on Monday.', 'Tripoli', 'LY'],
    ['Gunmen killed three people in Tripoli, in northern Lebanon, the army said.', 'Tripoli', 'LB'],
    ['Lebanese troops deployed in Tripoli after two people were killed in clashes.', 'Tripoli', 'LB'],
    ['Explosions were heard in Alexandria late on Sunday, witnesses said.', 'Alexandria', 'EG'],
    ['Police in Alexandria, Virginia, said two people were shot on Sunday.', 'Alexandria', 'US'],
    ['Mexican police found the bodies of six men in Cordoba, Veracruz, on Friday.', 'Cordoba', 'MX'],
    ['Argentine officials said a bomb threat closed the airport in Cordoba.', 'Cordoba', 'AR'],
    ['Sudanese army shelling killed four civilians in El Obeid.', 'El Obeid', 'SD'],
    // the city struck, far from the only country named (the striker's): a strike "on" it is a place cue
    ['The Houthis said a U.S. strike on Hodeidah port killed 80 people and wounded 150.', 'Hodeidah', 'YE'],
    // Russia's Engels was called Pokrovsk until 1931 and is three times larger: not the one meant
    [
      'A Russian missile hit Kharkiv. Russia launched 96 drones at Ukraine, the Russian defence ministry said. Ukrainian forces said they had repelled 43 Russian assaults near Pokrovsk.',
      'Pokrovsk',
      'UA',
    ],
  ])('%s → %s in %s', (sentence, name, country) => {
    expect(placeNamed(extract(sentence), name)?.country).toBe(country);
  });

  it.each([
    [
      'A police officer was killed in a shootout with gang members in the Delmas neighbourhood of the Haitian capital.',
      'Delmas',
    ],
    ['Shells hit a hotel in al-Meridian neighborhood in Aleppo on Tuesday, state media said.', 'Meridian'],
  ])("a neighbourhood in the story's country is not a town of that name abroad: %s", (sentence, name) => {
    // South Africa's Delmas and Mississippi's Meridian are towns of that name; the story is elsewhere
    expect(placeNamed(extract(sentence), name)).toBeNull();
  });

  it('takes a name said to lie in a country for the place in that country, or for none', () => {
    // the world's "Kurdistan" is Iran's province; "in northern Iraq" says it is Iraq's
    const iraq = extract('Iranian troops are fighting in the mountains of Kurdistan in northern Iraq.');
    expect(iraq.events[0]?.location?.placeId).toBe('place:iq:kurdistan');
    const iran = extract('Iranian police clashed with protesters in Kurdistan province.');
    expect(iran.events[0]?.location?.placeId).not.toBe('place:iq:kurdistan');
  });

  it('takes a name the article places in a division for the place in that division', () => {
    const a = extract(
      'Taliban fighters attacked Maidan Shahr, in Wardak province, killing seven police officers.',
    );
    const place = placeNamed(a, 'Maidan Shahr');
    expect(place?.country).toBe('AF');
    expect(place?.admin1).toMatch(/Wardak/);
    expect(a.events[0]?.location?.placeId).toBe(place?.id);
  });
});

describe('words and names that are also towns', () => {
  it.each([
    ['Police said the blast killed four people in Kabul on Tuesday.', ['Police']],
    ['Reading from a statement, the spokesman said 12 soldiers had died.', ['Reading']],
    ['The split within the coalition deepened after the vote. Split decisions are rare.', ['Split']],
    ['Mobile phone networks were cut across Khartoum on Sunday.', ['Mobile']],
    ['Victoria Nuland met Ukrainian officials in Kyiv on Tuesday.', ['Victoria']],
    ['Queen Victoria is remembered in the town square.', ['Victoria']],
    ['President Bill Clinton said the United States would respond to the bombing.', ['Clinton']],
    ['In retaliation, Mr. Clinton ordered strikes on targets in Sudan.', ['Clinton']],
    ['Hope faded for survivors as rescuers dug through rubble in Antakya.', ['Hope']],
    ['The UN said on Monday that aid trucks reached Gaza.', ['UN']],
  ])('%s — %j are not places', (sentence, words) => {
    const a = extract(sentence);
    for (const w of words) expect(placeNamed(a, w), w).toBeNull();
  });

  it('reads a town that is a word when the sentence says it is a place', () => {
    const a = extract('Croatian police said two men were arrested in Split after a shooting.');
    expect(placeNamed(a, 'Split')?.country).toBe('HR');
  });

  it.each([
    ['Kyiv', 'Russian missiles struck Kyiv overnight, killing three people.'],
    ['Kharkiv', 'A glide bomb hit Kharkiv on Monday, killing two people.'],
    ['Antakya', 'Rescuers in Antakya pulled survivors from the rubble.'],
  ])('keeps %s, a real place, in its sentence', (name, sentence) => {
    expect(placeNamed(extract(sentence), name)).not.toBeNull();
  });
});

describe('transliterations and diacritics', () => {
  it.each([
    ['Kiev', 'Kyiv', 'Russian drones attacked Kiev overnight, Ukrainian officials said.'],
    ['Kharkov', 'Kharkiv', 'Shelling killed two people in Kharkov on Friday, Ukrainian officials said.'],
    ['Al-Fashir', 'El Fasher', 'The RSF shelled a market in Al-Fashir, Sudan, killing 11 people.'],
    ['El Fasher', 'El Fasher', 'The RSF shelled a market in El Fasher, Sudan, killing 11 people.'],
    ['Ḩamāh', 'Hama', 'Air strikes hit Ḩamāh in western Syria on Sunday.'],
    ['Mariupol', 'Mariupol', 'Russian forces shelled Mariupol, in southern Ukraine, on Friday.'],
  ])('%s is %s', (written, name, sentence) => {
    const a = extract(sentence);
    const found = placeNamed(a, written);
    expect(found, written).not.toBeNull();
    expect(placeNamed(a, name)?.id).toBe(found?.id);
  });

  it('folds diacritics, apostrophes, the Arabic article and doubled letters to one key', () => {
    expect(foldName('Ḩamāh')).toBe(foldName('Hama'));
    expect(foldName('Al-Fashir')).toBe(foldName('Fashir'));
    expect(foldName('El Fasher')).toBe(foldName('Fasher'));
    expect(foldName("Ma'arrat an-Nu'man")).toBe(foldName('Maarat al-Numan'));
    expect(foldName('Deir ez-Zor')).toBe(foldName('Deir al Zor'));
  });
});

describe('demonyms and countries as context', () => {
  it('places a town the demonym points to', () => {
    const a = extract('Sudanese officials said shelling killed nine civilians in Kadugli.');
    expect(placeNamed(a, 'Kadugli')?.country).toBe('SD');
  });

  it("does not take a foreign city for a name the text puts in one of the story's divisions", () => {
    // Chad's Sarh (over 100,000 people) has "Sarkh" among its spellings
    const a = extract(
      'Afghan officials said the Taliban attacked a post in Logar province. Fighters struck in the Pangram area of Sarkh, Logar, killing three.',
    );
    expect(a.mentions.places.every((p) => placeById(p.id ?? '')?.country !== 'TD')).toBe(true);
  });

  it.each([
    ["The mayor of the capital of Colombia's Arauca department was shot dead on Sunday.", 'Arauca', 'CO'],
    ["A car bomb killed four people in the capital of Nigeria's Borno state on Monday.", 'Maiduguri', 'NG'],
  ])('reads "the capital of" a division as its seat: %s', (sentence, name, country) => {
    const e = extract(sentence).events.find((x) => x.casualties.killed);
    expect(placeById(e?.location?.placeId ?? '')).toMatchObject({ name, country });
  });

  it('does not take a small foreign namesake without a cue', () => {
    // Sarh is a Chadian city; "Sarkh" folds near it but this story is about Afghanistan
    const a = extract(
      'Afghan police said the Taliban attacked a checkpoint in Logar province, killing three.',
    );
    expect(a.mentions.places.every((p) => placeById(p.id ?? '')?.country !== 'TD')).toBe(true);
  });
});

describe('a division no other country shares, named without its country', () => {
  it.each([
    ['Rebels attacked an army post in North Kivu on Thursday, killing six soldiers.', 'CD.11'],
    ['Gunmen attacked a village in Borno on Thursday, killing six farmers.', 'NG.27'],
    ['Drone strikes in Tigray killed 12 people on Monday, aid workers said.', 'ET.53'],
    ['Fighters seized a base in Rakhine on Monday, killing 20 soldiers.', 'MM.01'],
    ['Shelling killed three people in the Zaporizhzhia region on Monday, the governor said.', 'UA.26'],
  ])('%s', (sentence, code) => {
    const e = extract(sentence).events.find((x) => x.casualties.killed);
    expect(e?.location).toMatchObject({ placeId: `place:a1:${code}`, geoPrecision: 3 });
  });

  it('does not take a division two countries share for either', () => {
    const e = extract('Shelling killed three people in Punjab on Monday.').events.find(
      (x) => x.casualties.killed,
    );
    expect(e?.location ?? null).toBeNull();
  });
});

describe("each incident's place and its precision", () => {
  it.each([
    ['A drone strike killed two people in Kharkiv on Monday.', 'Kharkiv', 1],
    ['A drone strike killed two people near Kharkiv on Monday.', 'Kharkiv', 2],
    ['A drone strike killed two people on the outskirts of Kharkiv on Monday.', 'Kharkiv', 2],
    ['Shelling killed three civilians in Kharkiv region on Monday.', 'Kharkiv', 3],
    ['Air strikes killed 12 people in Sudan on Monday.', 'Sudan', 3],
  ])('%s → %s, geo precision %i', (sentence, name, precision) => {
    const e = extract(sentence).events.find((x) => x.casualties.killed);
    expect(e?.location?.name).toMatch(new RegExp(name));
    expect(e?.location?.geoPrecision).toBe(precision);
  });

  it('gives each incident of a multi-incident report its own place', () => {
    const a = extract(
      'A Russian drone strike killed two people in Kharkiv on Monday. In a separate attack, shelling killed three civilians in Kherson.',
    );
    const located = a.events.filter((e) => e.casualties.killed).map((e) => e.location?.name);
    expect(located).toEqual(['Kharkiv', 'Kherson']);
  });

  it.each([
    ['Gangs killed 12 people in an attack on the Port-au-Prince suburb of Kenscoff on Saturday.', 'Kenscoff'],
    ['A bomb killed 18 people in the Damascus suburb of Jaramana on Tuesday.', 'Jaramana'],
    // the same words the other way round: the part first, its city after
    ['A car bomb killed six people in the Salah al-Din district of Aleppo on Wednesday.', 'Salah'],
  ])('places "the <city> suburb of <part>" at the part: %s', (sentence, name) => {
    const e = extract(sentence).events.find((x) => x.casualties.killed);
    expect(e?.location?.name).toMatch(new RegExp(name));
  });

  it.each([
    ['A US drone strike killed a senior al-Shabaab commander, the group said.'],
    ['U.S. forces killed five militants in a raid, the Pentagon said.'],
  ])('never places an incident in the country of the side that struck: %s', (sentence) => {
    const e = extract(sentence).events.find((x) => x.casualties.killed);
    expect(e).toBeDefined();
    expect(e?.location?.name ?? null).not.toBe('United States');
  });

  it('keeps a foreign capital where someone spoke out of the incident', () => {
    const a = extract(
      'Air strikes killed 12 people in Idlib on Monday. Moscow denied any role in the strikes, the Kremlin said.',
    );
    expect(a.events.filter((e) => e.casualties.killed).map((e) => e.location?.name)).toEqual(['Idlib']);
  });
});

describe('an incident placed from the words around its sentence', () => {
  const killedIn = (a: ExtractedArticle) => a.events.filter((e) => e.casualties.killed);

  it('takes the place the sentence before says is where, less precisely', () => {
    const a = extract(
      'Troops were deployed near a military base in Arauca province. Two soldiers were killed on Tuesday and 29 injured, the army said.',
    );
    expect(killedIn(a)[0]?.location?.name).toMatch(/^Arauca/);
    expect(killedIn(a)[0]?.location?.geoPrecision).toBe(3);
    // an undated line is no incident of the sentences before (a timeline's "Thousands more killed.")
    const timeline = extract(
      'Troops were deployed near a military base in Arauca province. Thousands more civilians were killed.',
    );
    expect(killedIn(timeline)[0]?.location ?? null).toBeNull();
  });

  it('places a wave aimed at the country in the country, not in the city told before or after', () => {
    const a = extract(
      'A Russian missile struck an apartment building in Dnipro overnight, killing four people, officials said. ' +
        "Ukraine's air force said Russia launched 87 Shahed drones and two Iskander-M missiles at the country overnight. " +
        'In the Kharkiv region, a guided bomb hit a village on Wednesday, wounding three men.',
    );
    const wave = a.events.find((e) => e.evidence[0]?.sentence.includes('87 Shahed'));
    expect(wave?.location).toMatchObject({ name: 'Ukraine', geoPrecision: 3 });
    expect(killedIn(a)[0]?.location?.name).toBe('Dnipro');
  });

  it('places a wave aimed at a named country in that country, not in the city told before', () => {
    const a = extract(
      'A Russian missile struck an apartment building in Dnipro overnight, killing four people, officials said. ' +
        'Russia launched 92 drones and missiles at Ukraine overnight, the air force said. ' +
        'In the Kharkiv region, a guided bomb hit a village on Wednesday, wounding three men.',
    );
    const wave = a.events.find((e) => e.evidence[0]?.sentence.includes('92 drones'));
    expect(wave?.location).toMatchObject({ name: 'Ukraine', geoPrecision: 3 });
    expect(killedIn(a)[0]?.location?.name).toBe('Dnipro');
    const rockets = extract('Hezbollah fired 40 rockets into northern Israel on Monday, the army said.');
    expect(rockets.events[0]?.location).toMatchObject({ name: 'Israel', geoPrecision: 3 });
  });

  it('places a wave where its sentence names a place inside the country it was aimed at', () => {
    const a = extract("Russia launched 40 drones at Ukraine's Odesa region overnight, the air force said.");
    expect(a.events[0]?.location?.name).toMatch(/Odesa/);
    const killing = extract(
      'Russia launched 92 drones and seven missiles at Ukraine overnight, killing four people in the western city of Lviv, officials said.',
    );
    expect(killing.events.map((e) => [e.kind, e.location?.name, e.casualties.killed?.best])).toEqual([
      ['drone_strike', 'Lviv', 4],
    ]);
  });

  it('does not take a country that residents fled into, or a name before a noun, as a wave aimed at it', () => {
    const a = extract(
      'Militants attacked Ras al-Ain in Syria on Friday, killing 17 and sending residents pouring into Turkey.',
    );
    expect(killedIn(a)[0]?.location?.name).not.toBe('Turkey');
  });

  it('refines a country to the place inside it that the next sentences name, on the side it says', () => {
    const a = extract(
      'Seven soldiers were killed in an attack in northern Burkina Faso on Tuesday, the army said. The attack targeted a military detachment in Djibo.',
    );
    expect(killedIn(a)[0]?.location).toMatchObject({ name: 'Djibo', geoPrecision: 2 });
  });

  it('does not refine to a place on the other side of the country', () => {
    const a = extract(
      'Seven soldiers were killed in an attack in northern Burkina Faso on Tuesday, the army said. Ministers met in Ouagadougou on Wednesday.',
    );
    expect(killedIn(a)[0]?.location).toMatchObject({ name: 'Burkina Faso', geoPrecision: 3 });
  });

  it('does not refine across a report of violence elsewhere', () => {
    const a = extract(
      'Five soldiers were killed in an ambush in Mali on Monday. Separately, a drone strike killed two people in Kharkiv. Officials in Gao said the army was searching the area.',
    );
    expect(killedIn(a)[0]?.location?.name).toBe('Mali');
  });

  it.each([
    [
      'PORT SUDAN, Sudan (Reuters) - The army said on Sunday its aircraft struck paramilitary positions, killing 20 fighters.',
      'Port Sudan',
    ],
    [
      'GOMA, Congo (AP) - M23 rebels shelled a camp for displaced people on Tuesday, killing nine people.',
      'Goma',
    ],
    ['KYIV, Ukraine (AP) - A Russian drone hit an apartment block on Monday, killing three people.', 'Kyiv'],
  ])(
    "places violence its sentence does not place at a hyphenated dateline's city, coarsely: %s",
    (body, city) => {
      const e = extract(body).events.find((x) => x.casualties.killed);
      expect(e?.location).toMatchObject({ name: city, geoPrecision: 3 });
      // where the report was filed is not a place of the story
      expect(e?.summary).not.toMatch(/\(Reuters\)|\(AP\)/);
    },
  );

  it('places a part of a city named with a compass word in the city, not at the dateline', () => {
    const a = extract(
      'PORT SUDAN, Sudan (Reuters) - The army said it repelled an attack. In Khartoum North, an army drone strike hit a market on Monday, killing 15 people.',
    );
    expect(a.events.find((x) => x.casualties.killed)?.location?.name).toBe('Khartoum');
  });

  it("does not place in the dateline's city a sentence about another of the story's countries", () => {
    const a = extract(
      'RAFAH, Gaza Strip (AP) - Israeli strikes killed 20 people in Rafah on Friday, medics said. Israel declared war after Hamas militants stormed across its border and killed some 1,200 people.',
    );
    const background = a.events.find((x) => x.summary.startsWith('Israel declared'));
    expect(background).toBeDefined();
    expect(background?.location?.placeId ?? null).not.toBe('geonames:281102');
  });

  it.each([
    ['US-led coalition air strikes killed 12 civilians in Raqqa on Monday, a monitor said.', 'US'],
    ['Saudi-backed forces killed nine Houthi fighters in Marib on Sunday.', 'SA'],
  ])('takes no side named with "-led" or "-backed" for a place: %s', (sentence, country) => {
    const a = extract(sentence);
    expect(a.mentions.places.map((p) => placeById(p.id ?? '')?.country)).not.toContain(country);
  });

  it('takes no capitals opening an ordinary sentence with a hyphen for a dateline', () => {
    const a = extract('UNHCR - the UN refugee agency - said gunmen killed 12 displaced people on Monday.');
    expect(a.dateline).toBeNull();
    expect(a.events.find((x) => x.casualties.killed)?.location ?? null).toBeNull();
  });

  it('reads a dateline of two cities as where the report was filed, not the incident', () => {
    const a = extract(
      'BEIRUT/THE HAGUE, March 7 (Reuters) - An Israeli tank crew killed a journalist in Lebanon in October, a report said.',
    );
    expect(killedIn(a)[0]?.location?.name).toBe('Lebanon');
  });

  it.each([
    [
      'Putin denounced a drone strike that killed 21 people at a college dormitory in eastern Ukraine, which Moscow blamed on Kyiv.',
      'Kyiv',
    ],
    [
      'Iraqi forces repelled an attack on a mountain peak 340 kms north of Baghdad, killing hundreds of Iranians, INA said.',
      'Baghdad',
    ],
  ])('%s — %s is not where', (sentence, name) => {
    expect(extract(sentence).events.map((e) => e.location?.name)).not.toContain(name);
  });

  it('places a toll of mixed fates, without reading it as deaths', () => {
    const a = extract(
      'Iranian troops attacked Iraqi positions near Sulaymaniyah. It said at least 2,000 Iraqi troops had been killed, wounded or captured on Tuesday.',
    );
    const mixed = a.events.find((e) => e.summary.startsWith('It said'));
    expect(mixed?.location?.name).toMatch(/Sulaym/);
    expect(mixed?.casualties.killed).toBeNull();
  });

  it('does not place an incident where a foreign agency listened', () => {
    const a = extract(
      'Iranian troops launched an offensive in northern Iraq on Tuesday. IRNA, monitored by the BBC in London, said Iran had seized several heights and killed 40 soldiers.',
    );
    expect(a.events.map((e) => e.location?.name)).not.toContain('London');
  });

  it('places an attack at sea in the sea, which belongs to no country', () => {
    const a = extract(
      'Houthi drones struck a cargo ship in the Gulf of Aden on Tuesday, killing three crew members, the US military said.',
    );
    const sea = placeById(a.events.find((e) => e.casualties.killed)?.location?.placeId ?? '');
    expect(sea).toMatchObject({ name: 'Gulf of Aden', country: null });
  });

  it('rules out a namesake outside the country the text puts a name in', () => {
    const a = extract(
      'Iranian troops killed dozens of soldiers in a new offensive in the mountains of Kurdistan in northern Iraq, IRNA said.',
    );
    expect(a.mentions.places.map((p) => placeById(p.id ?? '')?.country)).not.toContain('IR');
  });

  it('keeps that country for the name later in the article', () => {
    const a = extract(
      'Iranian troops killed dozens of soldiers in a new offensive in the mountains of Kurdistan in northern Iraq, IRNA said. The offensive is in the mountains of Kurdistan, scene of fierce fighting in 1983.',
    );
    expect(a.mentions.places.map((p) => placeById(p.id ?? '')?.country)).not.toContain('IR');
  });
});

describe('villages (places under 5,000 people) only where the text supports them', () => {
  it('takes a village the text puts in a division, and not its namesake in another', () => {
    const a = extract(
      'Ukrainian officials said Russian shelling killed two civilians in Andriivka, in the Zaporizhzhia region.',
    );
    const village = placeNamed(a, 'Andriivka');
    expect(village?.country).toBe('UA');
    expect(village?.admin1).toMatch(/Zaporizhzhia/);
    expect(village?.population).toBeLessThan(5000);
    const elsewhere = extract(
      'Ukrainian officials said Russian shelling killed two civilians in Andriivka, in the Donetsk region.',
    );
    expect(placeNamed(elsewhere, 'Andriivka')?.admin1 ?? 'Donetsk').toMatch(/Donetsk/);
  });

  it("takes a village after a place cue in the article's country", () => {
    const a = extract(
      'Israeli settlers attacked the village of Turmus Ayya in the occupied West Bank on Friday, the Palestinian health ministry said.',
    );
    expect(placeNamed(a, 'Turmus Ayya')?.country).toBe('PS');
  });

  it.each([
    [
      'without a cue',
      'Russian drones killed three people in Kharkiv on Monday. Andriivka was quiet, residents said.',
      'Andriivka',
    ],
    [
      "outside the article's countries",
      'Russian drones killed three people in Kharkiv on Monday. A statement came from officials in Turmus Ayya.',
      'Turmus Ayya',
    ],
  ])('does not take a village %s', (_why, body, name) => {
    expect(placeNamed(extract(body), name)).toBeNull();
  });
});

describe('an undated line that goes on with the story', () => {
  const killedIn = (a: ExtractedArticle) => a.events.filter((e) => e.casualties.killed);

  it.each([
    [
      'names the incident again',
      'Rebels fired rockets at troops near a military base in Arauca province. The attack killed two soldiers and injured 29.',
      /^Arauca/,
    ],
    [
      'carries on the report of the source just quoted',
      'Ukrainian officials said Russian shelling hit Kherson overnight. They said four civilians were killed.',
      /^Kherson/,
    ],
  ])('takes the place before when it %s', (_why, body, name) => {
    expect(killedIn(extract(body))[0]?.location?.name).toMatch(name);
  });

  it('takes the next sentence that names the incident as saying where it was', () => {
    const a = extract(
      'The army said at least 30 fighters had been killed, wounded or captured. The offensive is in the village of Kpanje, in Benue state.',
    );
    expect(a.events.find((e) => e.summary.startsWith('The army'))?.location?.name).toBe('Kpanje');
  });

  it('places "along the country\'s coast" in the country named last, not the one speaking', () => {
    const a = extract(
      "Officials in Cairo fear the chaos in Libya. Militants killed 12 migrants along the country's coast on Sunday.",
    );
    expect(placeById(killedIn(a)[0]?.location?.placeId ?? '')?.country).toBe('LY');
  });

  it('takes the place from the sentence after next when it names the incident and the one between reports none', () => {
    const a = extract(
      'Nigerian officials who reached the scene on Sunday said 40 people had been killed. Survivors said many of the victims were children. The attack began at Kpanje village, the officials said.',
    );
    expect(killedIn(a)[0]?.location?.name).toBe('Kpanje');
  });

  it('narrows a refined place to the place inside it that the next sentence names', () => {
    const a = extract(
      'Two soldiers were killed in a helicopter crash in Afghanistan, the army said on Wednesday. It gave no cause. It did not say where it crashed. The Taliban said it went down in Logar province. "It was shot down in Kolangar area of Pul-i-Alam, Logar," a Taliban spokesman said.',
    );
    expect(placeById(killedIn(a)[0]?.location?.placeId ?? '')).toMatchObject({
      name: 'Kolangar',
      country: 'AF',
    });
  });

  it('refines a country to the city the fourth sentence after names', () => {
    const a = extract(
      'Gunmen killed 19 people at a museum in Tunisia on Wednesday. It was the deadliest assault in a decade. No group said it was behind it. Gunmen in uniform had stormed the building. The museum is near the parliament in downtown Tunis.',
    );
    expect(killedIn(a)[0]?.location).toMatchObject({ name: 'Tunis', geoPrecision: 2 });
  });
});

describe('places the gazetteer lacks, where the text says what and where they are', () => {
  const killedIn = (a: ExtractedArticle) => a.events.filter((e) => e.casualties.killed);
  const placeOf = (a: ExtractedArticle) => placeById(killedIn(a)[0]?.location?.placeId ?? '');

  it.each([
    // a part of the province it is said to lie in: ACLED's geo precision 2
    ['Gunmen killed 12 people in the village of Kpanje, in Benue state, police said.', 'Kpanje', 'NG', 2],
    [
      'Gang members killed 20 people in the Wharf Jeremie neighbourhood of Port-au-Prince on Saturday.',
      'Wharf Jeremie',
      'HT',
      2,
    ],
    [
      'Jihadists killed 15 soldiers in Barsalogho, also in northern Burkina Faso, on Sunday.',
      'Barsalogho',
      'BF',
      3,
    ],
    ['Sudanese army drones struck the Zamzam camp near El Fasher, killing eight people.', 'Zamzam', 'SD', 2],
    [
      'Israeli strikes killed four people near the Lebanese village of Aitaroun on Tuesday.',
      'Aitaroun',
      'LB',
      3,
    ],
  ])('%s → %s in %s, geo precision %i', (sentence, name, country, precision) => {
    const a = extract(sentence);
    expect(placeOf(a)).toMatchObject({ name, country });
    expect(killedIn(a)[0]?.location?.geoPrecision).toBe(precision);
  });

  it.each([
    [
      'Gangs attacked residents in Cite Soleil on Friday, killing 15 people, Haitian police said.',
      'Cite Soleil',
      'HT',
      'place:ht',
    ],
    [
      'Sudanese army officers said fighting near Babanusa killed 30 fighters on Monday.',
      'Babanusa',
      'SD',
      'place:sd',
    ],
    [
      "Jihadists killed five soldiers outside Djibasso on Sunday, Burkina Faso's army said.",
      'Djibasso',
      'BF',
      'place:bf',
    ],
    // the province the same sentence names
    [
      "In Nigeria's Borno state, gunmen killed nine farmers near Ngamdu on Monday.",
      'Ngamdu',
      'NG',
      'place:a1:NG.27',
    ],
  ])(
    'takes a bare name after "in", "near" or "outside" for a place it lacks: %s',
    (sentence, name, country, parent) => {
      const a = extract(sentence);
      expect(placeOf(a)).toMatchObject({ name, country, parentId: parent });
    },
  );

  it('puts a bare name in the country its own sentence says, not the province the sentence before named', () => {
    const a = extract(
      'Jihadists killed 35 soldiers near Djibo in the Soum province of Burkina Faso on Thursday. In neighbouring Mali, an army drone strike killed eight people at a market in Tinzaouaten.',
    );
    const strike = a.events.find((e) => e.kind === 'drone_strike');
    expect(placeById(strike?.location?.placeId ?? '')).toMatchObject({ name: 'Tinzaouaten', country: 'ML' });
  });

  it("puts a place in the part of a country the text names after the country's possessive", () => {
    const a = extract(
      "Gang members killed at least 70 people in an attack on the town of Pont-Sonde in Haiti's central Artibonite region.",
    );
    expect(placeOf(a)).toMatchObject({ name: 'Pont-Sonde', country: 'HT', admin1: 'Artibonite' });
    expect(killedIn(a)[0]?.location?.geoPrecision).toBe(2);
  });

  it('takes a street or a square named bare for a landmark, not a town', () => {
    const a = extract('Shelling killed three people in Baron Street in Aleppo on Monday, a monitor said.');
    expect(placeOf(a)).toMatchObject({ name: 'Baron Street', kind: 'landmark' });
  });

  it('places a bare name at geo precision 2 in a province, 3 with only its country known', () => {
    expect(
      killedIn(extract("In Nigeria's Borno state, gunmen killed nine farmers near Ngamdu on Monday."))[0]
        ?.location?.geoPrecision,
    ).toBe(2);
    expect(
      killedIn(extract('Sudanese army officers said fighting near Babanusa killed 30 fighters on Monday.'))[0]
        ?.location?.geoPrecision,
    ).toBe(3);
  });

  it.each([
    [
      'RSF fighters shelled Babanusa, West Kordofan, on Saturday, killing eight civilians.',
      'Babanusa',
      'West Kordofan',
    ],
    [
      'The militia killed nine civilians in Kalehe, South Kivu, on Thursday, officials said.',
      'Kalehe',
      'South Kivu',
    ],
  ])('names a town the gazetteer lacks with the province written after it: %s', (sentence, name, admin1) => {
    const a = extract(sentence);
    expect(placeOf(a)).toMatchObject({ name, admin1 });
    expect(killedIn(a)[0]?.location).toMatchObject({ name, geoPrecision: 2 });
  });

  it.each([
    ['The motion passed in Parliament on Tuesday after two soldiers were killed in Sudan.'],
    ["Four civilians were killed in Reuters' count of the strikes in Gaza on Monday."],
    ["The hostages remain in Hamas's hands after an attack killed three soldiers in Gaza."],
    ['Air strikes killed 20 people in Gaza in January, officials said.'],
    ['Delegates met in Geneva talks after shelling killed five people in Kharkiv.'],
    ["Police said two people were killed in Smith's house in Port-au-Prince on Sunday."],
    ['Gunmen killed six people near Ahmed Musa, who leads the local council, in Mali on Friday.'],
    ['Militants attacked troops in Kremlin-backed operations, killing four, Ukraine said.'],
    ['The report, published in Arabic, said 12 people were killed in Sudan on Monday.'],
    ["Gunmen killed six people in Mayor Ahmed's village on Monday in Niger."],
    ['An official, Mohamed Ali, Borno state commissioner, said gunmen killed nine people on Monday.'],
    ['Police killed four suspects in Operation Safe Streets in Kenya on Monday.'],
    // copy that lost its apostrophes, an operation's name, an armed group the actor list may lack
    ['Nine civilians were killed in Mondays attack on a market in Sudan, medics said.'],
    ['Turkish troops killed 12 fighters in Euphrates Shield, the army said in Syria.'],
    ['Fighters killed four soldiers in Jaysh al-Adl raids in Iran on Monday.'],
    ['Gunmen killed five people in Southwest of Niger on Monday.'],
    ['The plan, published in Haaretz on Monday, came after strikes killed 18 people in Gaza.'],
    ['"We are working in Good Faith," a mediator said after strikes killed 18 people in Gaza.'],
  ])('takes no bare name for a place from %s', (sentence) => {
    const a = extract(sentence);
    expect(a.mentions.places.filter((p) => p.id?.startsWith('unlisted:'))).toEqual([]);
  });

  it('puts a place the text says lies in the north of "the country" in the country the story is about', () => {
    const a = extract(
      'Seven soldiers were killed in an attack in northern Burkina Faso on Tuesday. The attack targeted a detachment located in Barsalogho, in the north of the country.',
    );
    expect(placeOf(a)).toMatchObject({ name: 'Barsalogho', country: 'BF' });
  });

  it('does not take a reference point far off as what the place lies in', () => {
    const a = extract(
      'Afghan troops repelled an attack on "Kalanak" peak, 300 kms north of Kabul, killing 40 Taliban fighters.',
    );
    expect(placeOf(a)).toMatchObject({ name: 'Kalanak', parentId: 'place:af' });
  });

  it("puts a neighbourhood named alone in the story's city, not in the capital of a foreign side", () => {
    const a = extract(
      'Russian drones struck Kharkiv on Monday. Officials in Moscow denied any role. Drones struck homes in the Saltivka neighbourhood, killing six people.',
    );
    expect(placeOf(a)).toMatchObject({ name: 'Saltivka', country: 'UA' });
  });

  it('does not put a town in the country it is said to border', () => {
    const a = extract(
      'BAMAKO (Reuters) - JNIM fighters ambushed an army convoy near the town of Tinzaouaten on the border with Algeria, killing 47 soldiers.',
    );
    expect(a.events.map((e) => e.location?.placeId ?? null).filter((id) => id?.includes('place:dz'))).toEqual(
      [],
    );
    expect(a.events.map((e) => e.location?.name)).not.toContain('Algeria');
  });

  it('reads a township the gazetteer lacks', () => {
    const a = extract(
      'On 4 March, clashes near Kyauktaw in Rakhine state killed 20 soldiers. On 5 March, a landmine explosion in Mrauk-U township injured three children.',
    );
    expect(a.events.find((e) => e.kind === 'bombing')?.location?.name).toBe('Mrauk-U');
  });

  it('knows the name again where the article writes it alone', () => {
    const a = extract(
      'Myanmar troops shelled the Kyaukki area of Bago region. Fighting near Kyaukki killed five villagers on Monday.',
    );
    expect(placeOf(a)?.name).toBe('Kyaukki');
  });

  it.each([
    ['Russian troops pushed into the Russian-held area of the region, killing three soldiers.'],
    ['Sudanese army shelling of the RSF base killed five fighters on Sunday.'],
    ['The Islamic State area was hit by strikes that killed four fighters, the Pentagon said.'],
    ['Gunmen attacked the Druze village near Suwayda, killing three people.'],
    ['Shelling hit the Kurdish area of the town, killing two civilians.'],
    // another spelling of a curated place, and the same with a possessive that lost its apostrophe
    ['A car bomb exploded in the Salaheddin district of Aleppo, killing six people.'],
    ['A car bomb exploded in Aleppos Salaheddin district, killing six people.'],
  ])('takes no name from %s', (sentence) => {
    const a = extract(sentence);
    expect(a.mentions.places.filter((p) => p.id?.startsWith('unlisted:'))).toEqual([]);
  });
});

describe('the world gazetteer', () => {
  it('holds GeoNames places with ids, divisions, coordinates and population', () => {
    const w = loadWorld();
    expect(w.places).toBeGreaterThan(190_000);
    const kyiv = placeById('geonames:703448');
    expect(kyiv).toMatchObject({ name: 'Kyiv', country: 'UA', geonamesId: 703448, kind: 'city' });
    expect(kyiv?.population).toBeGreaterThan(2_000_000);
    expect(kyiv?.lat).toBeCloseTo(50.45, 1);
  });

  it('gives a division the name the press writes as an alias ("Arauca" for "Arauca Department")', () => {
    const a = extract('Rebels fired rockets at a military base in Arauca province, killing two soldiers.');
    const division = placeById(a.events.find((e) => e.casualties.killed)?.location?.placeId ?? '');
    expect(division?.kind).toBe('governorate');
    expect(division?.aliases).toContain('Arauca');
  });

  it('ties the curated overlay to GeoNames ids', () => {
    expect(placeById('place:sy:aleppo')?.geonamesId).toBe(170063);
  });
});

describe("a country's own part", () => {
  it.each([
    ["Gunmen killed 20 people in northwest Nigeria's Kaduna state on Thursday.", 'Kaduna'],
    ["A drone strike killed 26 people in Ethiopia's Amhara region on Sunday.", 'Amhara'],
    // a country written before the part is no first name of a person named by the part
    [
      "Ukrainian drones hit an oil depot in Russia's Belgorod region, killing two, the governor said.",
      'Belgorod',
    ],
    ["Shelling killed a woman in Russia's Kursk region on Friday, officials said.", 'Kursk'],
  ])('places %s in the part, not the country', (body, part) => {
    const where = extract(body).events[0]?.location?.name ?? '';
    expect(where).toContain(part);
  });
});

describe("a state's name that holds a region's", () => {
  // the press writes "North Darfur" where GeoNames has "Northern Darfur"; a curated region
  // ("Darfur", "Kordofan") inside the state's name is not the place
  it.each([
    ['RSF drones killed 14 people in North Darfur, Sudan, on Monday.', 'SD.55'],
    ['Fighting in West Darfur killed 12 civilians, Sudanese medics said.', 'SD.47'],
    ['Army shelling killed seven people in South Kordofan, Sudan, on Sunday.', 'SD.50'],
    ['Army shelling killed seven civilians in West Kordofan on Sunday, residents said.', 'SD.62'],
  ])('places %s in the state', (body, code) => {
    expect(extract(body).events[0]?.location?.placeId).toBe(`place:a1:${code}`);
  });

  it('keeps the region where the text names only the region', () => {
    expect(
      extract('Fighting in Darfur killed 12 civilians, Sudanese medics said.').events[0]?.location?.placeId,
    ).toBe('place:sd:darfur');
  });
});

describe('a sentence opening with a preposition', () => {
  it.each([
    ['In Kyiv, 33 people were killed, city officials said.', 'Kyiv'],
    ['In Odesa, a drone strike killed five people on Monday.', 'Odesa'],
  ])('places %s', (body, name) => {
    expect(extract(body).events[0]?.location?.name).toBe(name);
  });
});

describe('a name two countries share', () => {
  it.each([
    [
      "Militants killed 80 people in eastern Congo's North Kivu province, officials in the Democratic Republic of Congo said.",
      'CD',
    ],
    [
      'Gunmen killed five people in Brazzaville, the capital of the Republic of Congo, on Monday. Congo has seen unrest.',
      'CG',
    ],
  ])('takes the one the article is about: %s', (body, country) => {
    const a = extract(body);
    const where = placeById(a.events[0]?.location?.placeId ?? '');
    expect(where?.country).toBe(country);
  });
});
