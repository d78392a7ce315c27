/**
 * Casualty figures against world-dev's gold: killed recall and precision, injured recall and
 * precision, and how many war/period totals and trap numbers became an event's figure.
 *
 * How an extracted figure is matched. Each figure an event carries (`casualties.killed` or
 * `.injured`) is located by its evidence spans in the original text. The gold locates each
 * incident's figure by exact sentences (`quote`, `injured_quote`, `alt_quotes`), each totals'
 * figure by its `quote`, and the non-casualty numbers by their exact strings (`traps`). In order:
 * 1. a figure whose evidence overlaps a trap string is a **trap** taken as a casualty;
 * 2. one inside a totals' sentence and no incident's sentence is a **total** taken as an incident's toll;
 * 3. one inside an incident's sentences (any of them: a sentence can give the dead of one
 *    incident and the wounded of it) is **right** when its value is that incident's best, low or
 *    high; **partial** when it is smaller than the incident's figure — a part the report gives
 *    apart ("two gunmen died" beside 19 victims, one side's dead of a battle whose toll the gold
 *    sums), a true figure of that incident though not its whole toll; **wrong value** otherwise
 *    (a non-vague number where the gold has none — "killed or wounded", "hundreds" — is wrong);
 * 4. one elsewhere is **right (repeat)** when its value is the best, low or high of an incident of
 *    the same article (a second mention of the toll), else **no gold event**.
 * A figure written with a vague word ("dozens", "hundreds") is counted apart and not scored: the
 * gold leaves those null and the extractor keeps them as `vague` ranges, which say the same.
 * Precision = (right + partial) / (every scored figure): the share of figures that are a true
 * toll or part of one of the incident they sit in; recall = gold incidents with a figure (best or
 * low not null) whose whole figure at least one right figure gives.
 */
import type { CasualtyFigure } from '@sitrep/schema/event';
import type { GoldEvent, GoldFigure, WorldRun } from '../eval-world.ts';

type Measure = 'killed' | 'injured';
type Verdict =
  | 'right'
  | 'right (repeat)'
  | 'partial'
  | 'wrong value'
  | 'no gold event'
  | 'total'
  | 'trap'
  | 'vague';
interface Range {
  start: number;
  end: number;
}

function occurrences(text: string, needle: string): Range[] {
  const out: Range[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1))
    out.push({ start: at, end: at + needle.length });
  return out;
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;
const within = (a: Range, b: Range) => a.start >= b.start && a.end <= b.end;

function quotesOf(e: GoldEvent): string[] {
  return [e.quote, ...(e.injured_quote ? [e.injured_quote] : []), ...(e.alt_quotes ?? [])];
}

const hasFigure = (f: GoldFigure) => f.best !== null || f.low !== null;
function valueMatches(f: CasualtyFigure, g: GoldFigure): boolean {
  const values = [g.best, g.low, g.high].filter((v) => v !== null);
  return (
    values.includes(f.best) || (f.low !== null && f.low === g.low) || (f.high !== null && f.high === g.high)
  );
}

interface Scored {
  file: string;
  measure: Measure;
  figure: CasualtyFigure;
  sentence: string;
  verdict: Verdict;
  event: GoldEvent | null;
}

function scoreRun(run: WorldRun): Scored[] {
  const { gold, text, article } = run;
  const traps = gold.traps.flatMap((t) => occurrences(text, t));
  const totals = gold.cumulative.flatMap((c) => occurrences(text, c.quote));
  const out: Scored[] = [];
  for (const event of article.events) {
    for (const measure of ['killed', 'injured'] as const) {
      const figure = event.casualties[measure];
      if (!figure) continue;
      const evidence = event.evidence.filter((e) => e.field === `casualties.${measure}`);
      const spans = evidence.map((e) => e.span);
      const sentence = evidence[0]?.sentence ?? event.summary;
      const base = { file: gold.file, measure, figure, sentence };
      const inQuote = (g: GoldEvent) =>
        quotesOf(g).some((q) => occurrences(text, q).some((r) => spans.some((s) => within(s, r))));
      const quoted = gold.events.filter(inQuote);
      if (traps.some((t) => spans.some((s) => overlaps(s, t))))
        out.push({ ...base, verdict: 'trap', event: null });
      else if (!quoted.length && totals.some((t) => spans.some((s) => within(s, t))))
        out.push({ ...base, verdict: 'total', event: null });
      else if (figure.qualifier === 'vague')
        out.push({ ...base, verdict: 'vague', event: quoted[0] ?? null });
      else if (quoted.length) {
        const hit = quoted.find((g) => valueMatches(figure, g[measure]));
        const part = quoted.find((g) => figure.best < (g[measure].best ?? g[measure].low ?? 0));
        const verdict = hit ? 'right' : part ? 'partial' : 'wrong value';
        out.push({ ...base, verdict, event: hit ?? part ?? quoted[0] ?? null });
      } else {
        const hit = gold.events.find((g) => hasFigure(g[measure]) && valueMatches(figure, g[measure]));
        out.push({ ...base, verdict: hit ? 'right (repeat)' : 'no gold event', event: hit ?? null });
      }
    }
  }
  return out;
}

