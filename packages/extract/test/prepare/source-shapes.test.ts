import { prepareDocument } from '@sitrep/extract/prepare';
import type { RawArticle } from '@sitrep/extract/read';
import { describe, expect, it } from 'vitest';

/**
 * The shapes real sources print around an article (modelled on FA-KES's fifteen outlets,
 * written here in our own words): datelines, repeated headlines, agency openings, sign-offs,
 * footers and teasers, and what must be left of the body once they are recognised.
 */
function raw(text: string, meta: Partial<RawArticle['meta']> = {}, hint: string | null = null): RawArticle {
  return {
    text,
    bodyStart: 0,
    origin: { path: 'shapes.csv', line: 2 },
    meta: { headline: null, outlet: null, publishedAt: null, url: null, language: null, ...meta },
    hints: { publishedAt: hint, location: null, label: null },
  };
}

describe('datelines and what follows them', () => {
  it.each([
    [
      'Wed 05 Apr 2017 Strike hits town. Victims were treated on Wednesday. - REUTERS',
      'Strike hits town',
      'Wed 05 Apr 2017',
      '2017-04-05',
      'Victims were treated on Wednesday.',
    ],
    [
      'Fri 07 Apr 2017 at 0914 Governor says strike caused deaths. A missile strike caused deaths.',
      'Governor says strike caused deaths',
      'Fri 07 Apr 2017',
      '2017-04-07',
      'A missile strike caused deaths.',
    ],
    [
      'Published June 8 2016 Regime forces shelled the town.',
      'Town shelled',
      'Published June 8 2016',
      '2016-06-08',
      'Regime forces shelled the town.',
    ],
    [
      'Date of publication 29 August 2016 Video More than 33 people were killed.',
      'Dozens killed',
      'Date of publication 29 August 2016',
      '2016-08-29',
      'Video More than 33 people were killed.',
    ],
    [
      '16-12-2014 Barrel bombs fell on the city.',
      'Barrels fall',
      '16-12-2014',
      '2014-12-16',
      'Barrel bombs fell on the city.',
    ],
    [
      'Thu Dec 15 2016 Evacuations resumed.',
      'Evacuations resume',
      'Thu Dec 15 2016',
      '2016-12-15',
      'Evacuations resumed.',
    ],
    [
      'AFP Friday 24 Oct 2014 Ten children were killed.',
      'Children killed',
      'AFP Friday 24 Oct 2014',
      '2014-10-24',
      'Ten children were killed.',
    ],
    [
      'Wednesday 07 December 2016 135 Civilians Killed in Idlib Activists said 135 civilians died.',
      '135 Civilians Killed in Idlib',
      'Wednesday 07 December 2016',
      '2016-12-07',
      'Activists said 135 civilians died.',
    ],
    [
      'Ten civilians killed in Raqqa 21 November 2016 Raqqa SANA-Aircraft struck the city.',
      'Ten civilians killed in Raqqa',
      '21 November 2016',
      '2016-11-21',
      'Aircraft struck the city.',
    ],
    [
      'Published 12:04 GMT, 14 January 2026 M23 fighters shelled the town.',
      'Town shelled',
      'Published 12:04 GMT, 14 January 2026',
      '2026-01-14',
      'M23 fighters shelled the town.',
    ],
    [
      '21.08.2013Get short URL 0 0 0 Regime forces fired rockets.',
      'Rockets fired',
      '21.08.2013',
      '2013-08-21',
      'Regime forces fired rockets.',
    ],
    [
      'Posted on April 19 2017 by Asharq Al-Awsat English Six Killed in Bombing Six people were killed.',
      'Six Killed in Bombing',
      'Posted on April 19 2017',
      '2017-04-19',
      'Six people were killed.',
    ],
  ])('%s', (text, headline, dateline, date, firstParagraph) => {
    const { article } = prepareDocument(raw(text, { headline }));
    expect(article.dateline).toBe(dateline);
    expect(article.publishedAt).toMatchObject({
      date,
      precision: 'day',
      basis: 'dateline',
      confidence: 0.95,
    });
    expect(article.paragraphs[0]?.text).toBe(firstParagraph);
  });

  it("reads Yemen's capital as an AP dateline: SANAA is not the SANA agency's dateline", () => {
    const { article } = prepareDocument(
      raw('SANAA, Yemen (AP) — Air strikes hit the port of Hodeidah on Monday.', { headline: 'Strikes' }),
    );
    expect(article.dateline).toBe('SANAA, Yemen (AP)');
    expect(article.outlet).toEqual({ id: 'ap', name: 'Associated Press' });
    expect(article.paragraphs[0]?.text).toBe('Air strikes hit the port of Hodeidah on Monday.');
  });

  it('trusts a "Last updated" date less', () => {
    const { article } = prepareDocument(
      raw('Last updated at Apr 232017 An attack killed three.', { headline: 'Three killed | Jordan Times' }),
    );
    expect(article.headline).toBe('Three killed');
    expect(article.publishedAt).toMatchObject({
      date: '2017-04-23',
      confidence: 0.7,
      reason: expect.stringContaining('updated'),
    });
  });
});

