// The "Supported" cell: an emoji, a shortcode (GitHub renders `:white_check_mark:`, the markdown
// keeps the text), or a word, often followed by a date or a note ("✅ until 2026-04", "Security
// fixes only"). The marker that comes first in the cell decides, so "No longer supported" is a no.
import { parseEndDate } from './dates.js';

export interface SupportCell {
  supported: boolean | undefined;
  /** A date the cell gives as the end of support ("until 2026-04-30", "EOL January 2026"). */
  until?: Date;
}

const YES = [
  ':white_check_mark:',
  ':heavy_check_mark:',
  ':ballot_box_with_check:',
  ':green_circle:',
  ':check:',
  ':warning:',
  '✅',
  '✔️',
  '✔',
  '✓',
  '☑️',
  '☑',
  '🟢',
  '⚠️',
  '⚠',
];
const NO = [
  ':x:',
  ':no_entry:',
  ':no_entry_sign:',
  ':heavy_multiplication_x:',
  ':negative_squared_cross_mark:',
  ':red_circle:',
  ':heavy_minus_sign:',
  '❌',
  '✖️',
  '✖',
  '✗',
  '✘',
  '⛔',
  '🚫',
  '❎',
  '🔴',
  '➖',
];
// Words, matched on word boundaries; longer phrases listed before their prefixes.
const YES_WORDS = [
  'security fixes only',
  'security fixes',
  'security updates',
  'security patches',
  'security only',
  'critical fixes',
  'bug fixes',
  'bugfixes',
  'bugfix',
  'features',
  'yes',
  'y',
  'supported',
  'active',
  'lts',
  'maintained',
  'maintenance',
  'current',
  'stable',
  'true',
  'security',
  'patches',
];
const NO_WORDS = [
  'end of life',
  'end-of-life',
  'no longer',
  'not supported',
  'unsupported',
  'unmaintained',
  'deprecated',
  'discontinued',
  'retired',
  'obsolete',
  'archived',
  'expired',
  'eol',
  'no',
  'n',
  'not',
  'none',
  'false',
  'ended',
];

// Words stand alone: "no" must not match inside "not" or "notes", nor "supported" inside "unsupported".
const WORD_PATTERNS: [RegExp, boolean][] = [
  ...YES_WORDS.map((word) => [wordPattern(word), true] as [RegExp, boolean]),
  ...NO_WORDS.map((word) => [wordPattern(word), false] as [RegExp, boolean]),
];

function wordPattern(word: string): RegExp {
  return new RegExp(String.raw`(?<![\p{L}\p{N}])${word}(?![\p{L}\p{N}])`, 'u');
}

interface Hit {
  at: number;
  length: number;
  supported: boolean;
}

export function parseSupportCell(cellText: string): SupportCell {
  const text = cellText.replace(/\s+/g, ' ').trim().toLowerCase();
  const hits: Hit[] = [];
  for (const marker of YES) find(text, marker, true, hits);
  for (const marker of NO) find(text, marker, false, hits);
  for (const [pattern, supported] of WORD_PATTERNS) {
    const match = pattern.exec(text);
    if (match) hits.push({ at: match.index, length: match[0].length, supported });
  }
  hits.sort((a, b) => a.at - b.at || b.length - a.length);
  const supported = hits[0]?.supported;
  return { supported, ...untilOf(text) };
}

/** "until 2026-04", "through April 2026", "EOL: 2025-12-31": a date tied to the end of support. */
function untilOf(text: string): { until?: Date } {
  const match = /\b(until|till|through|thru|to|ends?|ending|eol|end of life|end-of-life|expires?|expiring|by)\b:?\s*(.*)$/.exec(text);
  const until = match ? parseEndDate(match[2]!) : undefined;
  return until ? { until } : {};
}

function find(text: string, marker: string, supported: boolean, hits: Hit[]): void {
  const at = text.indexOf(marker);
  if (at >= 0) hits.push({ at, length: marker.length, supported });
}
