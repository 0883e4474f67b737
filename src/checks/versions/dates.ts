// End-of-life dates as SECURITY.md tables write them: `2026-04-30`, `2026-04`, `April 2026`,
// `Apr 30, 2026`, `30 April 2026`. A date names the last day of support, so it resolves to the
// end of that day (or of that month, for `April 2026`), in UTC.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

const FORMATS: [RegExp, (match: RegExpExecArray) => Date | undefined][] = [
  [/\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b/, (m) => endOfDay(+m[1]!, +m[2]!, +m[3]!)],
  [new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'i'), (m) => endOfDay(+m[3]!, month(m[1]!), +m[2]!)],
  [new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})\b`, 'i'), (m) => endOfDay(+m[3]!, month(m[2]!), +m[1]!)],
  [new RegExp(String.raw`\b${MONTH},?\s+(\d{4})\b`, 'i'), (m) => endOfMonth(+m[2]!, month(m[1]!))],
  [/\b(\d{4})-(\d{1,2})\b/, (m) => endOfMonth(+m[1]!, +m[2]!)],
];

/** The first date in the text, as the last instant it still covers; undefined when there is none. */
export function parseEndDate(text: string): Date | undefined {
  for (const [pattern, build] of FORMATS) {
    const match = pattern.exec(text);
    // A match that is not a real day ("2026-02-30") is no date, not a hint to try a looser format.
    if (match) return build(match);
  }
  // A lone year ("2027") in an end-of-life column: supported through that year.
  const year = /^\s*(\d{4})\s*$/.exec(text);
  return year ? endOfDay(+year[1]!, 12, 31) : undefined;
}

/** ISO day of a parsed end date, for messages. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function endOfDay(year: number, monthNumber: number, day: number): Date | undefined {
  if (monthNumber < 1 || monthNumber > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, monthNumber - 1, day, 23, 59, 59, 999));
  return date.getUTCDate() === day ? date : undefined; // 2026-02-30 is not a day
}

function endOfMonth(year: number, monthNumber: number): Date | undefined {
  if (monthNumber < 1 || monthNumber > 12) return undefined;
  return new Date(Date.UTC(year, monthNumber, 0, 23, 59, 59, 999));
}
