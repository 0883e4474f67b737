// Maven versions ordered as Maven's ComparableVersion (maven-artifact 3.8.7, the reference this
// project's tests were generated with; see test/checks/deps/ecosystems/reference/maven.txt) and the
// POM reference's "Version Order Specification". A version is a list of items: numbers, qualifiers
// (strings) and sub-lists, started by `-` or by a letter/digit transition (`rc1` is `rc-1`; a
// qualifier after a dot, `1.0.0.RC1`, opens a sub-list like `-RC1` does, MNG-7559/MNG-7644).
// Trailing "null" items (0, '', 'ga', 'final', 'release', empty lists) are trimmed from every list.
// Every string is some version to Maven, so this never throws.
//
// Maven 3.9 later added "combination items" (`alpha2` as one item, ordered above `alpha`): it orders
// `5.0.0.Alpha2` above `5.0.0-alpha.11` and makes `1-ga1` equal to `1` while `1-ga1 < 1-ga2`
// (not transitive). We follow 3.8.7, which agrees with OSV's own Maven ordering and with every
// example of the POM reference and of Maven's ComparableVersionTest this project tests.
//
// Linear in the version's length: numbers compare as digit strings (no BigInt), and lists compare
// with an explicit stack, so a version nested a million levels deep (`1-1-1-…`) cannot overflow it.
import { compareStrings } from '../../../util.js';

// A version's lists form a spine: a sub-list is always the last item of its parent (parsing never
// returns to a parent). So the whole version is one flat list of tokens in which CHILD stands for
// "the next list starts here". Tokens are strings, not objects, so a 1 MB version stays cheap:
// `n<kind><digits>` is a number (kind 0, 1, 2: IntItem, LongItem, BigIntegerItem, of which Maven
// orders a longer kind above a shorter one whatever the values; digits without leading zeros, ''
// is 0), `s<qualifier>` a qualifier, CHILD a sub-list.
type Token = string;
const CHILD: Token = 'c';

// "alpha" < "beta" < "milestone" < "rc" = "cr" < "snapshot" < "" = "final" = "ga" = "release" < "sp"
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
// Maps, not object literals: a qualifier named `constructor` or `__proto__` is only a qualifier.
const ALIASES = new Map([
  ['ga', ''],
  ['final', ''],
  ['release', ''],
  ['cr', 'rc'],
]);
const RELEASE_VERSION_INDEX = String(QUALIFIERS.indexOf(''));
const SHORT_QUALIFIERS = new Map([
  ['a', 'alpha'],
  ['b', 'beta'],
  ['m', 'milestone'],
]);

/** Java's Character.isDigit on one UTF-16 code unit: any Unicode decimal digit (Nd). */
const isDigit = (unit: string): boolean => (unit >= '0' && unit <= '9') || (unit > '\x7f' && /\p{Nd}/u.test(unit));

/** Character.digit(c, 10): Unicode decimal digits come in runs of ten, from 0 to 9. */
function digitValue(unit: string): number {
  const code = unit.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  let value = 0;
  while (value < 9 && isDigit(String.fromCharCode(code - value - 1))) value++;
  return value;
}

function leadingZeros(digits: string): number {
  let count = 0;
  while (count < digits.length && digits.charCodeAt(count) === 48) count++;
  return count;
}

function numberToken(buffer: string): Token {
  // ComparableVersion.stripLeadingZeroes strips ASCII '0' only, and keeps an all-zero buffer whole.
  const zeros = leadingZeros(buffer);
  const stripped = zeros === buffer.length ? buffer : buffer.slice(zeros);
  const kind = stripped.length <= 9 ? 0 : stripped.length <= 18 ? 1 : 2;
  let digits = stripped;
  if (/[^0-9]/.test(stripped)) {
    digits = '';
    for (const unit of stripped) digits += digitValue(unit);
  }
  return `n${kind}${digits.slice(leadingZeros(digits))}`;
}

function stringToken(value: string, followedByDigit: boolean): Token {
  // `a1`, `b2`, `m3` are alpha-1, beta-2, milestone-3 (only when directly followed by a number).
  const name = followedByDigit && value.length === 1 ? (SHORT_QUALIFIERS.get(value) ?? value) : value;
  return `s${ALIASES.get(name) ?? name}`;
}

const parseToken = (isDigitBuffer: boolean, buffer: string): Token => (isDigitBuffer ? numberToken(buffer) : stringToken(buffer, false));

/** A zero of any kind (`n0`, `n1`, `n2`: `0000000000` is a LongItem 0) or the empty qualifier. */
const isNull = (token: Token): boolean => token === 's' || (token.length === 2 && token.charAt(0) === 'n');

