// The "Version" cell of a supported-versions table, as real projects write it: `5.1.x`, `4.x`,
// `28.x.y`, `< 4.0`, `>= 3.10.8, < 4.0.0`, `v2.x`, `7.x, 8.x`, `4.2 (LTS)`, `1.6 and above`,
// `main`, `all other releases`. The text is normalised into a node-semver range and parsed by
// `semver`'s Range, so the matching rules are semver's, not ours.
import semver from 'semver';

/** How finely a row names a release line: `4.x` is a major line, `0.1.x` a minor one. */
export type Granularity = 'major' | 'minor' | 'patch';

export interface RangeSpec {
  kind: 'range';
  /** The cell as written (markdown removed). */
  text: string;
  range: semver.Range;
  /** Undefined for comparator-only rows (`< 4.0`): they do not name a line. */
  granularity?: Granularity;
  /** A qualifier such as `alpha` or `beta`: a line ahead of its first stable release. */
  prerelease: boolean;
}

/**
 * Rows that name no version: `latest` (the newest release), a development branch (no release),
 * `others` (everything not listed, also `*`), `older` (everything below the listed lines).
 */
export type RowKeyword = 'latest' | 'branch' | 'others' | 'older';

export interface KeywordSpec {
  kind: 'keyword';
  text: string;
  keyword: RowKeyword;
  /** `latest` only: how many of the newest lines the row names ("the latest 2 major versions"); 1 when unsaid. */
  count?: number;
  /** `latest` only: the kind of line counted, when the row says ("major versions"); else the table's granularity. */
  granularity?: Exclude<Granularity, 'patch'>;
}

export type VersionSpec = RangeSpec | KeywordSpec;

export type VersionCell = { spec: VersionSpec; note?: string } | { problem: string };

const KEYWORDS: [RegExp, RowKeyword][] = [
  [/^(\*|x|any|all|all versions|all releases|every version)$/, 'others'],
  [/^(the )?(latest|current|newest|most recent)( stable)?( (release|version|minor|major|major version|minor version))?s?$/, 'latest'],
  [/^(main|master|develop|development|dev|trunk|head|nightly|edge|canary|unreleased)( branch)?$/, 'branch'],
  [/\b(other|others|rest|everything else|anything else)\b/, 'others'],
  [/^(all )?(older|earlier|previous|prior|legacy|old)( (versions?|releases?|lines?|majors?))?$/, 'older'],
];

// "The latest 2 major versions", "the two most recent releases", "last 3 minor lines": a count of
// the newest lines, not version 2 or 3. Checked before any version is read from the cell.
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six'];
const LATEST_COUNT = new RegExp(
  String.raw`^(?:(?:only|the|our)\s+)*(?:(?:latest|newest|last|most recent|current)\s+)?(?<count>\d|${NUMBER_WORDS.join('|')})\s+` +
    String.raw`(?:(?:latest|newest|last|most recent|recent)\s+)?(?:(?<unit>major|minor)\s+)?(?<noun>versions|releases|lines|series|branches|majors|minors)$`,
);

// Prose before a version: "Latest release in 8.x", "the current major version 3", "Only the latest 2.x",
// "Latest minor of 3", "Version 2.x". The words say which release of the line gets fixes; the version
// names the line, and the line is what the table promises.
const LEADING_PROSE =
  /^(?:(?:only|just|the|our|latest|newest|most recent|recent|current|currently|last|stable|supported|releases?|versions?|major|minor|series|line|branch|in|of|for|on|within)(?![\p{L}\p{N}])[\s:,-]*)+/iu;

const PRERELEASE_NOTE = /\b(alpha|beta|rc|preview|pre-?release|canary|nightly|unstable|upcoming|unreleased|next)\b/i;

// Words that turn a bare version into a comparator: "1.6 and above" is `>= 1.6`.
const SUFFIX_OPERATORS: [RegExp, string][] = [
  [/^(?:\+|(?:and (?:above|later|newer|up|higher|greater)|or (?:later|newer|above|higher|greater)|(?:and )?onwards?)\b)\.?/i, '>='],
  [/^(?:and (?:below|older|earlier|lower|prior)|or (?:earlier|older|below|lower))\b\.?/i, '<='],
];
const PREFIX_OPERATORS: [RegExp, string][] = [
  [/^(before|prior to|older than|below|less than|lower than|earlier than|under)\s+/i, '<'],
  [/^(up to|until|through)\s+/i, '<='],
  [/^(after|newer than|greater than|above|later than|higher than)\s+/i, '>'],
  [/^(since|from|starting (at|from|with))\s+/i, '>='],
];

