/**
 * `npm run bench`: personalised emails per second, compile-once/render-many against running
 * MJML for every email, side by side in one run on one core. Prints medians and the ratio.
 *
 *   per-email MJML: Handlebars → mjml2html → Handlebars for each recipient (what a naive sender does)
 *   compile once:   one compileIssue per day, then per recipient: filters → context → HTML + text render
 */
import { performance } from 'node:perf_hooks';
import { buildIssue } from '../src/build-issue.ts';
import { SEED_DAY_2016_12_09 } from '../src/fixtures/seed-day-2016-12-09.ts';
import { recipientContext } from '../src/recipient-context.ts';
import { compileIssue, renderFor } from '../src/render/compile-issue.ts';
import type { Subscriber } from '../src/subscribers/subscriber.ts';

const LINKS = {
  publicUrl: 'https://sitrep.example.org',
  linkSecret: 'bench',
  unsubscribeMailto: 'u@sitrep.example.org',
};
const PLACES = [[], [], ['Aleppo'], ['Geneva'], ['East Aleppo'], []];
const subscribers: Subscriber[] = Array.from({ length: 20_000 }, (_, i) => ({
  name: `Reader ${i}`,
  email: `reader${i}@example.org`,
  timezone: 'UTC',
  filters: { kinds: i % 7 === 0 ? ['diplomacy'] : [], places: PLACES[i % PLACES.length]!, actors: [] },
}));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const issue = buildIssue(SEED_DAY_2016_12_09, { archiveUrl: 'https://sitrep.example.org/digests' });

// Warm both paths so the JIT and MJML's lazy component registry are not measured.
const warm = await compileIssue(issue);
for (const s of subscribers.slice(0, 2_000)) {
  const ctx = recipientContext(issue, s, LINKS);
  if (ctx) renderFor(warm, ctx);
}

// 1. per-email MJML: the whole pipeline for each recipient
const perEmailMs: number[] = [];
for (const s of subscribers.slice(0, 40)) {
  const t = performance.now();
  const compiled = await compileIssue(issue);
  const ctx = recipientContext(issue, s, LINKS);
  if (ctx) renderFor(compiled, ctx);
  perEmailMs.push(performance.now() - t);
}

// 2. compile once per day
const compileMs: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await compileIssue(issue);
  compileMs.push(performance.now() - t);
}
const compiled = await compileIssue(issue);
const rates: number[] = [];
let bytes = 0;
let sent = 0;
for (let round = 0; round < 5; round++) {
  const t = performance.now();
  let n = 0;
  for (const s of subscribers) {
    const ctx = recipientContext(issue, s, LINKS);
    if (!ctx) continue;
    const r = renderFor(compiled, ctx);
    bytes += r.html.length + r.text.length;
    n++;
  }
  rates.push(n / ((performance.now() - t) / 1000));
  sent = n;
}

const mjmlRate = 1000 / median(perEmailMs);
const onceRate = median(rates);
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
console.log(
  `Issue of ${issue.date}: ${subscribers.length} subscribers, ${sent} with something to receive (HTML + text each).`,
);
console.log(
  `Node ${process.version}, one core, medians of 40 per-email runs and 5 rounds of ${subscribers.length}.\n`,
);
console.log(row(['approach', 'per email', 'emails/s', 'vs per-email MJML']));
console.log(row(['---', '---:', '---:', '---:']));
console.log(
  row([
    'per-email MJML (mjml2html each time)',
    `${median(perEmailMs).toFixed(2)} ms`,
    mjmlRate.toFixed(0),
    '1×',
  ]),
);
console.log(
  row([
    'compile once, render many',
    `${((1000 / onceRate) * 1000).toFixed(1)} µs`,
    onceRate.toFixed(0),
    `${(onceRate / mjmlRate).toFixed(0)}×`,
  ]),
);
console.log(
  `\nOne compile per issue: ${median(compileMs).toFixed(1)} ms. Target ≥ 10,000 emails/s: ${onceRate >= 10_000 ? 'met' : 'NOT met'}.`,
);
if (bytes === 0) throw new Error('rendered nothing');
