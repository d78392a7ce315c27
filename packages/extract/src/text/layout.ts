import type { Credit } from '@sitrep/schema/article';
import { readNumericDateLine } from '../dates/date-line.ts';
import { type Dateline, findDateline } from '../dates/find-dateline.ts';
import { type FoundCaption, readCaption } from './captions.ts';
import { cleanString, keepsMoreThan } from './clean-text.ts';
import { photoCredit } from './credits.ts';
import { isFurnitureLine, isLinkListHeading } from './furniture.ts';
import { endsLikeSentence, wordCount } from './line-shape.ts';
import { type Line, splitLines } from './split-lines.ts';

export type Role =
  | 'kicker'
  | 'headline'
  | 'dateline'
  | 'byline'
  | 'standfirst'
  | 'caption'
  | 'furniture'
  | 'crosshead'
  | 'paragraph';

export interface Layout {
  kicker: string | null;
  /** the headline as printed in the text, when there is one */
  headline: string | null;
  dateline: (Dateline & { text: string }) | null;
  byline: string | null;
  standfirst: string | null;
  captions: FoundCaption[];
  credits: Credit[];
  /** body paragraphs as original [start, end), before inline trimming */
  paragraphs: { start: number; end: number }[];
}

/**
 * Reads the shape of a text file line by line: section label, headline, dateline, byline,
 * captions, crossheads and furniture, so only the article's own paragraphs reach analysis.
 */
export function readLayout(original: string, bodyStart: number, metaHeadline: string | null): Layout {
  const lines = splitLines(original, bodyStart);
  const roles: Role[] = lines.map(() => 'paragraph');
  const layout: Layout = {
    kicker: null,
    headline: null,
    dateline: null,
    byline: null,
    standfirst: null,
    captions: [],
    credits: [],
    paragraphs: [],
  };
  markFurniture(lines, roles, layout.credits);
  const firstLine = (from: number) => roles.findIndex((r, i) => i >= from && r === 'paragraph');
  let h = firstLine(0);
  const line = (i: number) => lines[i] as Line;
  if (h !== -1 && metaHeadline !== null) {
    const wanted = cleanString(metaHeadline).toLowerCase();
    // the first line is often the whole article (FA-KES has no line breaks): it can only equal the
    // headline if cleaning keeps no more characters than the headline has (lower-casing never
    // shortens a text), which is found without cleaning all of it
    const first = line(h).text;
    if (!keepsMoreThan(first, wanted.length) && cleanString(first).toLowerCase() === wanted)
      roles[h] = 'headline';
  } else if (h !== -1 && lines.length > 1) {
    const next = firstLine(h + 1);
    const nextLine = next === -1 ? null : line(next);
    // A section label sits above a headline or a photo, never directly above body text.
    // ...and a headline sits directly above a date line ("Fits and Starts" over "24/09/20")
    const aboveTitle =
      nextLine !== null &&
      !isDateLine(nextLine.text) &&
      (!endsLikeSentence(nextLine.text) || readCaption(nextLine.text, nextLine.start, true) !== null);
    if (aboveTitle && wordCount(line(h).text) <= 3 && !endsLikeSentence(line(h).text)) {
      roles[h] = 'kicker';
      layout.kicker = cleanString(line(h).text);
      h = next;
    }
    if (!endsLikeSentence(line(h).text) && !readCaption(line(h).text, line(h).start, true)) {
      roles[h] = 'headline';
      layout.headline = cleanString(line(h).text);
    } else h -= 1;
  }
  let seenParagraph = false;
  let firstAfterHeadline = true;
  for (let i = Math.max(h + 1, 0); i < lines.length; i++) {
    if (roles[i] !== 'paragraph') continue;
    const { text, start } = line(i);
    const words = wordCount(text);
    const looksForDate = layout.dateline === null && !seenParagraph;
    const numeric = looksForDate ? readNumericDateLine(text) : null;
    const dateline = numeric ?? (looksForDate ? findDateline(text) : null);
    const caption = readCaption(text, start, firstAfterHeadline);
    firstAfterHeadline = false;
    if (dateline && dateline.end >= text.length - 2) {
      roles[i] = 'dateline';
      layout.dateline = { ...dateline, start: start + dateline.start, end: start + dateline.end };
    } else if (!seenParagraph && /^By\s+\p{Lu}/u.test(text) && words <= 8 && !endsLikeSentence(text)) {
      roles[i] = 'byline';
      layout.byline = cleanString(text.replace(/^By\s+/, ''));
    } else if (caption) {
      roles[i] = 'caption';
      layout.captions.push(caption);
      if (caption.credit) addCredit(layout.credits, caption.credit);
    } else if (seenParagraph && words <= 10 && !endsLikeSentence(text) && i < lines.length - 1) {
      roles[i] = 'crosshead';
    } else seenParagraph = true;
  }
  markStandfirst(lines, roles, layout);
  layout.paragraphs = paragraphs(lines, roles);
  return layout;
}

