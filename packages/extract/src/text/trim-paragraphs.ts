import type { Credit } from '@sitrep/schema/article';
import { type Dateline, findDateline } from '../dates/find-dateline.ts';
import { cleanRange, cleanString } from './clean-text.ts';
import { creditsFromList } from './credits.ts';
import { loadFurniture } from './furniture.ts';

export interface Segment {
  start: number;
  end: number;
}

export interface Trimmed {
  segments: Segment[];
  dateline: Dateline | null;
  credits: Credit[];
  /** an outlet named by a sign-off ("TRTWorld and agencies") or an agency dateline ("(Reuters) -") */
  outletName: string | null;
}

/** "at 0914", "10:59", "2037 UTC+3" — but not "135" in "07 December 2016 135 Civilians Killed". */
const TIME =
  /^\s*(?:at\s+\d{1,2}:?\d{2}|\d{1,2}:\d{2}|\d{4}(?=\s*(?:UTC|GMT)))(?:\s*(?:UTC|GMT|KSA)\s*[+-]?\d*)?(?=\s)/;
/**
 * An agency dateline: "BEIRUT (Reuters) -", "PORT SUDAN, Sudan (Reuters) -", "GOMA, Congo (AP) —",
 * "BEIRUT/THE HAGUE, March 7 (Reuters) -", with a hyphen or a dash. The city in capitals, then at
 * most the country or state and a day, then the agency in brackets right before the dash: an
 * ordinary first sentence with a hyphen ("UN-backed talks - which ...") has no bracketed agency there.
 */
const AGENCY_DATELINE =
  /^((?:\p{Lu}[\p{Lu} .'’/-]*(?:,\s*\p{Lu}[\p{L} .'’-]{0,30}?)?(?:,?\s*\p{Lu}[a-z]{2,8}\.? \d{1,2})?,?\s*)?\((Reuters|AFP|AP|AA)\))\s*[-\u2013\u2014]+\s*/u;
/**
 * SANA's "Aleppo, SANA –" / "SANA-" opening; "SANA reporter said" is prose and stays, and so does
 * Yemen's capital ("SANAA, Yemen (AP) —" is another agency's dateline, read with the places).
 */
const SANA_DATELINE = /^((?:\p{Lu}[\p{L}' -]*?,?\s+)?(SANA))(?!\p{L})\s*(?:[-\u2013\u2014]\s*|(?=\p{Lu}))/u;
const TAIL_WINDOW = 600;

/**
 * Trims what is printed inside the paragraphs but is not the article: a leading dateline,
 * the headline repeated at the start (FA-KES), an agency dateline, sign-offs and footers at
 * the end (crediting the agencies they name), and link teasers anywhere.
 */
export function trimParagraphs(
  original: string,
  paragraphs: Segment[],
  headline: string | null,
  hasDateline: boolean,
): Trimmed {
  const result: Trimmed = { segments: [], dateline: null, credits: [], outletName: null };
  const body = paragraphs.map((p) => ({ ...p }));
  const first = body[0];
  if (first) first.start = trimLead(original, first, headline, hasDateline, result);
  for (let k = 0; k < 3 && body.length > 0; k++) {
    const last = body[body.length - 1] as Segment;
    last.end = trimTail(original, last, result);
    if (last.end > last.start) break;
    body.pop();
  }
  const inline = loadFurniture().inline;
  for (const p of body) {
    if (p.end <= p.start) continue;
    const text = original.slice(p.start, p.end);
    let from = 0;
    inline.lastIndex = 0;
    for (let m = inline.exec(text); m !== null; m = inline.exec(text)) {
      if (m[0].length === 0) {
        inline.lastIndex++;
        continue;
      }
      pushTrimmed(original, result.segments, p.start + from, p.start + m.index);
      from = m.index + m[0].length;
    }
    pushTrimmed(original, result.segments, p.start + from, p.end);
  }
  return result;
}

function trimLead(
  original: string,
  p: Segment,
  headline: string | null,
  hasDateline: boolean,
  out: Trimmed,
): number {
  let at = p.start;
  let wanted = headline ? cleanString(headline).toLowerCase() : null;
  for (let step = 0; step < 4; step++) {
    const rest = original.slice(at, Math.min(p.end, at + 400));
    const dateline = !hasDateline && out.dateline === null ? findDateline(rest) : null;
    if (dateline?.date) {
      out.dateline = { ...dateline, start: at + dateline.start, end: at + dateline.end };
      at += dateline.end;
      const time = TIME.exec(original.slice(at, at + 30));
      if (time) at += time[0].length;
      at = skip(original, at, p.end);
      continue;
    }
    if (wanted) {
      const clean = cleanRange(original, at, Math.min(p.end, at + wanted.length + 40));
      const boundary = !/[\p{L}\p{N}]/u.test(clean.text.charAt(wanted.length));
      if (wanted.length > 0 && boundary && clean.text.toLowerCase().startsWith(wanted)) {
        at = skip(original, clean.map[wanted.length] ?? at, p.end);
        wanted = null;
        continue;
      }
    }
    const lead = loadFurniture().leads.find((re) => re.test(rest));
    if (lead) {
      at = skip(original, at + (lead.exec(rest)?.[0].length ?? 0), p.end);
      continue;
    }
    const agency = AGENCY_DATELINE.exec(rest) ?? SANA_DATELINE.exec(rest);
    if (agency) {
      if (out.dateline === null && !hasDateline)
        out.dateline = {
          text: (agency[1] as string).trim(),
          start: at,
          end: at + (agency[1] as string).length,
          date: null,
          confidence: 0,
        };
      out.outletName = agency[2] as string;
      at += agency[0].length;
      continue;
    }
    break;
  }
  return at;
}

function trimTail(original: string, p: Segment, out: Trimmed): number {
  let end = p.end;
  for (let step = 0; step < 12; step++) {
    const from = Math.max(p.start, end - TAIL_WINDOW);
    const text = original.slice(from, end);
    let matched = false;
    for (const rule of loadFurniture().tails) {
      if (rule.quick && !rule.quick.test(text)) continue;
      const m = rule.re.exec(text);
      if (!m) continue;
      // A window that cut a paragraph mid-way must not let "^" match inside the text.
      if (m.index === 0 && from > p.start && rule.re.source.startsWith('^')) continue;
      const listText = m[1];
      if (rule.credit && listText !== undefined) {
        const listStart = from + m.index + m[0].indexOf(listText);
        out.credits.push(...creditsFromList(listText, listStart, rule.credit));
        if (rule.outlet) out.outletName = listText;
      }
      end = from + m.index;
      matched = true;
      break;
    }
    if (!matched || end <= p.start) break;
  }
  while (end > p.start && /\s/.test(original[end - 1] as string)) end--;
  return Math.max(end, p.start);
}

function skip(original: string, at: number, end: number): number {
  let i = at;
  while (i < end && /[\s.:|\u2013\u2014-]/.test(original[i] as string)) i++;
  return i;
}

function pushTrimmed(original: string, segments: Segment[], start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(original[s] as string)) s++;
  while (e > s && /\s/.test(original[e - 1] as string)) e--;
  if (e > s && /[\p{L}\p{N}]/u.test(original.slice(s, e))) segments.push({ start: s, end: e });
}
