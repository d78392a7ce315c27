import { isoDate, MONTHS } from './calendar.ts';

/** A calendar date written out in the text; `year` is null when the text gives none. */
export interface ExplicitDate {
  index: number;
  text: string;
  year: number | null;
  month: number;
  day: number;
}

const MON =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d\\d)';

/**
 * Month first ("Sept. 21, 2016", "December 9", "Apr 232017" where a site glued day and year),
 * day first ("05 Apr 2017", "29 August 2016"), and numeric day-first ("24.08.2013",
 * "16-12-2014"). Capitalised month names only: "may" in prose is a verb.
 */
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [number | null, string, string] }[] = [
  {
    re: new RegExp(`\\b${MON}\\.? ?(\\d{1,2})${YEAR}\\b`, 'g'),
    read: (m) => [Number(m[3]), m[1] as string, m[2] as string],
  },
  {
    re: new RegExp(`\\b${MON}\\.?\\s+${DAY}\\b(?:,?\\s+${YEAR}\\b)?`, 'g'),
    read: (m) => [m[3] ? Number(m[3]) : null, m[1] as string, m[2] as string],
  },
  {
    re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MON}\\b\\.?(?:,?\\s+${YEAR}\\b)?`, 'g'),
    read: (m) => [m[3] ? Number(m[3]) : null, m[2] as string, m[1] as string],
  },
  {
    // (?!\d) rather than \b: Sputnik glues the next word on ("21.08.2013Get short URL").
    re: /\b(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d\d)(?!\d)/g,
    read: (m) => [Number(m[3]), m[2] as string, m[1] as string],
  },
];

export function findExplicitDates(text: string): ExplicitDate[] {
  const found: ExplicitDate[] = [];
  const taken: [number, number][] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const [year, monthText, dayText] = read(m);
      const month = /^\d+$/.test(monthText) ? Number(monthText) : MONTHS[monthText.toLowerCase()];
      const day = Number(dayText);
      if (!month || month > 12 || day < 1 || day > 31) continue;
      if (year !== null && isoDate(year, month, day) === null) continue;
      taken.push([start, end]);
      found.push({ index: start, text: m[0].replace(/[.,\s]+$/, ''), year, month, day });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

export function explicitIso(date: ExplicitDate): string | null {
  return date.year === null ? null : isoDate(date.year, date.month, date.day);
}