/** A line that is only a date: "24/09/20", "14/05/2024", "Wed 05 Apr 2017". */
function isDateLine(text: string): boolean {
  if (readNumericDateLine(text)) return true;
  const dateline = findDateline(text);
  return dateline !== null && dateline.end >= text.length - 2;
}

function markFurniture(lines: Line[], roles: Role[], credits: Credit[]): void {
  for (let i = 0; i < lines.length; i++) {
    const { text, start, block } = lines[i] as Line;
    if (isLinkListHeading(text)) {
      roles[i] = 'furniture';
      // The link list is the run of unpunctuated short lines after the heading.
      for (let j = i + 1; j < lines.length; j++) {
        const next = lines[j] as Line;
        if (next.block > block + 1 || endsLikeSentence(next.text) || wordCount(next.text) > 15) break;
        roles[j] = 'furniture';
      }
    } else if (isFurnitureLine(text)) {
      roles[i] = 'furniture';
      const found = photoCredit(text, start);
      if (found) addCredit(credits, found.credit);
    }
  }
}

/** A summary paragraph between the headline and the first photo is a standfirst. */
function markStandfirst(lines: Line[], roles: Role[], layout: Layout): void {
  const first = roles.indexOf('paragraph');
  if (first === -1) return;
  const after = roles.findIndex((r, i) => i > first && r !== 'furniture');
  const photoFollows = roles.slice(first + 1, after === -1 ? undefined : after + 1).some((r, k) => {
    const i = first + 1 + k;
    return r === 'caption' || (r === 'furniture' && photoCredit((lines[i] as Line).text, 0) !== null);
  });
  if (photoFollows && roles.slice(0, first).includes('headline')) {
    roles[first] = 'standfirst';
    layout.standfirst = cleanString((lines[first] as Line).text);
  }
}

/** Body lines, with hard-wrapped lines of one paragraph joined back together. */
function paragraphs(lines: Line[], roles: Role[]): { start: number; end: number }[] {
  const out: { start: number; end: number; block: number; open: boolean }[] = [];
  lines.forEach((line, i) => {
    if (roles[i] !== 'paragraph') return;
    const last = out[out.length - 1];
    if (last && last.block === line.block && last.open && roles[i - 1] === 'paragraph') last.end = line.end;
    else out.push({ start: line.start, end: line.end, block: line.block, open: false });
    const current = out[out.length - 1] as (typeof out)[number];
    current.open = !endsLikeSentence(line.text) && line.text.length >= 40;
  });
  return out.map(({ start, end }) => ({ start, end }));
}

/** The same credit printed twice (seed 003's doubled photo line) is one credit. */
export function addCredit(credits: Credit[], credit: Credit): void {
  if (
    !credits.some((c) => c.agency === credit.agency && c.role === credit.role && c.person === credit.person)
  )
    credits.push(credit);
}
