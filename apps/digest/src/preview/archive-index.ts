/** The archive page: every issue, newest first, with its lead. Plain HTML; it is a web page, not an email. */
import Handlebars from 'handlebars';
import type { IssueModel } from '../issue-model.ts';

const page = Handlebars.create().compile<{
  issues: { href: string; dateLabel: string; lead: string; counts: string }[];
}>(
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sitrep: daily situation reports</title>
<style>
  body { margin: 0; background: #eceae4; color: #1d2127; font: 16px/1.5 Helvetica, Arial, sans-serif; }
  header { background: #14213d; color: #fff; padding: 24px; }
  header h1 { margin: 0; font: bold 28px Georgia, serif; }
  header p { margin: 4px 0 0; color: #e6e9ef; font-size: 13px; letter-spacing: 0.06em; text-transform: uppercase; }
  main { max-width: 640px; margin: 0 auto; background: #fff; padding: 8px 24px 24px; }
  li { margin: 16px 0; list-style: none; border-top: 1px solid #d5d2ca; padding-top: 12px; }
  ul { padding: 0; }
  a { color: #1d4e89; font-weight: bold; }
  .lead { display: block; font: 18px Georgia, serif; color: #a4161a; }
  .meta { color: #565e6b; font-size: 13px; }
</style>
</head>
<body>
<header><h1>Sitrep</h1><p>Daily situation reports</p></header>
<main>
<ul>
{{#each issues}}<li><a href="{{href}}">{{dateLabel}}</a><span class="lead">{{lead}}</span><span class="meta">{{counts}}</span></li>
{{/each}}
</ul>
</main>
</body>
</html>
`,
  { strict: true },
);

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function renderArchiveIndex(issues: readonly IssueModel[], href: (date: string) => string): string {
  return page({
    issues: [...issues]
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((i) => ({
        href: href(i.date),
        dateLabel: i.dateLabel,
        lead: i.headlineFigure ?? i.diplomacy[0]?.summary ?? i.next[0]?.summary ?? 'Nothing new',
        counts: `${i.countries.length ? `${i.countries.join(', ')} · ` : ''}${i.stories.length === 1 ? '1 story' : `${i.stories.length} stories`} · ${plural(i.diplomacy.length, 'diplomatic item')} · ${plural(i.sources.length, 'source')}`,
      })),
  });
}
