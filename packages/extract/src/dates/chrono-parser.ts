// The English locale only: the package root loads all sixteen locales (~90 ms more at every
// start, paid again by each ingest worker thread).
import * as chronoEn from 'chrono-node/en';

/**
 * chrono-node's en-GB parser (numeric dates day-first: "24.08.2013") with each of its parsers
 * behind a cheap test of the words its pattern cannot match without. chrono runs all eighteen
 * patterns over every sentence it is given, and most sentences name one kind of date; a parser
 * whose word is absent cannot match, so skipping it changes no result — only its scan of the
 * sentence, a regex with a look at every position, is saved.
 *
 * Each guard below is read off the parser's pattern (case-insensitive, as the patterns are):
 * a substring every match must contain, wherever in the text the match starts. A parser with
 * no entry (ENTimeUnitWithinFormatParser: "in", "for" are everywhere) always runs, as does any
 * parser a later chrono version adds or renames.
 */
const MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const GUARDS: Record<string, RegExp> = {
  // "2016-12-08", "2016 Dec 08", "2016/12/08": four digits, then a separator
  ENYearMonthDayParser: /\d{4}[-./\s]/,
  ISOFormatParser: /\d{4}-\d/,
  // "24.08.2013", "8/12": a digit, a separator, a digit
  SlashDateFormatParser: /\d[-./]\d/,
  ENSlashMonthFormatParser: /\d\/\d/,
  // every month name and abbreviation starts with one of these
  ENMonthNameLittleEndianParser: MONTH,
  ENMonthNameMiddleEndianParser: MONTH,
  ENMonthNameParser: MONTH,
  ENYearMonthNameParser: MONTH,
  // every weekday name and abbreviation, "weekend", "weekday"
  ENWeekdayParser: /sun|mon|tue|wed|thu|fri|sat|week/i,
  // a clock time is digits ("at 10", "10:30 pm")
  ENTimeExpressionParser: /\d/,
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
  ENTimeUnitLaterFormatParser: /later|after|from now|henceforth|forward|out/i,
  // "last night" and "tmrw" contain "night" and "tmr"
  ENCasualDateParser: /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|night/i,
  // "midnight" contains "night"
  ENCasualTimeParser: /morning|afternoon|evening|night|midday|noon/i,
  ENEndOfCurrentMonthParser: /month/i,
  // "after this" contains "after"
  ENRelativeDateFormatParser: /this|last|past|next|after/i,
  ENTimeUnitCasualRelativeFormatParser: /this|last|past|next|after|\+|-/i,
};

type Parser = (typeof chronoEn.GB.parsers)[number];
type Context = Parameters<Parser['pattern']>[0];

/** Matches nothing, at once (anchored at the start). */
const NOTHING = /^(?!)/;

/** The last text each guard was tested on, and the answer: four parsers share the month test. */
const lastTested = new Map<RegExp, { text: string; passes: boolean }>();
function passes(guard: RegExp, text: string): boolean {
  const last = lastTested.get(guard);
  if (last?.text === text) return last.passes;
  const answer = guard.test(text);
  lastTested.set(guard, { text, passes: answer });
  return answer;
}

function guarded(parser: Parser, guard: RegExp): Parser {
  return {
    pattern: (context: Context) => (passes(guard, context.text) ? parser.pattern(context) : NOTHING),
    extract: (context, match) => parser.extract(context, match),
  };
}

export const chronoGB = chronoEn.GB.clone();
chronoGB.parsers = chronoGB.parsers.map((parser) => {
  const guard = GUARDS[parser.constructor.name];
  return guard ? guarded(parser, guard) : parser;
});
