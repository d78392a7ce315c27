import type { PublishedAt } from '@sitrep/schema/article';
import type { FoundCaption } from '../text/captions.ts';
import { type CleanText, originalSpan } from '../text/clean-text.ts';
import { addDays, isoDate } from './calendar.ts';
import { type NumericDateLine, pickReading } from './date-line.ts';
import { explicitIso, findExplicitDates } from './explicit-dates.ts';
import type { Dateline } from './find-dateline.ts';
import { tenseAt } from './tense.ts';

export interface PublicationEvidence {
  /** trusted metadata (front matter, JSONL): YYYY-MM-DD, YYYY-MM or YYYY */
  metadata: string | null;
  /** a dateline, or a numeric date line whose reading the body decides */
  dateline: Dateline | NumericDateLine | null;
  /** a source's date label (FA-KES `date`, M/D/YYYY): used only when the text has no dateline */
  hint: string | null;
  captions: FoundCaption[];
  paragraphs: CleanText[];
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The publication date, from the most trusted evidence there is: metadata, then a dateline,
 * then a source's label, then inference from a same-day photo caption or the latest full date
 * in the body (each with a lower confidence), and otherwise null with the reason.
 */
export function resolvePublishedAt(e: PublicationEvidence): PublishedAt {
  const meta = e.metadata ? parseCalendar(e.metadata) : null;
  if (meta) return { ...meta, basis: 'metadata', confidence: 1, reason: null, evidence: null };
  if (e.dateline?.date)
    return {
      date: e.dateline.date,
      precision: 'day',
      basis: 'dateline',
      confidence: e.dateline.confidence,
      reason:
        e.dateline.confidence < 0.9
          ? 'the text prints an "updated" date, which may be later than publication'
          : null,
      evidence: { text: e.dateline.text, span: { start: e.dateline.start, end: e.dateline.end } },
    };
  const numeric = e.dateline && 'readings' in e.dateline ? e.dateline : null;
  const picked = numeric
    ? pickReading(
        numeric,
        e.paragraphs.map((p) => p.text),
      )
    : null;
  if (numeric && picked?.date)
    return {
      date: picked.date,
      precision: 'day',
      basis: 'dateline',
      confidence: numeric.readings.length === 1 ? 0.9 : numeric.confidence,
      reason: picked.reason,
      evidence: { text: numeric.text, span: { start: numeric.start, end: numeric.end } },
    };
  const hint = e.hint ? parseCalendar(e.hint) : null;
  if (hint)
    return {
      ...hint,
      basis: 'metadata',
      confidence: 0.6,
      reason: "from the source's date label; the text prints no dateline",
      evidence: null,
    };
  const body = e.paragraphs.flatMap((clean) => findExplicitDates(clean.text).map((d) => ({ d, clean })));
  const allText = e.paragraphs.map((p) => p.text).join('\n');
  const dated = e.captions.filter((c) => c.caption.date !== null);
  for (const c of dated) {
    const date = c.caption.date as string;
    const later = body.find(
      ({ d }) => (isoDate(d.year ?? Number(date.slice(0, 4)), d.month, d.day) ?? '') > addDays(date, 1),
    );
    if (c.archive || later) continue;
    const weekday = WEEKDAY_NAMES[new Date(`${date}T00:00:00Z`).getUTCDay()] as string;
    const agrees = new RegExp(`\\b${weekday}\\b`).test(allText);
    return {
      date,
      precision: 'day',
      basis: 'caption',
      confidence: agrees ? 0.7 : 0.6,
      reason: `inferred from the photo caption dated ${date}${agrees ? `, consistent with "${weekday}" in the text` : ''}; a photo may predate the article`,
      evidence: { text: c.caption.text, span: c.caption.span },
    };
  }
  // A date announced for the future ("talks set for 30 March 2017") says nothing about publication.
  const full = body
    .filter(
      ({ d, clean }) =>
        d.year !== null &&
        tenseAt(
          clean.text.slice(Math.max(0, d.index - 120), d.index),
          d.index - Math.max(0, d.index - 120),
          d.text,
        ) === 'past',
    )
    .sort((a, b) => ((explicitIso(a.d) ?? '') < (explicitIso(b.d) ?? '') ? 1 : -1))[0];
  if (full) {
    const date = explicitIso(full.d) as string;
    return {
      date,
      precision: 'day',
      basis: 'body',
      confidence: 0.4,
      reason: `inferred: ${full.d.text} is the latest full date in the body, so the article is from that day or later`,
      evidence: {
        text: full.d.text,
        span: originalSpan(full.clean, full.d.index, full.d.index + full.d.text.length),
      },
    };
  }
  const archive = dated[0];
  if (archive) {
    const year = (archive.caption.date as string).slice(0, 4);
    return {
      date: `${year}-01-01`,
      precision: 'year',
      basis: 'caption',
      confidence: 0.3,
      reason: `only a photo caption is dated (${archive.caption.date}) and it looks like an archive photo${archive.archive ? '' : ' (the body mentions later dates)'}: the year is a guess at best`,
      evidence: { text: archive.caption.text, span: archive.caption.span },
    };
  }
  const yearless = body.filter(({ d }) => d.year === null).map(({ d }) => d.text);
  return {
    date: null,
    precision: 'unknown',
    basis: 'unknown',
    confidence: 0,
    reason: picked
      ? picked.reason
      : yearless.length
        ? `the text gives days without a year (${[...new Set(yearless)].slice(0, 3).join(', ')}) and no dateline`
        : 'no date in the text',
    evidence: null,
  };
}

/** YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY (FA-KES labels) → date and precision. */
export function parseCalendar(value: string): { date: string; precision: 'day' | 'month' | 'year' } | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { date, precision: 'day' } : null;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) {
    const date = isoDate(Number(m[3]), Number(m[1]), Number(m[2]));
    return date ? { date, precision: 'day' } : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) {
    const date = isoDate(Number(m[1]), Number(m[2]), 1);
    return date ? { date, precision: 'month' } : null;
  }
  m = /^(\d{4})$/.exec(v);
  return m ? { date: `${m[1]}-01-01`, precision: 'year' } : null;
}