/** ComparableVersion.parseVersion, code unit by code unit as Java's charAt loop reads it, then normalized. */
function parseMavenVersion(input: string): Token[] {
  const version = input.toLowerCase();
  const tokens: Token[] = [];
  const levelStarts = [0]; // where each list's items begin in `tokens`
  let levelLength = 0; // items in the current (deepest) list
  const push = (token: Token) => {
    tokens.push(token);
    levelLength++;
  };
  const startList = () => {
    push(CHILD);
    levelStarts.push(tokens.length);
    levelLength = 0;
  };
  let inDigits = false;
  let startIndex = 0;
  for (let i = 0; i < version.length; i++) {
    const c = version.charAt(i);
    if (c === '.' || c === '-') {
      push(i === startIndex ? 'n0' : parseToken(inDigits, version.slice(startIndex, i)));
      startIndex = i + 1;
      if (c === '-') startList();
    } else if (isDigit(c)) {
      if (!inDigits && i > startIndex) {
        // 1.0.0.X1 < 1.0.0-X2: a qualifier after a dot starts a sub-list as after a dash.
        if (levelLength > 0) startList();
        push(stringToken(version.slice(startIndex, i), true));
        startIndex = i;
        startList();
      }
      inDigits = true;
    } else {
      if (inDigits && i > startIndex) {
        push(parseToken(true, version.slice(startIndex, i)));
        startIndex = i;
        startList();
      }
      inDigits = false;
    }
  }
  if (version.length > startIndex) {
    if (!inDigits && levelLength > 0) startList();
    push(parseToken(inDigits, version.slice(startIndex)));
  }
  return normalize(tokens, levelStarts);
}

/**
 * ListItem.normalize on every list, deepest first: drop trailing null items, looking past a
 * (non-null) sub-list. A sub-list left empty is itself null, so its parent drops it too.
 */
function normalize(tokens: Token[], levelStarts: number[]): Token[] {
  const removed = new Uint8Array(tokens.length);
  let childIsNull = false; // the list below the current one ended up empty
  for (let level = levelStarts.length - 1; level >= 0; level--) {
    const start = levelStarts[level] as number;
    let end = level === levelStarts.length - 1 ? tokens.length : (levelStarts[level + 1] as number) - 1; // exclusive; the CHILD sits at `end`
    if (level < levelStarts.length - 1 && childIsNull) removed[end] = 1;
    const hasChild: boolean = level < levelStarts.length - 1 && !childIsNull;
    while (end > start && isNull(tokens[end - 1] as Token)) removed[--end] = 1;
    childIsNull = !hasChild && end === start;
  }
  return tokens.filter((_, i) => removed[i] === 0);
}

/** Known qualifiers by their rank; unknown ones after all of them, alphabetically ("7-foo"). */
function comparableQualifier(qualifier: string): string {
  const index = QUALIFIERS.indexOf(qualifier);
  return index === -1 ? `${QUALIFIERS.length}-${qualifier}` : String(index);
}

/** Item.compareTo(null): the shorter version is padded with nothing. */
function compareWithNothing(token: Token): number {
  if (token.charAt(0) === 'n') return isNull(token) ? 0 : 1;
  return compareStrings(comparableQualifier(token.slice(1)), RELEASE_VERSION_INDEX);
}

/** Item.compareTo for two items (CHILD is a list). */
function compareItems(a: Token, b: Token): number {
  const aKind = a.charAt(0);
  const bKind = b.charAt(0);
  if (aKind === 'n' && bKind === 'n') {
    // the kind digit, then the value: same length first, then by digits
    if (a.charAt(1) !== b.charAt(1)) return a.charAt(1) < b.charAt(1) ? -1 : 1;
    return a.length !== b.length ? Math.sign(a.length - b.length) : compareStrings(a, b);
  }
  if (aKind === 's' && bKind === 's') return compareStrings(comparableQualifier(a.slice(1)), comparableQualifier(b.slice(1)));
  if (aKind === 'n') return 1; // a number is above a qualifier and a list
  if (bKind === 'n') return -1;
  return aKind === 'c' ? 1 : -1; // a list is above a qualifier
}

/**
 * ListItem.compareTo, walking both spines together: lists at the same place descend together, the
 * first difference decides. Where one version ends, the rest of the other is compared against
 * nothing, the whole of it and not only its first item (MNG-6964).
 */
function compareTokens(left: Token[], right: Token[]): number {
  for (let i = 0; ; i++) {
    const a = left[i];
    const b = right[i];
    if (a === undefined && b === undefined) return 0;
    if (a === undefined || b === undefined) {
      const rest = a === undefined ? right : left;
      for (let j = i; j < rest.length; j++) {
        const token = rest[j] as Token;
        const result = token === CHILD ? 0 : compareWithNothing(token);
        if (result !== 0) return a === undefined ? -result : result;
      }
      return 0;
    }
    if (a === CHILD && b === CHILD) continue;
    const result = compareItems(a, b);
    if (result !== 0) return result;
  }
}

export function compareMaven(a: string, b: string): number {
  return Math.sign(compareTokens(parseMavenVersion(a.trim()), parseMavenVersion(b.trim())));
}