const ratio = (n: number, of: number) => (of === 0 ? '—' : (n / of).toFixed(3));

export interface CasualtyScores {
  recall: Record<Measure, { hit: number; of: number }>;
  precision: Record<Measure, { right: number; scored: number }>;
  totalsTaken: number;
  trapsTaken: number;
  scored: Scored[];
  missed: { file: string; measure: Measure; event: GoldEvent }[];
}

export function scoreCasualties(runs: readonly WorldRun[]): CasualtyScores {
  const scored = runs.flatMap(scoreRun);
  const recall = { killed: { hit: 0, of: 0 }, injured: { hit: 0, of: 0 } };
  const missed: CasualtyScores['missed'] = [];
  for (const run of runs)
    for (const event of run.gold.events)
      for (const measure of ['killed', 'injured'] as const) {
        if (!hasFigure(event[measure])) continue;
        recall[measure].of++;
        const hit = scored.some(
          (s) => s.event === event && s.measure === measure && s.verdict.startsWith('right'),
        );
        if (hit) recall[measure].hit++;
        else missed.push({ file: run.gold.file, measure, event });
      }
  const precision = { killed: { right: 0, scored: 0 }, injured: { right: 0, scored: 0 } };
  for (const s of scored) {
    if (s.verdict === 'vague') continue;
    precision[s.measure].scored++;
    if (s.verdict.startsWith('right') || s.verdict === 'partial') precision[s.measure].right++;
  }
  return {
    recall,
    precision,
    totalsTaken: scored.filter((s) => s.verdict === 'total').length,
    trapsTaken: scored.filter((s) => s.verdict === 'trap').length,
    scored,
    missed,
  };
}

/** The section's table (markdown), and with `verbose` every figure that was not right and every miss. */
export function casualtySection(runs: readonly WorldRun[], options: { verbose: boolean }): string {
  const s = scoreCasualties(runs);
  const count = (m: Measure, v: Verdict) => s.scored.filter((x) => x.measure === m && x.verdict === v).length;
  const lines = [
    "Casualty figures (an event's killed / injured; matching rules in scripts/eval-world/casualties.ts)",
    '',
    '| measure | recall | precision | right | right (repeat) | partial | wrong value | no gold event | totals taken | traps taken | vague (not scored) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...(['killed', 'injured'] as const).map(
      (m) =>
        `| ${m} | ${ratio(s.recall[m].hit, s.recall[m].of)} (${s.recall[m].hit}/${s.recall[m].of}) | ${ratio(s.precision[m].right, s.precision[m].scored)} (${s.precision[m].right}/${s.precision[m].scored}) | ${count(m, 'right')} | ${count(m, 'right (repeat)')} | ${count(m, 'partial')} | ${count(m, 'wrong value')} | ${count(m, 'no gold event')} | ${count(m, 'total')} | ${count(m, 'trap')} | ${count(m, 'vague')} |`,
    ),
    '',
    `Totals taken as an incident's figure: ${s.totalsTaken}; trap numbers taken as casualties: ${s.trapsTaken}`,
  ];
  if (options.verbose) {
    lines.push('', 'Figures not right:');
    for (const x of s.scored.filter((x) => !x.verdict.startsWith('right')))
      lines.push(
        `- ${x.file} ${x.measure} ${x.figure.best} (${x.figure.qualifier}) → ${x.verdict}: ${x.sentence.slice(0, 140)}`,
      );
    lines.push('', 'Gold figures missed:');
    for (const m of s.missed)
      lines.push(
        `- ${m.file} ${m.measure} ${JSON.stringify(m.event[m.measure])}: ${m.event.what.slice(0, 120)}`,
      );
  }
  return lines.join('\n');
}
