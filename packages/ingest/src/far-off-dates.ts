import type { ExtractedArticle } from '@sitrep/schema/extracted-article';

/** Fewer dated events than this and an input has no range to speak of. */
const MIN_EVENTS = 20;
/** How far outside the input's own range (its 10th to 90th percentile) a date must be, in years. */
const YEARS_OUT = 5;

/**
 * Dates far outside the rest of an input's: one event of 1967 in a 2011–2018 corpus is almost
 * always a misread date, and it once hid every later day from `sitrep digest --all`. Each is a
 * warning (`where: an event dated 1967-01-01 is far outside most of this input's dates
 * (2011-03-15 to 2018-01-09); check the date`), not a refusal: the date may be right.
 */
export class FarOffDates {
  readonly #dates: { date: string; where: string }[] = [];

  add(record: ExtractedArticle, where: string): void {
    for (const e of record.events) if (e.occurred.start) this.#dates.push({ date: e.occurred.start, where });
  }

  warnings(): string[] {
    if (this.#dates.length < MIN_EVENTS) return [];
    const sorted = this.#dates.map((d) => d.date).sort();
    const low = sorted[Math.floor(sorted.length * 0.1)] as string;
    const high = sorted[Math.ceil(sorted.length * 0.9) - 1] as string;
    const year = (d: string) => Number(d.slice(0, 4));
    const out: string[] = [];
    const seen = new Set<string>();
    for (const { date, where } of this.#dates) {
      if (year(date) > year(low) - YEARS_OUT && year(date) < year(high) + YEARS_OUT) continue;
      const line = `${where}: an event dated ${date} is far outside most of this input's dates (${low} to ${high}); check the date`;
      if (!seen.has(line)) out.push(line);
      seen.add(line);
    }
    return out;
  }
}
