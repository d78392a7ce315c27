import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_DAY_2016_12_09 } from '../src/fixtures/seed-day-2016-12-09.ts';
import type { IssueModel, RecipientContext } from '../src/issue-model.ts';
import { recipientContext } from '../src/recipient-context.ts';
import { type CompiledIssue, compileIssue, renderFor } from '../src/render/compile-issue.ts';
import { issueOf, LINKS, subscriber } from './seed-issue.ts';

let compiled: CompiledIssue;
let issue: IssueModel;
const ctxFor = (s: ReturnType<typeof subscriber>) => recipientContext(issue, s, LINKS);

beforeAll(async () => {
  issue = issueOf();
  compiled = await compileIssue(issue);
});

describe('compile once, render many', () => {
  it('leaves per-recipient slots in the compiled issue and none in a rendered email', () => {
    expect(compiled.slots).toContain('unsubscribeUrl');
    expect(compiled.sections).toContain('s0');
    const { html, text } = renderFor(compiled, ctxFor(subscriber('ana@example.org', {}, 'Ana'))!);
    expect(html).not.toMatch(/[\uE010-\uE01F]|<\/?mj-/);
    expect(text).not.toMatch(/[\uE010-\uE01F]/);
    expect(html).toContain('Prepared for Ana.');
    expect(html).toContain('https://sitrep.example.org/unsubscribe?u&#x3D;ana%40example.org&amp;t&#x3D;');
  });

  it('personalises each render without recompiling', () => {
    const a = renderFor(compiled, ctxFor(subscriber('a@example.org', {}, 'Ana'))!);
    const b = renderFor(compiled, ctxFor(subscriber('b@example.org', {}, 'Bo'))!);
    expect(a.html).toContain('Sent to a@example.org');
    expect(b.html).toContain('Sent to b@example.org');
    expect(a.html).not.toContain('b@example.org');
  });

  it('refuses a recipient context that lacks a field (Handlebars strict mode)', () => {
    const ctx = ctxFor(subscriber('a@example.org'))!;
    const { preferencesUrl: _, ...missing } = ctx;
    expect(() => renderFor(compiled, missing as RecipientContext)).toThrow(/preferencesUrl/);
  });
});

describe('escaping', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    // No template is rendered twice, so template syntax in the data is only text.
    [
      '{{unsubscribeUrl}} and {{#if x}}',
      '{{unsubscribeUrl}} and {{#if x}}',
      '{{unsubscribeUrl}} and {{#if x}}',
    ],
    ['a back\\{{slash}}', 'a back\\{{slash}}', 'a back\\{{slash}}'],
    // Our own slot markers in the data are taken out, never obeyed.
    ['a \uE010unsubscribeUrl\uE01F here', 'a unsubscribeUrl here', 'a unsubscribeUrl here'],
  ])('prints a headline holding %s as text', async (evil, shown, shownInText) => {
    const day = structuredClone(SEED_DAY_2016_12_09);
    day.events[0]!.summary = evil;
    const hostile = issueOf(day);
    const c = await compileIssue(hostile);
    const ctx = recipientContext(hostile, subscriber('a@example.org'), LINKS)!;
    const { html, text } = renderFor(c, ctx);
    expect(html).toContain(shown);
    expect(html).not.toContain('<script>');
    expect(text).toContain(shownInText.slice(0, 20));
    // The recipient's unsubscribe link appears only where the template puts it.
    const plain = renderFor(compiled, recipientContext(issue, subscriber('a@example.org'), LINKS)!);
    const count = (h: string) =>
      h.split(ctx.unsubscribeUrl.replace(/&/g, '&amp;').replace(/=/g, '&#x3D;')).length;
    expect(count(html)).toBe(count(plain.html));
  });
});

describe('filters', () => {
  it.each([
    ['places: Geneva', { places: ['geneva'] }, { stories: 0, diplomacy: 1, next: 1 }],
    ['places: Sheikh Saeed', { places: ['Sheikh Saeed'] }, { stories: 1, diplomacy: 0, next: 0 }],
    ['places: Aleppo (contains East Aleppo)', { places: ['Aleppo'] }, { stories: 5, diplomacy: 0, next: 0 }],
    ['kinds: diplomacy family', { kinds: ['diplomacy'] }, { stories: 0, diplomacy: 4, next: 1 }],
    [
      'kinds: airstrike AND places: Aleppo',
      { kinds: ['airstrike'], places: ['Aleppo'] },
      { stories: 1, diplomacy: 0, next: 0 },
    ],
    ['actors: Russia', { actors: ['russia'] }, { stories: 2, diplomacy: 4, next: 1 }],
  ])('%s gets only what matches', (_, filters, expected) => {
    const ctx = ctxFor(subscriber('f@example.org', filters))!;
    const shown = (keys: { key: string }[]) => keys.filter((k) => ctx.show[k.key]).length;
    expect({
      stories: shown(issue.stories),
      diplomacy: shown(issue.diplomacy),
      next: shown(issue.next),
    }).toEqual(expected);
    const { html } = renderFor(compiled, ctx);
    for (const s of issue.stories) expect(html.includes(s.summary.slice(0, 40))).toBe(ctx.show[s.key]);
    expect(html).toContain('Your edition follows');
  });

  it('cites only the sources behind what a filtered recipient receives', () => {
    const ctx = ctxFor(subscriber('f@example.org', { places: ['Sheikh Saeed'] }))!;
    const { html } = renderFor(compiled, ctx);
    const shownSources = issue.sources.filter((s) => ctx.show[s.key]).map((s) => s.n);
    const storyRefs = issue.stories.find((s) => s.placeLabel === 'Sheikh Saeed')!.sourceRefs;
    const quoteRef = issue.quote!.sourceRef!;
    expect(shownSources).toEqual([...new Set([...storyRefs, quoteRef])].sort());
    expect(shownSources).not.toContain(1);
    expect(html).toContain('Syrian government forces press attack in east Aleppo');
    expect(html).not.toContain('Syrian government resumes fighting in Aleppo after brief humanitarian pause');
  });

  it('has no email for a subscriber whom nothing matches', () => {
    expect(ctxFor(subscriber('idlib@example.org', { places: ['Idlib'] }))).toBeNull();
  });

  it('leads a filtered subject with the first item the recipient gets', () => {
    expect(ctxFor(subscriber('g@example.org', { places: ['Geneva'] }))!.subject).toBe(
      'Sitrep 9 Dec 2016: Talks scheduled in Geneva',
    );
    expect(ctxFor(subscriber('h@example.org'))!.subject).toBe(
      'Sitrep 9 Dec 2016: 46 civilians killed, 230 injured in East Aleppo',
    );
  });
});

describe('the plain-text part', () => {
  it('is written for reading: sections, wrapped lines, figures with attribution, links spelled out', () => {
    const { text } = renderFor(compiled, ctxFor(subscriber('a@example.org', {}, 'Ana'))!);
    expect(text).toContain('TOP STORIES\n-----------');
    expect(text).toContain('  > 46 civilians killed, 230 injured — White Helmets, via Reuters');
    expect(text).toContain('  122 in favour, 13 against.');
    expect(text).toMatch(/“What is happening in Aleppo is the worst catastrophe/);
    expect(text).toMatch(/Thu 8 +█+ 46/);
    expect(text).toMatch(/Unsubscribe: https:\/\/sitrep\.example\.org\/unsubscribe\?u=a%40example\.org&t=/);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(text).not.toMatch(/<[a-z]/i);
  });
});
