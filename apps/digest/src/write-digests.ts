/**
 * `sitrep digest --date D --out DIR` and `--all`: each day's issue as DIR/D.html, D.txt and
 * D.eml, addressed to the archive reader (the public web edition), plus DIR/index.html; a day
 * with located events also gets DIR/D-map.png (and D-map-2.png, D-map-3.png for a day of
 * several theatres), which the .html shows and the .eml carries inline.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildIssue, isEmptyIssue } from './build-issue.ts';
import type { DigestConfig } from './config.ts';
import type { DaySource } from './data/day-source.ts';
import type { IssueModel } from './issue-model.ts';
import { buildMessage } from './mail/build-message.ts';
import { emlBytes } from './mail/write-eml.ts';
import { forTheWeb } from './map/map-image.ts';
import { renderArchiveIndex } from './preview/archive-index.ts';
import { recipientContext, recipientLinks } from './recipient-context.ts';
import { compileIssue, renderFor } from './render/compile-issue.ts';
import { NO_FILTERS, type Subscriber } from './subscribers/subscriber.ts';

export interface WriteOptions {
  source: DaySource;
  config: DigestConfig;
  out: string;
  /** write the issue even when the day has nothing new */
  force?: boolean;
  /** the addressee of the written .eml; defaults to the archive reader */
  reader?: Subscriber;
}

export type WriteResult =
  | { date: string; written: string[]; issue: IssueModel }
  | { date: string; skipped: string };

export function archiveReader(config: DigestConfig): Subscriber {
  const domain = /@([^>\s]+)>?\s*$/.exec(config.from)?.[1] ?? 'localhost';
  return { name: '', email: `readers@${domain}`, timezone: 'UTC', filters: NO_FILTERS };
}

export async function writeDigest(date: string, o: WriteOptions): Promise<WriteResult> {
  const day = await o.source.day(date);
  const issue = buildIssue(day, { archiveUrl: `${o.config.publicUrl}/digests` });
  if (isEmptyIssue(issue) && !o.force)
    return { date, skipped: 'nothing new on this day (use --force to write it anyway)' };
  const compiled = await compileIssue(issue);
  const reader = o.reader ?? archiveReader(o.config);
  const links = { ...o.config };
  const ctx = recipientContext(issue, reader, links, { allowEmpty: true })!;
  const rendered = renderFor(compiled, ctx);
  // the reader's edition's map (the archive reader's is the whole issue's)
  const map = compiled.mapFor(ctx.map);
  const eml = await emlBytes(
    buildMessage(
      {
        issueDate: date,
        from: o.config.from,
        to: { name: reader.name, email: reader.email, timezone: reader.timezone },
        subject: ctx.subject,
        rendered,
        unsubscribeUrl: ctx.unsubscribeUrl,
        unsubscribeMailto: recipientLinks(reader.email, links).unsubscribeMailto,
        map,
      },
      o.config.dkim,
    ),
  );
  await mkdir(o.out, { recursive: true });
  const files: [string, string | Buffer][] = [
    [`${date}.html`, forTheWeb(rendered.html, map)],
    [`${date}.txt`, rendered.text],
    [`${date}.eml`, eml],
  ];
  for (const image of map) files.push([image.file, image.png]);
  const written: string[] = [];
  for (const [name, body] of files) {
    const path = join(o.out, name);
    await writeFile(path, body);
    written.push(path);
  }
  return { date, written, issue };
}

export async function writeAll(o: WriteOptions): Promise<WriteResult[]> {
  const results: WriteResult[] = [];
  for (const date of await o.source.daysWithEvents()) results.push(await writeDigest(date, o));
  const issues = results.flatMap((r) => ('issue' in r ? [r.issue] : []));
  await mkdir(o.out, { recursive: true });
  await writeFile(
    join(o.out, 'index.html'),
    renderArchiveIndex(issues, (d) => `${d}.html`),
  );
  return results;
}
