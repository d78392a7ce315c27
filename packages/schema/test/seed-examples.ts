// Real records taken from corpus/003_7e8356547cb68094.txt (TRT World, October 2016), written by hand.
// Offsets are into the original file text.
import type { Article } from '../src/article.ts';
import type { Claim } from '../src/claim.ts';
import type { Event } from '../src/event.ts';

const ARTICLE_ID = 'art_7e8356547cb68094';

export const sohrClaim: Claim = {
  id: 'clm_0000000000000001',
  articleId: ARTICLE_ID,
  kind: 'reported',
  speaker: {
    actor: { id: 'actor:rami-abdel-rahman', name: 'Rami Abdel Rahman' },
    text: 'SOHR head Rami Abdel Rahman',
    affiliation: { id: 'actor:sohr', name: 'Syrian Observatory for Human Rights' },
    title: 'head',
  },
  via: [],
  verb: 'said',
  stance: 'assert',
  text: 'Seven children were among 71 civilians killed in opposition-held areas on Tuesday and Wednesday',
  sentence:
    'Seven children were among 71 civilians killed in opposition-held areas on Tuesday and Wednesday, SOHR head Rami Abdel Rahman said.',
  span: { start: 1234, end: 1363 },
  saidOn: null,
  quantities: [
    {
      measure: 'killed',
      group: 'civilians',
      value: { best: 71, low: null, high: null },
      qualifier: 'exact',
      text: '71 civilians',
      span: { start: 1260, end: 1272 },
      partOf: null,
      cumulative: false,
      period: null,
    },
    {
      measure: 'killed',
      group: 'children',
      value: { best: 7, low: null, high: null },
      qualifier: 'exact',
      text: 'Seven children',
      span: { start: 1234, end: 1248 },
      partOf: 0,
      cumulative: false,
      period: null,
    },
  ],
};

export const kalasehStrike: Event = {
  id: 'evt_0000000000000001',
  articleId: ARTICLE_ID,
  kind: 'airstrike',
  summary:
    'Air strikes killed 13 people in rebel-held districts of Aleppo including al-Kalaseh, Bustan al-Qasr and al-Sakhour.',
  occurred: {
    start: '2016-10-13',
    end: '2016-10-13',
    precision: 'day',
    tense: 'past',
    text: 'on Thursday',
    reason: null,
  },
  location: { name: 'al-Kalaseh', placeId: 'place:sy:aleppo:al-kalaseh', precision: 'neighbourhood' },
  participants: [
    { actor: { id: null, name: 'warplanes' }, role: 'perpetrator' },
    { actor: { id: 'actor:ibrahim-abu-al-laith', name: 'Ibrahim Abu al-Laith' }, role: 'speaker' },
  ],
  casualties: {
    killed: { best: 13, low: null, high: null, qualifier: 'exact', group: 'people', breakdown: {} },
    injured: null,
    missing: null,
  },
  count: null,
  vote: null,
  claimIds: ['clm_0000000000000002'],
  evidence: [
    {
      articleId: ARTICLE_ID,
      field: 'casualties.killed',
      sentence:
        'Air strikes killed 13 people on Thursday, when warplanes hit several rebel-held districts, including al-Kalaseh, Bustan al-Qasr and al-Sakhour, civil defense official Ibrahim Abu al-Laith told Reuters from Aleppo.',
      span: { start: 1020, end: 1232 },
    },
  ],
};

export const trtArticle: Article = {
  id: ARTICLE_ID,
  headline: 'Russian and Syrian regime strikes kill over 80 in Aleppo',
  kicker: null,
  standfirst:
    'The Russian-backed offensive killed 13 civilians in opposition-held areas on Thursday. There were 71 casualties on Tuesday and Wednesday, including seven children.',
  byline: null,
  dateline: null,
  outlet: { id: 'outlet:trt-world', name: 'TRT World' },
  url: null,
  credits: [{ agency: 'Reuters', person: null, role: 'photo', span: { start: 224, end: 251 } }],
  publishedAt: {
    date: null,
    precision: 'unknown',
    basis: 'unknown',
    confidence: 0,
    reason: 'the text names weekdays ("on Thursday") but no date or year',
    evidence: null,
  },
  captions: [
    {
      text: "Aleppo's opposition-held al-Fardous district, Syria, October 12, 2016.",
      credit: null,
      date: '2016-10-12',
      span: { start: 370, end: 441 },
    },
  ],
  paragraphs: [
    { text: 'Russian and Syrian regime strikes kill over 80 in Aleppo', span: { start: 0, end: 56 } },
  ],
  language: 'en',
  wordCount: 520,
  contentHash: 'e0b747fedc87b20c0000000000000000000000000000000000000000000000aa',
  origin: { path: 'corpus/003_7e8356547cb68094.txt' },
  hints: { publishedAt: null, location: null, label: null },
  extractorVersion: null,
};
