import type { ExtractedArticle } from '@sitrep/schema/extracted-article';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function when(o: ExtractedArticle['events'][number]['occurred']): string {
  if (!o.start) return 'date unknown';
  const range = o.end && o.end !== o.start ? `${o.start}..${o.end}` : o.start;
  return `${range}${o.tense === 'scheduled' ? ' (scheduled)' : ''}`;
}

/** A few lines per article that a person can scan: what it is, when, who says so, what happened. */
export function formatPretty(a: ExtractedArticle): string {
  const p = a.publishedAt;
  const published = p.date
    ? `${p.precision === 'day' ? p.date : p.precision === 'month' ? p.date.slice(0, 7) : p.date.slice(0, 4)} (${p.basis}, confidence ${p.confidence})`
    : `unknown — ${p.reason}`;
  const where = `${a.origin.path ?? ''}${a.origin.line ? `:${a.origin.line}` : ''}${a.origin.externalId ? ` #${a.origin.externalId}` : ''}`;
  const lines = [
    `${a.id}  ${where}`,
    `  ${a.kicker ? `[${a.kicker}] ` : ''}${a.headline}`,
    `  outlet: ${a.outlet?.name ?? 'not stated'} · published: ${published}`,
    `  ${count(a.paragraphs.length, 'paragraph')} · ${count(a.wordCount, 'word')} · ${count(a.captions.length, 'caption')} · ${count(a.claims.length, 'claim')} · ${count(a.events.length, 'event')}`,
  ];
  if (a.dateline) lines.push(`  dateline: ${a.dateline}`);
  if (a.credits.length)
    lines.push(
      `  credits: ${a.credits.map((c) => `${c.agency}${c.person ? ` / ${c.person}` : ''} (${c.role})`).join('; ')}`,
    );
  for (const c of a.captions)
    lines.push(
      `  caption${c.date ? ` ${c.date}` : ''}: ${c.text.slice(0, 100)}${c.text.length > 100 ? '…' : ''}`,
    );
  for (const e of a.events.slice(0, 12)) {
    const killed = e.casualties.killed ? ` · killed ${e.casualties.killed.best}` : '';
    const injured = e.casualties.injured ? ` · injured ${e.casualties.injured.best}` : '';
    lines.push(
      `  - ${e.kind} · ${when(e.occurred)} · ${e.location?.name ?? 'place unknown'}${killed}${injured}: ${e.summary.slice(0, 90)}`,
    );
  }
  if (a.events.length > 12) lines.push(`  … ${a.events.length - 12} more events`);
  return `${lines.join('\n')}\n\n`;
}
