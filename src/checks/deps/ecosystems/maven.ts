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

type Item = NumberItem | StringItem | ListItem;

interface NumberItem {
  kind: 'number';
  /** IntItem, LongItem, BigIntegerItem: Maven orders a longer kind above a shorter one, whatever the values. */
  size: 0 | 1 | 2;
  /** The value as ASCII digits without leading zeros ('' is 0). */
  digits: string;
}
interface StringItem {
  kind: 'string';
  value: string;
}
interface ListItem {
  kind: 'list';
  items: Item[];
}

// "alpha" < "beta" < "milestone" < "rc" = "cr" < "snapshot" < "" = "final" = "ga" = "release" < "sp"
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_VERSION_INDEX = String(QUALIFIERS.indexOf(''));
const SHORT_QUALIFIERS: Record<string, string> = { a: 'alpha', b: 'beta', m: 'milestone' };

/** Java's Character.isDigit on one UTF-16 code unit: any Unicode decimal digit (Nd). */
const isDigit = (unit: string): boolean => /\p{Nd}/u.test(unit);

/** Character.digit(c, 10): Unicode decimal digits come in runs of ten, from 0 to 9. */
function digitValue(unit: string): number {
  const code = unit.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  let value = 0;
  while (value < 9 && isDigit(String.fromCharCode(code - value - 1))) value++;
  return value;
}

function numberItem(buffer: string): NumberItem {
  // ComparableVersion.stripLeadingZeroes strips ASCII '0' only, and keeps an all-zero buffer whole.
  const stripped = /^0*$/.test(buffer) ? buffer : buffer.replace(/^0+/, '');
  const size = stripped.length <= 9 ? 0 : stripped.length <= 18 ? 1 : 2;
  let digits = '';
  for (const unit of stripped) digits += digitValue(unit);
  return { kind: 'number', size, digits: digits.replace(/^0+/, '') };
}

function stringItem(value: string, followedByDigit: boolean): StringItem {
  // `a1`, `b2`, `m3` are alpha-1, beta-2, milestone-3 (only when directly followed by a number).
  const name = followedByDigit && value.length === 1 ? (SHORT_QUALIFIERS[value] ?? value) : value;
  return { kind: 'string', value: ALIASES[name] ?? name };
}

function parseItem(isDigitBuffer: boolean, buffer: string): Item {
  return isDigitBuffer ? numberItem(buffer) : stringItem(buffer, false);
}

/** ComparableVersion.parseVersion, code unit by code unit as Java's charAt loop reads it. */
export function parseMavenVersion(input: string): ListItem {
  const version = input.toLowerCase();
  const root: ListItem = { kind: 'list', items: [] };
  let list = root;
  const stack: ListItem[] = [list];
  const startList = () => {
    const next: ListItem = { kind: 'list', items: [] };
    list.items.push(next);
    list = next;
    stack.push(list);
  };
  let inDigits = false;
  let startIndex = 0;
  for (let i = 0; i < version.length; i++) {
    const c = version.charAt(i);
    if (c === '.' || c === '-') {
      list.items.push(i === startIndex ? numberItem('0') : parseItem(inDigits, version.slice(startIndex, i)));
      startIndex = i + 1;
      if (c === '-') startList();
    } else if (isDigit(c)) {
      if (!inDigits && i > startIndex) {
        // 1.0.0.X1 < 1.0.0-X2: a qualifier after a dot starts a sub-list as after a dash.
        if (list.items.length > 0) startList();
        list.items.push(stringItem(version.slice(startIndex, i), true));
        startIndex = i;
        startList();
      }
      inDigits = true;
    } else {
      if (inDigits && i > startIndex) {
        list.items.push(parseItem(true, version.slice(startIndex, i)));
        startIndex = i;
        startList();
      }
      inDigits = false;
    }
  }
  if (version.length > startIndex) {
    if (!inDigits && list.items.length > 0) startList();
    list.items.push(parseItem(inDigits, version.slice(startIndex)));
  }
  for (let i = stack.length - 1; i >= 0; i--) normalize(stack[i] as ListItem);
  return root;
}

