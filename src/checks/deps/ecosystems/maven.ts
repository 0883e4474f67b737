// Maven versions ordered as Maven's ComparableVersion (maven-artifact 3.9.x), ported item for item:
// https://github.com/apache/maven/blob/maven-3.9.x/maven-artifact/src/main/java/org/apache/maven/artifact/versioning/ComparableVersion.java
// and the POM reference's "Version Order Specification". A version is a list of items: numbers,
// qualifiers (strings), "combinations" (a qualifier glued to a number: `rc1`, `alpha-2`) and
// sub-lists started by `-` or a digit/letter transition. Trailing "null" items (0, '', 'ga',
// 'final', 'release', empty lists) are trimmed from every list. It never throws: every string
// is some version to Maven.

type Item = IntItem | StringItem | CombinationItem | ListItem;

interface IntItem {
  kind: 'int';
  value: bigint;
}
interface StringItem {
  kind: 'string';
  value: string;
}
interface CombinationItem {
  kind: 'combination';
  string: StringItem;
  digits: Item;
}
interface ListItem {
  kind: 'list';
  items: Item[];
}

// "alpha" < "beta" < "milestone" < "rc" = "cr" < "snapshot" < "" = "final" = "ga" = "release" < "sp"
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_VERSION_INDEX = String(QUALIFIERS.indexOf(''));

function stringItem(value: string, followedByDigit: boolean): StringItem {
  let name = value;
  // `a1`, `b2`, `m3` are alpha-1, beta-2, milestone-3 (only when directly followed by a number).
  if (followedByDigit && name.length === 1) name = { a: 'alpha', b: 'beta', m: 'milestone' }[name] ?? name;
  return { kind: 'string', value: ALIASES[name] ?? name };
}

/** Known qualifiers by their rank; unknown ones after all of them, alphabetically ("7-foo"). */
function comparableQualifier(qualifier: string): string {
  const index = QUALIFIERS.indexOf(qualifier);
  return index === -1 ? `${QUALIFIERS.length}-${qualifier}` : String(index);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isNull(item: Item): boolean {
  switch (item.kind) {
    case 'int':
      return item.value === 0n;
    case 'string':
      return item.value === '';
    case 'combination':
      return false;
    case 'list':
      return item.items.length === 0;
  }
}

function parseItem(isCombination: boolean, isDigit: boolean, buffer: string): Item {
  if (isCombination) return combinationItem(buffer.replace(/-/g, ''));
  if (isDigit) return { kind: 'int', value: BigInt(buffer) };
  return stringItem(buffer, false);
}

function combinationItem(value: string): Item {
  const index = value.search(/\d/);
  if (index <= 0) return /^\d+$/.test(value) ? { kind: 'int', value: BigInt(value) } : stringItem(value, false);
  return { kind: 'combination', string: stringItem(value.slice(0, index), true), digits: parseItem(false, true, value.slice(index)) };
}

const isDigitChar = (c: string) => c >= '0' && c <= '9';

/** ComparableVersion.parseVersion. */
export function parseMavenVersion(input: string): ListItem {
  const version = input.toLowerCase();
  const items: ListItem = { kind: 'list', items: [] };
  let list = items;
  const stack: ListItem[] = [list];
  const startList = () => {
    const next: ListItem = { kind: 'list', items: [] };
    list.items.push(next);
    list = next;
    stack.push(list);
  };
  let isDigit = false;
  let isCombination = false;
  let startIndex = 0;
  const chars = Array.from(version);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '.') {
      if (i === startIndex) list.items.push({ kind: 'int', value: 0n });
      else list.items.push(parseItem(isCombination, isDigit, chars.slice(startIndex, i).join('')));
      isCombination = false;
      startIndex = i + 1;
    } else if (c === '-') {
      if (i === startIndex) list.items.push({ kind: 'int', value: 0n });
      else {
        // X-1 is treated as X1
        if (!isDigit && i !== chars.length - 1 && isDigitChar(chars[i + 1])) {
          isCombination = true;
          continue;
        }
        list.items.push(parseItem(isCombination, isDigit, chars.slice(startIndex, i).join('')));
      }
      startIndex = i + 1;
      startList();
      isCombination = false;
    } else if (isDigitChar(c)) {
      if (!isDigit && i > startIndex) {
        // X1
        isCombination = true;
        if (list.items.length > 0) startList();
      }
      isDigit = true;
    } else {
      if (isDigit && i > startIndex) {
        list.items.push(parseItem(isCombination, true, chars.slice(startIndex, i).join('')));
        startIndex = i;
        startList();
        isCombination = false;
      }
      isDigit = false;
    }
  }
  if (chars.length > startIndex) {
    // 1.0.0.X1 < 1.0.0-X2: treat .X as -X for any string qualifier X
    if (!isDigit && list.items.length > 0) startList();
    list.items.push(parseItem(isCombination, isDigit, chars.slice(startIndex).join('')));
  }
  while (stack.length > 0) normalize(stack.pop() as ListItem);
  return items;
}

/** ListItem.normalize: drop trailing null items, looking past (non-null) sub-lists. */
function normalize(list: ListItem): void {
  for (let i = list.items.length - 1; i >= 0; i--) {
    const last = list.items[i];
    if (isNull(last)) list.items.splice(i, 1);
    else if (last.kind !== 'list') break;
  }
}

/** Item.compareTo, where `undefined` is Java's null (the shorter side padded). */
function compareItem(item: Item, other: Item | undefined): number {
  switch (item.kind) {
    case 'int':
      if (other === undefined) return item.value === 0n ? 0 : 1;
      if (other.kind === 'int') return item.value < other.value ? -1 : item.value > other.value ? 1 : 0;
      return 1; // a number is above a qualifier, a combination and a sub-list
    case 'string':
      if (other === undefined) return compareStrings(comparableQualifier(item.value), RELEASE_VERSION_INDEX);
      if (other.kind === 'string') return compareStrings(comparableQualifier(item.value), comparableQualifier(other.value));
      if (other.kind === 'combination') {
        const result = compareItem(item, other.string);
        return result === 0 ? -1 : result; // X < X1
      }
      return -1; // a qualifier is below a number and a sub-list
    case 'combination':
      if (other === undefined) return compareItem(item.string, undefined); // 1-rc1 < 1, 1-sp1 > 1
      if (other.kind === 'string') {
        const result = compareItem(item.string, other);
        return result === 0 ? 1 : result; // X1 > X
      }
      if (other.kind === 'combination') {
        const result = compareItem(item.string, other.string);
        return result === 0 ? compareItem(item.digits, other.digits) : result;
      }
      return -1;
    case 'list':
      if (other === undefined) {
        // The whole list against null, not just its first item (MNG-6964).
        for (const child of item.items) {
          const result = compareItem(child, undefined);
          if (result !== 0) return result;
        }
        return 0;
      }
      if (other.kind === 'int') return -1;
      if (other.kind !== 'list') return 1;
      for (let i = 0; i < Math.max(item.items.length, other.items.length); i++) {
        const left = item.items[i];
        const right = other.items[i];
        const result = left === undefined ? (right === undefined ? 0 : -compareItem(right, undefined)) : compareItem(left, right);
        if (result !== 0) return result;
      }
      return 0;
  }
}

export function compareMaven(a: string, b: string): number {
  return Math.sign(compareItem(parseMavenVersion(a.trim()), parseMavenVersion(b.trim())));
}
