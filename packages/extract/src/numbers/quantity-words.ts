import type { Measure, PersonGroup } from '@sitrep/schema/quantity';

/**
 * The words that say what a number counts, from the seed reports and FA-KES's casualty
 * vocabulary. Order matters in MEASURE_AFTER: the earliest match after the number wins, and
 * "need to be evacuated" must be tried before "evacuated".
 */
/** "killed or wounded", "killed, wounded or captured", "dead or injured": several fates in one figure. */
const MIXED =
  /\b(?:killed|dead|died)\s*,?\s+(?:or|and(?:\/or)?)\s+(?:wounded|injured|hurt|captured|missing)\b|\b(?:killed|dead)\s*,\s+(?:wounded|injured)\s*,?\s+(?:or|and)\s+(?:captured|missing|taken prisoner|detained)\b/i;

export const GROUP_NOUNS: [RegExp, PersonGroup, Measure | null][] = [
  [
    /^(?:people|persons?|residents?|individuals?|inhabitants|citizens?|others|protesters?|victims?|members?|officers?|policem[ae]n|police officers?|guards?|sailors?|crew members?|passengers?|worshippers?|pilgrims?|students?|villagers?|farmers?|workers?|tourists?|visitors?|foreigners?|nationals|hostages?|mayors?|politicians?|officials?|judges?|teachers?|priests?|imams?)\b/i,
    'people',
    null,
  ],
  [/^(?:towns|villages|areas|neighbou?rhoods|districts)\b/i, 'things', null],
  [/^civilians?\b/i, 'civilians', null],
  [/^(?:children|child|kids|babies|baby|minors|boys?|girls?)\b/i, 'children', null],
  [/^wom[ae]n\b/i, 'women', null],
  [/^m[ae]n\b/i, 'men', null],
  // ("two fighter jets" are aircraft, not people)
  [
    /^(?:fighters?(?!\s+(?:jets?|planes?|aircraft|bombers?|helicopters?|squadrons?)\b)|combatants?|gunm[ae]n|assailants?|attackers?)\b/i,
    'fighters',
    null,
  ],
  [/^(?:rebels?|insurgents?|guerrillas?)\b/i, 'rebels', null],
  [
    /^(?:soldiers?|service ?members?|servicem[ae]n|marines?|peacekeepers?|gendarmes?|conscripts?)\b/i,
    'soldiers',
    null,
  ],
  [/^(?:troops|forces)\b/i, 'troops', null],
  [/^(?:militants?|jihadists?|terrorists?|militiam[ae]n)\b/i, 'militants', null],
  [
    /^(?:doctors?|medics?|nurses?|paramedics?|health workers|medical (?:staff|workers))\b/i,
    'medical_staff',
    null,
  ],
  [/^(?:journalists?|reporters?|photographers?|cameram[ae]n)\b/i, 'journalists', null],
  [/^aid workers?\b/i, 'aid_workers', null],
  [/^(?:staff|employees?)\b/i, 'staff', null],
  [/^families\b/i, 'families', null],
  [/^(?:resolutions?|drafts?)\b/i, 'things', null],
  // "Two fighter jets dropped bombs ... where displaced families sheltered": aircraft and vehicles
  // are counted as what they are, never given a fate of people told later in the sentence
  [
    /^(?:fighter jets?|fighter planes?|jets|warplanes?|war planes?|aircraft|helicopters?|planes?|tanks?|armou?red vehicles?|vehicles?|trucks?|cars?|boats?|ships?|vessels?)\b/i,
    'things',
    'other',
  ],
  [/^casualties\b/i, 'people', 'casualties'],
  [/^injuries\b/i, 'people', 'injured'],
  [/^(?:dead|deaths|bodies|fatalities|murders|killings)\b/i, 'people', 'killed'],
  [/^(?:air ?strikes?|strikes?|raids?|air raids?|sorties)\b/i, 'things', 'strikes'],
  [
    /^(?:barrels?|barrel bombs?|bombs?|shells?|rockets?|missiles?|mortars?|mines?|drones?)\b/i,
    'things',
    'munitions',
  ],
  [/^(?:percent|per cent|%)/i, 'things', 'percent_territory'],
];

export const MEASURE_AFTER: [RegExp, Measure][] = [
  [/\b(?:need(?:s|ing)?|awaiting|waiting)\s+(?:to\s+be\s+)?(?:medical\s+)?evacuat/i, 'awaiting_evacuation'],
  // "killed or wounded", "killed, wounded or captured": one figure for several fates, never a death toll
  [MIXED, 'casualties'],
  [
    /\b(?:killed|dead|died|deaths?|lost their lives|massacred|executed|slain|martyred|murdered|assassinated|neutrali[sz]ed|perished|fatalities)\b/i,
    'killed',
  ],
  [/\b(?:injured|wounded|hurt|(?:suffered|sustained|treated for|with) (?:[\w-]+ )?injuries)\b/i, 'injured'],
  [/\bcasualties\b/i, 'casualties'],
  [/\b(?:missing|disappeared)\b/i, 'missing'],
  [/\b(?:detained|arrested|abducted|kidnapped)\b/i, 'detained'],
  [/\b(?:fled|fleeing|escaped)\b/i, 'fled'],
  [/\bdisplaced\b/i, 'displaced'],
  [/\bevacuated\b/i, 'evacuated'],
  [/\b(?:trapped|squeezed|stranded)\b/i, 'trapped'],
  [/\bbesieged\b/i, 'besieged'],
  [/\bcritical (?:situation|condition)\b/i, 'critical'],
  [/\bin need\b/i, 'in_need'],
];