function isNull(item: Item): boolean {
  if (item.kind === 'number') return item.digits === '';
  if (item.kind === 'string') return item.value === '';
  return item.items.length === 0;
}

/** ListItem.normalize: drop trailing null items, looking past (non-null) sub-lists. */
function normalize(list: ListItem): void {
  for (let i = list.items.length - 1; i >= 0; i--) {
    const last = list.items[i] as Item;
    if (isNull(last)) list.items.splice(i, 1);
    else if (last.kind !== 'list') break;
  }
}

/** Known qualifiers by their rank; unknown ones after all of them, alphabetically ("7-foo"). */
function comparableQualifier(qualifier: string): string {
  const index = QUALIFIERS.indexOf(qualifier);
  return index === -1 ? `${QUALIFIERS.length}-${qualifier}` : String(index);
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareNumbers(a: NumberItem, b: NumberItem): number {
  if (a.size !== b.size) return a.size < b.size ? -1 : 1;
  if (a.digits.length !== b.digits.length) return a.digits.length < b.digits.length ? -1 : 1;
  return compareStrings(a.digits, b.digits);
}

/** Item.compareTo(null): the shorter version is padded with nothing. */
function compareWithNothing(item: NumberItem | StringItem): number {
  if (item.kind === 'number') return item.digits === '' ? 0 : 1;
  return compareStrings(comparableQualifier(item.value), RELEASE_VERSION_INDEX);
}

/** Item.compareTo for two items that are not both lists. */
function compareScalars(a: Item, b: Item): number {
  if (a.kind === 'number') return b.kind === 'number' ? compareNumbers(a, b) : 1; // a number is above a qualifier and a list
  if (a.kind === 'string') {
    if (b.kind === 'string') return compareStrings(comparableQualifier(a.value), comparableQualifier(b.value));
    return -1; // a qualifier is below a number and a list
  }
  return b.kind === 'number' ? -1 : 1; // a list is below a number, above a qualifier
}

/**
 * ListItem.compareTo without recursion. A non-zero result anywhere is the answer (lists return the
 * first difference unchanged); only a list compared against nothing on the left flips its sign.
 * A `nothing` frame is a list against null: the whole list decides, not only its first item (MNG-6964).
 */
type Frame =
  { kind: 'pair'; left: ListItem; right: ListItem; index: number } | { kind: 'nothing'; list: ListItem; index: number; sign: 1 | -1 };

function compareLists(left: ListItem, right: ListItem): number {
  const stack: Frame[] = [{ kind: 'pair', left, right, index: 0 }];
  const againstNothing = (item: Item, sign: 1 | -1): number => {
    if (item.kind === 'list') {
      stack.push({ kind: 'nothing', list: item, index: 0, sign });
      return 0;
    }
    return sign * compareWithNothing(item);
  };
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    let result = 0;
    if (frame.kind === 'nothing') {
      const item = frame.list.items[frame.index++];
      if (item === undefined) stack.pop();
      else result = againstNothing(item, frame.sign);
    } else {
      const l = frame.left.items[frame.index];
      const r = frame.right.items[frame.index];
      frame.index++;
      if (l === undefined && r === undefined) stack.pop();
      else if (l === undefined) result = againstNothing(r as Item, -1);
      else if (r === undefined) result = againstNothing(l, 1);
      else if (l.kind === 'list' && r.kind === 'list') stack.push({ kind: 'pair', left: l, right: r, index: 0 });
      else result = compareScalars(l, r);
    }
    if (result !== 0) return result;
  }
  return 0;
}

export function compareMaven(a: string, b: string): number {
  return Math.sign(compareLists(parseMavenVersion(a.trim()), parseMavenVersion(b.trim())));
}
