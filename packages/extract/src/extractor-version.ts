/**
 * Names the extraction a record came from; every record carries it (`extractorVersion`). The
 * store re-extracts an article whose stored record came from an older version when the same
 * text is ingested again, so an improved extractor reaches a database through a plain
 * re-ingest instead of a fresh database.
 *
 * Raise it with any change that can alter a record for the same text. It is not left to
 * memory: `test/extractor-version.test.ts` fingerprints the extraction of the seed corpus and
 * fails when that output moves while this number stands still (`npm run fingerprint` records
 * the new fingerprint once the number is raised).
 *
 * 1: the first numbered extraction (2026-12-05); records from before carry none (`null`).
 * 2: the actor right after "by" in a violent event acts ("air strikes by Russia"), unless the
 *    "by" says who holds or arranged something ("held by the army").
 * 3: a side named by its weapon or fire is an actor ("regime air strikes", "Russian bombers",
 *    "rebel shelling", "coalition warplanes"; data/actors.json).
 * 4: an event with no date of its own is dated by its report (precision "reported": the
 *    publication day from metadata or a dateline, or the day a source is said to have reported it).
 * 5: (branch `figures`, before it met 4) the world's states, forces and armed groups
 *    (world-countries, data/armed-groups.json) with `Actor.category`; "the regime" and "rebels"
 *    only in an article about Syria; sources and UN bodies never the side that struck; totals
 *    carry their period (`Quantity.period`) and never an event's toll; mixed fates are
 *    `casualties`, deaths from cold or disease `deaths_non_violent`; listed parts of a toll add
 *    up; competing tolls one range; tolls in words; drone strikes and today's other triggers;
 *    language by franc-min, other languages kept unanalysed (`analysisSkipped`, absent on
 *    analysed articles).
 * 6: 4 and 5 together.
 * 7: the world's places (branch `places`): GeoNames populated places, divisions and countries
 *    (data/world-places.json) resolved in the article's context; curated places carry their
 *    GeoNames id, admin1, admin2 and population; violence is placed in the article's countries,
 *    not Syria only; every event location has ACLED's `geoPrecision`.
 * 8: a share bar with related links before the body (Ahram's "Print Tweet Views N Related …")
 *    no longer cuts the whole body; "the group's de facto capital" is not the country's capital;
 *    "the town" takes the article's first place that is not named as a side ("its Damascus
 *    ally", "pro-Kyiv media"); a dated violent event its sentence does not place takes the place the
 *    next sentence of the paragraph says, when that sentence reports no event of its own; a UN
 *    body's vote as reports word it ("the Security Council voted Friday", "adopted by a vote of
 *    13-0", "passed ... with 13 votes in favour"); a name said to lie in a country ("Kurdistan in
 *    northern Iraq") is that country's place (the curated one holding the name), never another's;
 *    a toll goes to the incident it is told of, not to one told after it as what came before
 *    ("19 killed ... hours after a chemical attack left dozens dead");
 *    an incident's place from the words around it (the sentences before,
 *    the next sentences inside a country, the dateline) at geo precision 2 or 3; datelines of
 *    two cities; "blamed on Kyiv" and "340 km north of Baghdad" are not where; a country the
 *    text puts a name in rules out namesakes elsewhere; every place of GeoNames' cities500,
 *    villages only where the text supports them; seas as places of no country (see README);
 *    "three times" counts how often, never people; the last sentence's place is not carried into one whose states' forces
 *    all belong to another country ("In Iraq ...", then "Syrian government forces dropped ...");
 *    a figure "in two days of attacks" sums several incidents (a total, like "in a series of strikes").
 * 9: places the gazetteer lacks (branch `places14b`), where the text says what and where they are ("the Lebanese village
 *    of X", "the X border area of northeast Iraq", "in X, also in northern Burkina Faso"), at their
 *    parent's coordinates and geo precision 2 or 3; an undated line that goes on with the story
 *    ("The attack killed ...", "It said ...") or is named again by the next sentence takes its
 *    place; a country is refined from the next four sentences, not three; "the country's coast"
 *    is the country named last; "the capital of X state" is the division's seat; a victim in
 *    words ("the mayor ... was killed") beside a total's figure is read.
 *    Figures and sides as other wars write them (branch `figs14`): a number running into a verb
 *    of saying counts speakers ("two security sources said"); a road mishap's dead are no
 *    attack's; a toll told again after its incident joins it (a competing figure, or the wounded
 *    it lacked) instead of making a new attack at the dateline; violence told in the perfect over
 *    a period is background, a few days up to the report an episode; "the deadliest day" is a
 *    day's total; "displaced by fighting" is no clash; a state named after a place and a comma
 *    ("KYIV, Ukraine (AP)"), at a border or as another side's country is no side; sources of
 *    any kind but talks are no participants; demonyms with bombs and missiles name forces;
 *    "civil defence" is the White Helmets only in Syria. At the merge: a timeline's "Thousands more
 *    civilians killed." is no incident; a toll that "rose to" updates the incident; a toll of "the
 *    blast" named again joins it; a wave air defence stopped takes no town from context;
 *    "X-linked" names no side; shells that hit are shelling; townships and IDP camps are places.
 * 10: totals and kinds as other wars' wire copy writes them (branch `acc14c`): a flight counted over
 *    a period ("displaced since April 2023", "across Myanmar") is a total, not a displacement;
 *    "since Russia's full-scale invasion", "since the coup", "which began in 2017" and ", after
 *    days of fighting that killed" are periods ("in Haiti this year" stays dated to its year, a
 *    total shown as context); a toll alone
 *    right after a total is more of it; "three of the dead", "among the dead" join the incident;
 *    a toll update with its own day updates it; "no casualties" after an incident is its killed
 *    and injured 0; a toll in a relative clause belongs to the incident it hangs on; bare
 *    "strikes" take their means from the words nearest them (one family only); "captured one",
 *    "seized power", weapons seized take no ground, forces that "entered" a place take it; an
 *    interview "by phone" is no phone call; the holder of a place struck ("Houthi-held") never
 *    strikes; "Nigeria's Kaduna state" is Kaduna; a comparison's "since ... last month" dates nothing;
 *    "across the Gaza Strip" sums; "In Kyiv, 33 people" is a count in Kyiv; a toll that "has risen
 *    to" is read across its sentence; "Congo" in a DRC report is DR Congo.
 *    Then (branch `acc14d`): two incidents told side by side in one sentence (", while", ", and",
 *    ";"), each clause with its own violence and toll, are two events, each with the toll, place,
 *    actors and day of its own clause (a clause may name its violence by a side that kills:
 *    "and police killed four gang members"); "Two days earlier, ...", "The day before, ...", "a week
 *    earlier" count back from the last incident told before with a day, not from the report; a
 *    place the gazetteer lacks ("near Babanusa", "the town of X") is never the dateline's city
 *    nor the city told before: where the article says it lies ("Sevre in ... Idlib"), else at
 *    most the province of the place told just before (not across "Separately, ..."), else the
 *    article's one country (not one it is said to border), all at geo precision 2 or 3.
 *    Places (branch `place14e`): "Russia's Kursk region" is Kursk Oblast (a possessive is no
 *    first name); "North Darfur", "South Kordofan" are the states GeoNames writes "Northern",
 *    "Southern", not the curated region inside their name; a wave launched "at the country" is
 *    in the story's country, not the city told before or after it.
 * 11: what invented reports of other wars showed (branches `date15c`, `place15b`, `acc15a`,
 *    2026-12-08). Dates: a date line with a two-digit year under the headline ("24/09/20") is the
 *    date line, not the headline, and a date only when the body rules its other readings out; no
 *    relative day is read from a publication date inferred from the body (a bound from below).
 *    Figures: a toll over months or years ("between January and June", "from 2015 to 2019", "in
 *    the first six months of 2024") is a total; victims listed after one in words add up
 *    ("killing a man, his wife and their three children" 5, "injuring a driver and two
 *    passengers" 3); "displaced" describing people opens no flight; an assault repelled is an
 *    armed clash. Events (acc15a): a wave launched at a country is one event there (drones a
 *    drone strike, missiles or rockets shelling, counted by what was launched); trigger words
 *    that share a phrase are one incident ("glide bomb attack", a device dropped by a drone);
 *    attackers killed in their own attack, told after it, join it; an attack "with
 *    explosive-laden drones" is of its means' kind; "has been fighting for 15 years" names a war;
 *    some of the dead told after join the incident; a month named alone ("seized Goma in
 *    January") dates its event, a month in a later clause of its own does not; a toll that names
 *    its incident again ("during the fighting") joins it though it was told with none. Places: part of a city ("the Delmas
 *    neighbourhood") is in the story's countries; a town's own name outweighs a larger town's
 *    alternate ("Pokrovsk" is not Engels); a strike "on" a city is a place cue ("a U.S.
 *    strike on Hodeidah" is in Yemen); a country right before the arms it sends ("a US drone
 *    strike") is the side, not the place; "the Port-au-Prince suburb of Kenscoff" is Kenscoff;
 *    (place15b) agency datelines "PORT SUDAN, Sudan
 *    (Reuters) -" with a hyphen or dash; a bare name the gazetteer lacks after "in"/"near"/
 *    "outside" is an unlisted town in the province or country given; "Babanusa, West Kordofan"
 *    names the town in its state; a division no other country has ("North Kivu") needs no
 *    country; "In neighbouring Mali" places its sentence in Mali; "Khartoum North" is Khartoum.
 */
export const EXTRACTOR_VERSION = 11;
