import { compareStrings } from '../../../util.js';

// Packagist versions as Composer orders them: composer/semver's VersionParser::normalize
// (https://github.com/composer/semver/blob/main/src/VersionParser.php, checked against 3.3.2 in
// test/checks/deps/ecosystems/reference/packagist.txt) then Comparator, which is PHP's
// version_compare (https://www.php.net/manual/en/function.version-compare.php, ext/standard/versioning.c)
// on the normalized strings. `v1.2` = `1.2.0.0`; `-p1`/`-pl1`/`-patch1` are patch releases above the
// release; `dev` < `alpha` = `a` < `beta` = `b` < `RC` = `rc` < release < `patch` = `pl` = `p`.
// Branches (`dev-main`) sort below every numbered version; Composer does not order two branches
// against each other, so they order by name (equal only when identical).
//
// Composer's patterns rely on PCRE's possessive quantifiers; their JavaScript forms below are
// written so that no input backtracks more than linearly (a 1 MB version is attacker input).

/** Composer's stability suffix names (VersionParser::expandStability). */
function expandStability(stability: string): string {
  const lower = stability.toLowerCase();
  return { a: 'alpha', b: 'beta', p: 'patch', pl: 'patch', rc: 'RC' }[lower] ?? lower;
}

// VersionParser::$modifierRegex, `((?:[.-]?\d+)*+)?` written as `((?:[.-]?\d)*)`: the same strings,
// but each repetition takes one digit, so a failed match cannot try every split of a digit run.
const MODIFIER = '[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d)*))?([.-]?dev)?';
const CLASSICAL = new RegExp(`^v?(\\d{1,5})(\\.\\d+)?(\\.\\d+)?(\\.\\d+)?${MODIFIER}$`, 'i');
const DATED = new RegExp(`^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3})?)${MODIFIER}$`, 'i');
const BRANCH = /^v?(\d+)(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?$/i;
// PCRE's \s without the u flag is ASCII whitespace only.
const ALIAS = /^([^, \t\n\v\f\r]+) +as +[^, \t\n\v\f\r]+$/;
const BUILD = /^([^, \t\n\v\f\r+]+)\+[^ \t\n\v\f\r]+$/;
const PHP_SPACE = ' \t\n\r\0\x0B'; // what PHP's trim() strips

function phpTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && PHP_SPACE.includes(text.charAt(start))) start++;
  while (end > start && PHP_SPACE.includes(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

/** VersionParser::normalize; undefined where Composer throws "Invalid version string". */
export function normalizeComposerVersion(input: string): string | undefined {
  let version = phpTrim(input);
  version = ALIAS.exec(version)?.[1] ?? version; // `1.0.x-dev as 1.0.0`
  version = version.replace(/@(?:stable|RC|beta|alpha|dev)$/i, '');
  if (version === 'master' || version === 'trunk' || version === 'default') version = `dev-${version}`;
  if (version.slice(0, 4).toLowerCase() === 'dev-') return `dev-${version.slice(4)}`;
  version = BUILD.exec(version)?.[1] ?? version; // build metadata is not part of the order

  const classical = CLASSICAL.exec(version);
  const dated = classical ? null : DATED.exec(version);
  const match = classical ?? dated;
  if (match) {
    let normalized = classical
      ? `${match[1]}${match[2] || '.0'}${match[3] || '.0'}${match[4] || '.0'}`
      : (match[1] ?? '').replace(/\D/g, '.');
    const index = classical ? 5 : 2;
    const stability = match[index];
    if (stability) {
      if (stability === 'stable') return normalized; // case-sensitive in Composer, and before `-dev`
      normalized += `-${expandStability(stability)}${(match[index + 1] ?? '').replace(/^[.-]+/, '')}`;
    }
    if (match[index + 2]) normalized += '-dev';
    return normalized;
  }

  // `(.*?)[.-]?dev$`: a numeric branch like `1.x-dev` or `2.1.x-dev`, the highest version on it.
  // PCRE's `.` stops at a line feed, so only the last line can match.
  const lastLine = version.slice(version.lastIndexOf('\n') + 1);
  if (lastLine.toLowerCase().endsWith('dev')) {
    const branch = BRANCH.exec(phpTrim(lastLine.slice(0, -3).replace(/[.-]$/, '')));
    if (branch) {
      const parts = [branch[1], branch[2], branch[3], branch[4]].map((part) => (part === undefined ? '.x' : part.replace(/[*X]/g, 'x')));
      return `${parts.join('').replaceAll('x', '9999999')}-dev`;
    }
  }
  return undefined;
}

// PHP's special version forms, matched by prefix in this order (versioning.c compare_special_version_forms).
const SPECIAL_FORMS: [string, number][] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];

function specialForm(part: string): number {
  for (const [name, order] of SPECIAL_FORMS) if (part.startsWith(name)) return order;
  return -1; // not a special form: below `dev`
}

/** php_canonicalize_version: `-`, `_`, `+` become `.`, and a `.` goes between digits and non-digits. */
function canonicalize(version: string): string[] {
  if (version === '') return [];
  const isDigit = (c: string) => c >= '0' && c <= '9';
  let out = version.charAt(0);
  let last = out;
  for (let i = 1; i < version.length; i++) {
    const previous = version.charAt(i - 1);
    const c = version.charAt(i);
    if (c === '-' || c === '_' || c === '+') {
      if (last !== '.') out += last = '.';
    } else if ((!isDigit(previous) && previous !== '.' && isDigit(c)) || (isDigit(previous) && !isDigit(c) && c !== '.')) {
      if (last !== '.') out += '.';
      out += last = c;
    } else if (!/[0-9A-Za-z]/.test(c)) {
      if (last !== '.') out += last = '.';
    } else out += last = c;
  }
  return out.split('.');
}

const LONG_MAX = '9223372036854775807';

/** strtol(part, NULL, 10) as digits without leading zeros: C's long saturates at LONG_MAX. */
function strtol(part: string): string {
  const digits = (/^\d+/.exec(part)?.[0] ?? '').replace(/^0+/, '');
  return digits.length > LONG_MAX.length || (digits.length === LONG_MAX.length && digits > LONG_MAX) ? LONG_MAX : digits;
}

function comparePart(a: string, b: string): number {
  const aDigit = /^\d/.test(a);
  const bDigit = /^\d/.test(b);
  if (aDigit && bDigit) {
    const l = strtol(a);
    const r = strtol(b);
    return l.length !== r.length ? Math.sign(l.length - r.length) : compareStrings(l, r);
  }
  if (!aDigit && !bDigit) return Math.sign(specialForm(a) - specialForm(b));
  return aDigit ? Math.sign(specialForm('#') - specialForm(b)) : Math.sign(specialForm(a) - specialForm('#'));
}

/** PHP's version_compare. */
export function phpVersionCompare(a: string, b: string): number {
  const left = canonicalize(a);
  const right = canonicalize(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const result = comparePart(left[i] as string, right[i] as string);
    if (result !== 0) return result;
  }
  const extraLeft = left[right.length];
  const extraRight = right[left.length];
  if (extraLeft !== undefined) return /^\d/.test(extraLeft) ? 1 : comparePart(extraLeft, '#');
  if (extraRight !== undefined) return /^\d/.test(extraRight) ? -1 : comparePart('#', extraRight);
  return 0;
}

/** Composer's Comparator on normalized versions, made total: see the header for branches and invalid versions. */
export function comparePackagist(a: string, b: string): number {
  const left = normalizeComposerVersion(a);
  const right = normalizeComposerVersion(b);
  // What Composer rejects sorts below everything it accepts, by code units among itself.
  if (left === undefined || right === undefined) return left === undefined ? (right === undefined ? compareStrings(a, b) : -1) : 1;
  const order = phpVersionCompare(left, right);
  if (order !== 0 || !(left.startsWith('dev-') || right.startsWith('dev-'))) return order;
  return compareStrings(left, right);
}