// One version as written: `v2`, `5.1.x`, `28.x.y`, `1.2.3-rc.1`.
const VERSION = String.raw`[vV]?\d+(?:\.(?:\d+|[xXyYzZ*]))*(?:-[0-9A-Za-z.-]+)?`;
const PART = new RegExp(
  String.raw`^(?<op>[<>]=?|=|~>?|\^)?\s*(?<from>${VERSION})(?:\s*(?:-|–|—|to|through)\s*(?<to>${VERSION}))?(?<rest>.*)$`,
);

export function parseVersionCell(cellText: string): VersionCell {
  const text = cellText.replace(/\s+/g, ' ').trim();
  if (text === '') return { problem: 'the version cell is empty' };

  // Parenthesised and bracketed asides ("(LTS)", "[EOL]") are notes, not versions.
  const notes: string[] = [];
  const bare = text
    .replace(/[([]([^)\]]*)[)\]]/g, (_, inner: string) => {
      if (inner.trim()) notes.push(inner.trim());
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:;,]+$/, '');

  const lower = bare.toLowerCase();
  const latest = latestCount(lower);
  if (latest) return { spec: { kind: 'keyword', text, keyword: 'latest', ...latest }, ...noteOf(notes) };
  const keyword = keywordOf(lower);
  if (keyword) return { spec: { kind: 'keyword', text, keyword }, ...noteOf(notes) };
  if (bare === '' && notes.length > 0) return parseVersionCell(notes.join(', '));

  const parsed = parseAlternatives(bare, notes);
  if (typeof parsed === 'string') return { problem: parsed };
  const note = noteOf(notes);
  return {
    spec: { kind: 'range', text, range: parsed.range, granularity: parsed.granularity, prerelease: PRERELEASE_NOTE.test(notes.join(' ')) },
    ...note,
  };
}

/** A row that names no version: `latest`, `main / master`, `All other releases`. */
function keywordOf(lower: string): RowKeyword | undefined {
  if (/\d/.test(lower)) return undefined;
  const whole = KEYWORDS.find(([pattern]) => pattern.test(lower))?.[1];
  if (whole) return whole;
  // Alternatives that are all keywords ("main / master", "develop, main"): one row, one meaning;
  // `latest` wins, as it is the one that covers a release.
  const pieces = lower.split(/\s*(?:,|;|\|\||\/|&|\band\b|\bor\b)\s*/).filter((piece) => piece !== '');
  const keywords = pieces.map((piece) => KEYWORDS.find(([pattern]) => pattern.test(piece))?.[1]);
  if (pieces.length < 2 || keywords.some((keyword) => keyword === undefined)) return undefined;
  return keywords.includes('latest') ? 'latest' : keywords[0];
}

function latestCount(lower: string): Pick<KeywordSpec, 'count' | 'granularity'> | undefined {
  const groups = LATEST_COUNT.exec(lower)?.groups;
  if (!groups) return undefined;
  const word = NUMBER_WORDS.indexOf(groups.count!);
  const count = word >= 0 ? word + 1 : Number(groups.count);
  if (count < 1) return undefined;
  const unit = groups.unit ?? (groups.noun === 'majors' ? 'major' : groups.noun === 'minors' ? 'minor' : undefined);
  return unit === 'major' || unit === 'minor' ? { count, granularity: unit } : { count };
}

interface Part {
  comparator: string;
  granularity?: Granularity;
  /** '>' / '>=' for a lower bound, '<' / '<=' for an upper one; undefined for a line or exact version. */
  bound?: 'lower' | 'upper';
}

function parseAlternatives(text: string, notes: string[]): { range: semver.Range; granularity?: Granularity } | string {
  // `,` `;` `||` `/` `&` `or` `and` separate alternatives (or, for `>= 1, < 2`, the two ends of one range).
  const pieces = text
    .replace(/\b(and|or) (above|later|newer|up|higher|greater|below|older|earlier|lower|prior)\b/gi, '$1_$2')
    .split(/\s*(?:,|;|\|\||\/|&|\band\b|\bor\b)\s*/i)
    .map((piece) => piece.replace(/_/g, ' ').trim())
    .filter((piece) => piece !== '');
  const parts: Part[] = [];
  for (const piece of pieces) {
    const part = parsePart(piece, notes);
    if (typeof part === 'string') return part;
    if (part) parts.push(part);
  }
  if (parts.length === 0) return `could not read a version in '${text}'`;

  const granularity = finest(parts.map((part) => part.granularity));
  // `>= 3.10.8, < 4.0.0` is one range (both ends), not two alternatives.
  const bothEnds = parts.length === 2 && parts.some((part) => part.bound === 'lower') && parts.some((part) => part.bound === 'upper');
  const candidate = parts.map((part) => part.comparator).join(bothEnds ? ' ' : ' || ');
  try {
    const range = new semver.Range(candidate);
    if (semver.minVersion(range) !== null) return { range, granularity };
    return `'${text}' matches no version at all`;
  } catch {
    return `could not read '${text}' as a version range`;
  }
}

