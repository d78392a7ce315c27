/**
 * Every date expression in the five seeds' body sentences, read by hand, with the value it
 * has when the article's true publication day is known (000–002: Friday 9 December 2016;
 * 003–004: Thursday 13 October 2016, fixed from the events they report). `context` is a
 * unique stretch of the original text around `text`. Captions and standfirsts are not body
 * sentences and are left out.
 */
export interface DateGold {
  context: string;
  text: string;
  start: string;
  end: string;
  precision: 'day' | 'week' | 'month' | 'year';
  tense: 'past' | 'scheduled';
}

export const TRUE_PUBLICATION: Record<string, string> = {
  '000': '2016-12-09',
  '001': '2016-12-09',
  '002': '2016-12-09',
  '003': '2016-10-13',
  '004': '2016-10-13',
};

const day = (
  context: string,
  text: string,
  start: string,
  end = start,
  tense: 'past' | 'scheduled' = 'past',
): DateGold => ({
  context,
  text,
  start,
  end,
  precision: 'day',
  tense,
});

export const DATE_GOLD: Record<string, DateGold[]> = {
  '000': [
    day('rebel groups said Friday', 'Friday', '2016-12-09'),
    day('in the city as of Friday morning', 'Friday morning', '2016-12-09'),
    day('also said Thursday', 'Thursday', '2016-12-08'),
    day('bombed the city overnight', 'overnight', '2016-12-07', '2016-12-08'),
    day('in east Aleppo on Thursday', 'on Thursday', '2016-12-08'),
    day('Russia said Thursday', 'Thursday', '2016-12-08'),
    day('said that as of Friday morning', 'Friday morning', '2016-12-09'),
    day('meetings Wednesday and Thursday', 'Wednesday and Thursday', '2016-12-07', '2016-12-08'),
    day('Lavrov said Thursday', 'Thursday', '2016-12-08'),
    day('in Geneva Saturday', 'Saturday', '2016-12-10', '2016-12-10', 'scheduled'),
    day('his Nov. 30 briefing', 'Nov. 30', '2016-11-30'),
  ],
  '001': [
    day('clashes on Friday', 'on Friday', '2016-12-09'),
    day('advanced on Thursday', 'on Thursday', '2016-12-08'),
    day('Security Council on Thursday', 'on Thursday', '2016-12-08'),
    day('government said on Friday', 'on Friday', '2016-12-09'),
    day('Kerry said on Friday', 'on Friday', '2016-12-09'),
    day('in Geneva on Saturday', 'on Saturday', '2016-12-10', '2016-12-10', 'scheduled'),
    day('122 to 13 on Friday', 'on Friday', '2016-12-09'),
  ],
  '002': [
    day('by Russia the previous day', 'the previous day', '2016-12-08'),
    day('Aleppo on December 9 with', 'December 9', '2016-12-09'),
    day('speaking on December 8', 'December 8', '2016-12-08'),
    day('journalists on December 9', 'December 9', '2016-12-09'),
    day('Geneva on December 10', 'December 10', '2016-12-10', '2016-12-10', 'scheduled'),
    day('122 to 13 on December 9', 'December 9', '2016-12-09'),
    day('a vote on December 5', 'December 5', '2016-12-05'),
    day('In Moscow on December 9', 'December 9', '2016-12-09'),
    {
      context: 'the area since 2012',
      text: '2012',
      start: '2012-01-01',
      end: '2012-12-31',
      precision: 'year',
      tense: 'past',
    },
    {
      context: 'protesters in 2011',
      text: '2011',
      start: '2011-01-01',
      end: '2011-12-31',
      precision: 'year',
      tense: 'past',
    },
    {
      context: 'began in September 2015',
      text: 'September 2015',
      start: '2015-09-01',
      end: '2015-09-30',
      precision: 'month',
      tense: 'past',
    },
  ],
  '003': [
    day('Aleppo early on Thursday', 'on Thursday', '2016-10-13'),
    day('13 people on Thursday', 'on Thursday', '2016-10-13'),
    day('areas on Tuesday and Wednesday, SOHR', 'on Tuesday and Wednesday', '2016-10-11', '2016-10-12'),
    day('Aleppo on September 22', 'September 22', '2016-09-22'),
    {
      context: 'opposition fighters since 2012',
      text: '2012',
      start: '2012-01-01',
      end: '2012-12-31',
      precision: 'year',
      tense: 'past',
    },
    {
      context: 'areas earlier this week',
      text: 'earlier this week',
      start: '2016-10-10',
      end: '2016-10-13',
      precision: 'week',
      tense: 'past',
    },
    {
      context: 'Russia collapsed last month',
      text: 'last month',
      start: '2016-09-01',
      end: '2016-09-30',
      precision: 'month',
      tense: 'past',
    },
    {
      context: 'Russia, last week, vetoed',
      text: 'last week',
      start: '2016-10-03',
      end: '2016-10-09',
      precision: 'week',
      tense: 'past',
    },
    day('on Wednesday said US', 'on Wednesday', '2016-10-12'),
    day('Switzerland on Saturday', 'on Saturday', '2016-10-15', '2016-10-15', 'scheduled'),
  ],
  '004': [
    day('in the past 48 hours', 'the past 48 hours', '2016-10-11', '2016-10-13'),
    day('eight people killed Wednesday', 'Wednesday', '2016-10-12'),
    day('The deaths came a day after', 'a day after', '2016-10-11'),
    day('overnight into Thursday', 'overnight into Thursday', '2016-10-12', '2016-10-13'),
    day('mortar attack Wednesday', 'Wednesday', '2016-10-12'),
    day('will meet Saturday with', 'Saturday', '2016-10-15', '2016-10-15', 'scheduled'),
    day('Department said Wednesday', 'Wednesday', '2016-10-12'),
    day('told reporters Thursday in Geneva', 'Thursday', '2016-10-13'),
    {
      context: 'in the past week',
      text: 'the past week',
      start: '2016-10-06',
      end: '2016-10-13',
      precision: 'week',
      tense: 'past',
    },
    day('by phone Thursday', 'Thursday', '2016-10-13'),
    day('Kremlin said Tuesday', 'Tuesday', '2016-10-11'),
    {
      context: 'France next week',
      text: 'next week',
      start: '2016-10-17',
      end: '2016-10-23',
      precision: 'week',
      tense: 'scheduled',
    },
    day('On Saturday, Russia vetoed', 'On Saturday', '2016-10-08'),
    day('the weekend discussion', 'the weekend', '2016-10-15', '2016-10-16', 'scheduled'),
    {
      context: 'that collapsed last month',
      text: 'last month',
      start: '2016-09-01',
      end: '2016-09-30',
      precision: 'month',
      tense: 'past',
    },
  ],
};
