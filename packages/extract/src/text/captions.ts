import type { Caption, Credit } from '@sitrep/schema/article';
import { explicitIso, findExplicitDates } from '../dates/explicit-dates.ts';
import { cleanString } from './clean-text.ts';
import { photoCredit } from './credits.ts';

export interface FoundCaption {
  caption: Caption;
  credit: Credit | null;
  /** a file or archive photo: its date says nothing about when the article was written */
  archive: boolean;
}

const PHOTO_MARK = /\((?:File )?photo\b|\bFile photo\b|\(Photo:|\bPhotograph:/i;
const SPEECH = /\b(?:said|says|told|according to|added|announced)\b/i;
const ENDS_WITH_DATE =
  /(?:,|\bon)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+(?:19|20)\d\d)?\.?\s*$/;

/**
 * A photo caption: a line ending in an agency credit ("REUTERS/Omar Sanadiki"), a line with
 * a "(File photo ...)" mark, or — right under the headline — one descriptive sentence ending
 * with a date and no attribution ("... Old City on December 8."). Its date is the photo's.
 */
export function readCaption(text: string, start: number, firstAfterHeadline: boolean): FoundCaption | null {
  const found = photoCredit(text, start);
  const marked = PHOTO_MARK.test(text);
  const byLayout =
    firstAfterHeadline && ENDS_WITH_DATE.test(text) && !SPEECH.test(text) && sentenceCount(text) === 1;
  const agencyCredit = found !== null && found.credit.person !== null;
  if (!agencyCredit && !marked && !byLayout) return null;
  const dated = findExplicitDates(text).find((d) => d.year !== null);
  return {
    caption: {
      text: cleanString(text),
      credit: found ? found.written : null,
      date: dated ? explicitIso(dated) : null,
      span: { start, end: start + text.length },
    },
    credit: found ? found.credit : null,
    archive: /\bfile\b|\barchive\b/i.test(text),
  };
}

function sentenceCount(text: string): number {
  return text.split(/(?<=[a-z0-9)][.!?])\s+(?=[A-Z])/).length;
}