/** One alternative: an operator, a version (or `a - b`), and maybe a qualifier such as `LTS`. */
function parsePart(piece: string, notes: string[]): Part | undefined | string {
  let text = piece;
  let op: string | undefined;
  // "Releases before 4.0", "Latest release in 8.x": drop the prose, keep the operator, in any order.
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(LEADING_PROSE, '');
    for (const [pattern, operator] of PREFIX_OPERATORS) {
      if (pattern.test(text)) {
        op = operator;
        text = text.replace(pattern, '');
      }
    }
  }
  const match = PART.exec(text);
  if (!match?.groups || /\d/.test(match.groups.rest ?? '')) {
    const whole = asSemverRange(text);
    if (whole) return whole;
  }
  if (!match?.groups) {
    // A qualifier alone ("LTS" after "4.2, LTS") is a note; anything with digits is an unreadable version.
    if (/\d/.test(text)) return `could not read '${piece}' as a version`;
    notes.push(piece);
    return undefined;
  }
  const { from = '', to, rest = '' } = match.groups;
  op = match.groups.op ?? op;
  let qualifier = rest.trim();
  for (const [pattern, operator] of SUFFIX_OPERATORS) {
    if (pattern.test(qualifier) && op === undefined && to === undefined) {
      op = operator;
      qualifier = qualifier.replace(pattern, '').trim();
    }
  }
  if (qualifier !== '') {
    if (/\d/.test(qualifier) || !/^[\p{L}\s:'’.-]+$/u.test(qualifier)) return `could not read '${piece}' as a version`;
    notes.push(qualifier.replace(/^[\s:.'’-]+/, ''));
  }
  const start = normaliseVersion(from);
  if (to !== undefined) return { comparator: `${start} - ${normaliseVersion(to)}` };
  // RubyGems' pessimistic operator: `~> 2.3` is `>= 2.3, < 3`, `~> 2.3.1` is `>= 2.3.1, < 2.4`.
  if (op === '~>') op = granularityOf(start) === 'patch' ? '~' : '^';
  if (op === undefined || op === '=') return { comparator: start, granularity: granularityOf(start) };
  const bound = op.startsWith('>') ? 'lower' : op.startsWith('<') ? 'upper' : undefined;
  return { comparator: `${op}${start}`, bound };
}

/** A piece already in node-semver syntax, such as `>= 2.0 < 3.0` (no comma between the ends). */
function asSemverRange(text: string): Part | undefined {
  if (!/^[<>=~^]/.test(text)) return undefined;
  const normalised = text.replace(new RegExp(VERSION, 'g'), (version) => normaliseVersion(version));
  try {
    const range = new semver.Range(normalised);
    return semver.minVersion(range) === null ? undefined : { comparator: range.range };
  } catch {
    return undefined;
  }
}

/** `v2.X` -> `2.x`, `28.x.y` -> `28.x.x` (Electron writes the wildcard components as x and y). */
function normaliseVersion(version: string): string {
  return version
    .replace(/^v/i, '')
    .split('.')
    .map((component) => (/^[xXyYzZ*]$/.test(component) ? 'x' : component))
    .join('.');
}

function granularityOf(version: string): Granularity {
  const numbers = version
    .split('-')[0]!
    .split('.')
    .filter((component) => /^\d+$/.test(component)).length;
  return numbers <= 1 ? 'major' : numbers === 2 ? 'minor' : 'patch';
}

const ORDER: Granularity[] = ['major', 'minor', 'patch'];
function finest(values: (Granularity | undefined)[]): Granularity | undefined {
  let result: Granularity | undefined;
  for (const value of values) {
    if (value && (result === undefined || ORDER.indexOf(value) > ORDER.indexOf(result))) result = value;
  }
  return result;
}

function noteOf(notes: string[]): { note?: string } {
  return notes.length > 0 ? { note: notes.join('; ') } : {};
}