/** A verb just before the number: "killed 13 civilians", "vetoed six resolutions". */
const FILLER = String.raw`(?:\s+(?:a|an|the|some|a total of|a confirmed|another|at least))*\s+$`;
export const MEASURE_BEFORE: [RegExp, Measure][] = [
  [
    new RegExp(
      String.raw`\b(?:killed|killing|dead)\s*,?\s+(?:or|and(?:/or)?)\s+(?:wounded|injured|wounding|injuring)` +
        FILLER,
      'i',
    ),
    'casualties',
  ],
  [
    new RegExp(
      String.raw`\b(?:killed|kill|kills|killing|killing of|deaths of|death of|claimed the lives of|(?:taken|took|taking) the lives of|beheaded|executed|shot dead|massacred|bodies of|murdered|assassinated|neutrali[sz]ed|neutrali[sz]ing)` +
        FILLER,
      'i',
    ),
    'killed',
  ],
  [/\b(?:those killed|the dead|the victims|the death toll)\s+(?:included|include|were|was)\s+$/i, 'killed'],
  // "the death toll from that strike had risen to 21"
  [
    /(?<!\b(?:previous|earlier|initial|preliminary|former|old)\s+(?:death\s+)?)\b(?:death toll|toll|number of (?:dead|deaths|people killed|fatalities))\b[^.;]{0,60}?\b(?:rose|risen|climbed|jumped|increased|reached|hit|stood at|stands at|is|was|at)\s+(?:to\s+)?$/i,
    'killed',
  ],
  // "The death toll from an attack by Islamist militants on villages in eastern Congo's North Kivu
  // province last week has risen to 80": a toll that rose may be named far before its figure
  [
    /(?<!\b(?:previous|earlier|initial|preliminary|former|old)\s+(?:death\s+)?)\b(?:death toll|number of (?:dead|deaths|people killed|fatalities))\b[^.;]{0,140}?\b(?:has|had|have)\s+(?:now\s+)?(?:risen|climbed|jumped|increased)\s+to\s+$/i,
    'killed',
  ],
  [new RegExp(String.raw`\b(?:injured|wounded|injuring|wounding)` + FILLER, 'i'), 'injured'],
  [/\bvetoed\s+$/i, 'vetoes'],
  [new RegExp(String.raw`\b(?:evacuated|evacuating|evacuation of)` + FILLER, 'i'), 'evacuated'],
  [
    new RegExp(String.raw`\b(?:detained|arrested|detaining|arresting|abducted|kidnapped)` + FILLER, 'i'),
    'detained',
  ],
];

/** Words after a number that make it a duration, a distance, an age or how often ("three times"), never a count of people. */
export const NOT_A_COUNT_AFTER =
  /^(?:\s*-?\s*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|times|km\/h|kph|mph|km|kms|kilometres?|kilometers?|miles?|nautical miles|metres?|meters?|feet|ft|inch(?:es)?|mm|cm|kg|kgs|kilograms?|kilos?|tonnes?|tons?|knots|acres?|hectares?|barrels? (?:of|per) (?:oil|crude|fuel)|bpd|dollars?|dlrs?|mln|bln|euros?|pounds|pesos|rupees|shekels|yuan|pct|degrees|calibre|caliber|years? old|year-old|am|pm|a\.m\.|p\.m\.|GMT|UTC)(?![\w/])|-(?:member|year|day|week|month|hour|strong)\b)/i;

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
export const DATE_BEFORE = new RegExp(`\\b${MONTH}\\s+$`);
export const DATE_AFTER = new RegExp(`^\\s+(?:of\\s+)?${MONTH}`);
/** "aged nine", "Mohammed, 12,", "World War Two", "Resolution 2254" */
export const NOT_A_COUNT_BEFORE =
  /(?:\baged\s+|(?<!\p{L})(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Meanwhile|However|Overall|Elsewhere|Separately|Earlier|Later|Since|Today|Yesterday|Altogether|Together|In|On|At|By|Of)\b)\p{Lu}[\p{Ll}'’]+,\s*|\bWar\s+|\b[Rr]esolution\s+|\bNo\.\s*|\bnumber\s+|[$€£¥₹]\s*|\b(?:US\$|USD|Rs\.?)\s*|\b(?:Brigade|Division|Battalion|Regiment|Corps|Unit|Article|Chapter|Section|Flight|Route|Highway|Gate|Block|Sector|Zone|Phase|Grade|Class|Category|Level|Paragraph|Protocol|Convention)\s+)$/u;