describe('sign-offs, footers and teasers', () => {
  it.each([
    [
      'Strikes continued on Friday. Source TRTWorld and agencies',
      'trt',
      ['TRT World/null:agencies'],
      'Strikes continued on Friday.',
    ],
    [
      'Seventy-six people were killed. Reporting by Oliver Holmes; Editing by Jane Roe Our Standards:The Thomson Reuters Trust Principles.',
      'reuters',
      ['Reuters/Oliver Holmes:reporting'],
      'Seventy-six people were killed.',
    ],
    [
      'Eighteen civilians were killed. (Source: Syrian Coalition) Twitter',
      'etilaf',
      ['Syrian Coalition (Etilaf)/null:source'],
      'Eighteen civilians were killed.',
    ],
    ['A shell hit the street. Manar al-Freih / Hazem Sabbagh', 'sana', [], 'A shell hit the street.'],
    ['Rockets were fired. ... 11 Tags chemical weapons Damascus', 'sputnik', [], 'Rockets were fired.'],
    [
      'The toll rose to 40. Last Update: Saturday 7 October 2017 KSA 16:06 - GMT 13:06 3885',
      'arabiya',
      [],
      'The toll rose to 40.',
    ],
  ])('%s', (text, outlet, credits, lastParagraph) => {
    const { article } = prepareDocument(raw(text, { outlet }));
    expect(article.credits.map((c) => `${c.agency}/${c.person}:${c.role}`)).toEqual(credits);
    expect(article.paragraphs.at(-1)?.text).toBe(lastParagraph);
  });

  it('cuts a tag run and "Read Also" out of the middle of the text', () => {
    const { article, sentences } = prepareDocument(
      raw(
        '12 February 2015 Casualties mount as the assault continues. Tags Syria Free Syrian Army Idlib The brigade said on Monday it had killed fighters. Read Also',
        { outlet: 'alaraby' },
      ),
    );
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      'Casualties mount as the assault continues.',
      'The brigade said on Monday it had killed fighters.',
    ]);
    expect(sentences).toHaveLength(2);
  });

  it('keeps the body after a share bar and related links that open the text', () => {
    // Ahram Online prints its share bar, then related headlines, then the headline again and a
    // dash before the body; the share bar's tail rule used to cut everything after it
    const { article } = prepareDocument(
      raw(
        'Monday 4 Jan 2016 Truck bomb kills 12 in border town AFP Print Tweet Views 312 Related Talks stall in Geneva Truck bomb kills 12 in border town -A truck bomb killed 12 people in a border town on Monday. Rescuers searched the rubble.',
        { outlet: 'ahram', headline: 'Truck bomb kills 12 in border town' },
      ),
    );
    expect(article.paragraphs.map((p) => p.text).join(' ')).toBe(
      'A truck bomb killed 12 people in a border town on Monday. Rescuers searched the rubble.',
    );
  });

  it.each([
    [
      'PORT SUDAN, Sudan (Reuters) - The army said it repelled an attack.',
      'PORT SUDAN, Sudan (Reuters)',
      'reuters',
    ],
    ['GOMA, Congo (AP) - M23 rebels shelled a camp on Tuesday.', 'GOMA, Congo (AP)', 'ap'],
    ['GOMA, Congo (AP) \u2013 M23 rebels shelled a camp on Tuesday.', 'GOMA, Congo (AP)', 'ap'],
    [
      'BEIRUT/THE HAGUE, March 7 (Reuters) - A report said a tank fired twice.',
      'BEIRUT/THE HAGUE, March 7 (Reuters)',
      'reuters',
    ],
  ])('reads a city-and-country agency dateline with a hyphen or a dash: %s', (text, dateline, outlet) => {
    const { article } = prepareDocument(raw(`Report\n\n${text}`));
    expect(article.dateline).toBe(dateline);
    expect(article.outlet?.id).toBe(outlet);
    expect(article.paragraphs[0]?.text).toBe(text.replace(/^.*?\) [-\u2013] /, ''));
  });

  it.each([
    'UN-backed talks - which began in May - stalled after shelling killed four people (Reuters) in Goma.',
    'Kenya-led police - some 400 officers (AP) - patrolled Port-au-Prince on Monday.',
  ])('takes no ordinary first sentence with a hyphen for a dateline: %s', (text) => {
    const { article } = prepareDocument(raw(`Report\n\n${text}`));
    expect(article.dateline).toBeNull();
    expect(article.paragraphs[0]?.text).toBe(text);
  });

  it('reads an agency dateline as the outlet when nothing else names one', () => {
    const { article } = prepareDocument(
      raw('Rebels shell city\n\nBEIRUT (Reuters) - Rebels shelled the city on Friday.'),
    );
    expect(article.dateline).toBe('BEIRUT (Reuters)');
    expect(article.outlet).toEqual({ id: 'reuters', name: 'Reuters' });
    expect(article.paragraphs[0]?.text).toBe('Rebels shelled the city on Friday.');
  });
});

describe('publication date from metadata and hints', () => {
  it('metadata wins over the dateline', () => {
    const { article } = prepareDocument(raw('Wed 05 Apr 2017 Body text.', { publishedAt: '2017-04-06' }));
    expect(article.publishedAt).toMatchObject({ date: '2017-04-06', basis: 'metadata', confidence: 1 });
  });

  it("uses a source's date label only when the text prints no dateline", () => {
    expect(
      prepareDocument(raw('Rebels shelled the city.', {}, '4/5/2017')).article.publishedAt,
    ).toMatchObject({
      date: '2017-04-05',
      basis: 'metadata',
      confidence: 0.6,
    });
    expect(prepareDocument(raw('Wed 05 Apr 2017 Body.', {}, '6/13/2017')).article.publishedAt.date).toBe(
      '2017-04-05',
    );
  });

  it('says so when the text gives no date at all', () => {
    expect(prepareDocument(raw('Rebels shelled the city on Friday.')).article.publishedAt).toEqual({
      date: null,
      precision: 'unknown',
      basis: 'unknown',
      confidence: 0,
      reason: 'no date in the text',
      evidence: null,
    });
  });
});
