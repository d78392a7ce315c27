import type { Measure, PersonGroup } from '@sitrep/schema/quantity';

/**
 * The words that say what a number counts, from the seed reports and FA-KES's casualty
 * vocabulary. Order matters in MEASURE_AFTER: the earliest match after the number wins, and
 * "need to be evacuated" must be tried before "evacuated".
 */
export const GROUP_NOUNS: [RegExp, PersonGroup, Measure | null][] = [
  [
    /^(?:people|persons|residents|individuals|inhabitants|citizens|others|protesters|victims|members|officers|policemen)\b/i,
    'people',
    null,
  ],
  [/^(?:towns|villages|areas|neighbou?rhoods|districts)\b/i, 'things', null],
  [/^civilians?\b/i, 'civilians', null],
  [/^(?:children|child|kids|babies|minors)\b/i, 'children', null],
  [/^women\b/i, 'women', null],
  [/^men\b/i, 'men', null],
  [/^(?:fighters|combatants|gunmen)\b/i, 'fighters', null],
  [/^(?:rebels|insurgents)\b/i, 'rebels', null],
  [/^soldiers\b/i, 'soldiers', null],
  [/^(?:troops|forces)\b/i, 'troops', null],
  [/^(?:militants|jihadists|terrorists)\b/i, 'militants', null],
  [
    /^(?:doctors|medics|nurses|paramedics|health workers|medical (?:staff|workers))\b/i,
    'medical_staff',
    null,
  ],
  [/^journalists\b/i, 'journalists', null],
  [/^aid workers\b/i, 'aid_workers', null],
  [/^(?:staff|employees)\b/i, 'staff', null],
  [/^families\b/i, 'families', null],
  [/^(?:resolutions?|drafts?)\b/i, 'things', null],
  [/^casualties\b/i, 'people', 'casualties'],
  [/^(?:dead|deaths|bodies)\b/i, 'people', 'killed'],
  [/^(?:air ?strikes?|strikes?|raids?|air raids?|sorties)\b/i, 'things', 'strikes'],
  [/^(?:barrels?|barrel bombs?|bombs?|shells?|rockets?|missiles?|mortars?|mines?)\b/i, 'things', 'munitions'],
  [/^(?:percent|per cent|%)/i, 'things', 'percent_territory'],
];

export const MEASURE_AFTER: [RegExp, Measure][] = [
  [/\b(?:need(?:s|ing)?|awaiting|waiting)\s+(?:to\s+be\s+)?(?:medical\s+)?evacuat/i, 'awaiting_evacuation'],
  [/\b(?:killed|dead|died|deaths?|lost their lives|massacred|executed|slain|martyred)\b/i, 'killed'],
  [/\b(?:injured|wounded|hurt)\b/i, 'injured'],
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
      String.raw`\b(?:killed|kill|kills|killing|killing of|deaths of|death of|claimed the lives of|beheaded|executed|shot dead|massacred|bodies of)` +
        FILLER,
      'i',
    ),
    'killed',
  ],
  [/\b(?:those killed|the dead|the victims|the death toll)\s+(?:included|include|were|was)\s+$/i, 'killed'],
  [new RegExp(String.raw`\b(?:injured|wounded|injuring|wounding)` + FILLER, 'i'), 'injured'],
  [/\bvetoed\s+$/i, 'vetoes'],
  [new RegExp(String.raw`\b(?:evacuated|evacuating|evacuation of)` + FILLER, 'i'), 'evacuated'],
  [
    new RegExp(String.raw`\b(?:detained|arrested|detaining|arresting|abducted|kidnapped)` + FILLER, 'i'),
    'detained',
  ],
];

/** Words after a number that make it a duration, a distance or an age, never a count of people. */
export const NOT_A_COUNT_AFTER =
  /^(?:\s*-?\s*(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|km|kilometres?|kilometers?|miles?|metres?|meters?|years? old|year-old|am|pm|a\.m\.|p\.m\.)\b|-(?:member|year|day|week|month|hour)\b)/i;

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
export const DATE_BEFORE = new RegExp(`\\b${MONTH}\\s+$`);
export const DATE_AFTER = new RegExp(`^\\s+(?:of\\s+)?${MONTH}`);
/** "aged nine", "Mohammed, 12,", "World War Two", "Resolution 2254" */
export const NOT_A_COUNT_BEFORE =
  /(?:\baged\s+|\b[A-Z][a-z]+,\s*|\bWar\s+|\b[Rr]esolution\s+|\bNo\.\s*|\bnumber\s+)$/;

/** A war-long running total rather than one day's toll. */
export const CUMULATIVE_BEFORE =
  /\b(?:war|conflict|uprising|crisis)\b[^.;]*\b(?:has|have|had)\s+(?:so far\s+)?(?:killed|claimed)[^.;]*$|\bsince the (?:start|beginning|outbreak) of the (?:war|conflict|crisis|uprising|revolution|fighting)\b[^.;]*$/i;
export const CUMULATIVE_AFTER =
  /^[^.;]*\bsince\s+(?:the\s+(?:(?:start|beginning|outbreak) of the (?:war|conflict|crisis|uprising|revolution|fighting)|conflict|war|uprising|crisis|fighting|revolt)|(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d|it began)|^[^.;]*\bin (?:more than |nearly |almost )?\w+ years of (?:conflict|war|fighting)/i;
