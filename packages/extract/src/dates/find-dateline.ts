import { explicitIso, findExplicitDates } from './explicit-dates.ts';

export interface Dateline {
  /** the dateline as printed, e.g. "Wed 05 Apr 2017", "Published June 8 2016" */
  text: string;
  /** offsets in the string searched */
  start: number;
  end: number;
  date: string | null;
  /** "Last updated" dates are later than publication; trusted less */
  confidence: number;
}

const LEAD =
  /^(?:(?:AFP|Reuters|AP|AA|SANA|TASS|DPA),?\s+)?(?:(?:Posted|Published|Updated|Last updated)(?:\s+(?:on|at|:))?:?\s*|Date of publication:?\s*)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:GMT|UTC|ET|EST|EDT|BST|CET|CEST|EAT|WAT|CAT|IST|PKT|AST)?(?:[+-]\d{1,2})?,?\s+)?/i;

/**
 * A publication date printed at the start of a text ("Wed 05 Apr 2017", "Published June 8
 * 2016", "Date of publication 29 August 2016", "16-12-2014", "Thu Dec 15 2016", "Published
 * 12:04 GMT, 14 January 2026"): only a date
 * with a year, and only at the very start, counts as a dateline.
 */
export function findDateline(text: string): Dateline | null {
  const head = text.slice(0, 80);
  const lead = LEAD.exec(head);
  const leadLength = lead ? lead[0].length : 0;
  const dates = findExplicitDates(head.slice(leadLength, leadLength + 40));
  const first = dates[0];
  if (first?.index !== 0 || first.year === null) return null;
  const date = explicitIso(first);
  const end = leadLength + first.text.length;
  const updated = /updated/i.test(lead?.[0] ?? '');
  return { text: head.slice(0, end).trim(), start: 0, end, date, confidence: updated ? 0.7 : 0.95 };
}
