// Packagist versions as Composer orders them: Composer's VersionParser::normalize
// (https://github.com/composer/semver/blob/main/src/VersionParser.php) then PHP's version_compare
// (https://www.php.net/manual/en/function.version-compare.php, ext/standard/versioning.c), which is
// what Composer's Comparator calls. `v1.2` = `1.2.0.0`; `-p1`/`-pl1`/`-patch1` are patch releases
// above the release; `dev` < `alpha` = `a` < `beta` = `b` < `RC` = `rc` < release < `patch` = `pl` = `p`.

/** Composer's stability suffix names (VersionParser::expandStability). */
function expandStability(stability: string): string {
  const lower = stability.toLowerCase();
  return { a: 'alpha', b: 'beta', p: 'patch', pl: 'patch', rc: 'RC' }[lower] ?? lower;
}

const MODIFIER = '[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+)*)?)?([.-]?dev)?';

/** VersionParser::normalize for the forms advisories and lockfiles use; the input itself otherwise. */
export function normalizeComposerVersion(input: string): string {
  let version = input
    .trim()
    .replace(/^([^,\s]+?) +as +[^,\s]+$/, '$1')
    .replace(/#.*$/, '');
  if (/^(?:dev-)?(?:master|trunk|default)$/i.test(version)) return '9999999-dev';
  if (/^dev-/i.test(version)) return `dev-${version.slice(4)}`;
  version = version.replace(/^([^,\s+]+)\+[^\s]+$/, '$1'); // build metadata is not part of the order
  const classical = new RegExp(`^v?(\\d{1,5})(\\.\\d+)?(\\.\\d+)?(\\.\\d+)?${MODIFIER}$`, 'i').exec(version);
  const dated = classical ? null : new RegExp(`^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3}){0,2})${MODIFIER}$`, 'i').exec(version);
  if (classical || dated) {
    const match = (classical ?? dated) as RegExpExecArray;
    const offset = classical ? 4 : 1;
    let normalized = classical ? `${match[1]}${match[2] ?? '.0'}${match[3] ?? '.0'}${match[4] ?? '.0'}` : match[1].replace(/\D/g, '.');
    const stability = match[offset + 1];
    if (stability && stability.toLowerCase() !== 'stable') {
      normalized += `-${expandStability(stability)}${(match[offset + 2] ?? '').replace(/^[.-]/, '')}`;
    }
    if (match[offset + 3]) normalized += '-dev';
    return normalized;
  }
  // A branch alias like `1.x-dev` or `2.1.x-dev`: the highest version on that branch.
  const branch = /^v?(\d+)(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?[.-]?dev$/i.exec(version);
  if (branch) {
    return `${[branch[1], branch[2], branch[3], branch[4]]
      .map((part) => (part === undefined ? '.9999999' : part.replace(/[xX*]/, '9999999')))
      .join('')
      .replace(/^\./, '')}-dev`;
  }
  return version;
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
  let out = version[0];
  const isDigit = (c: string) => c >= '0' && c <= '9';
  for (let i = 1; i < version.length; i++) {
    const previous = version[i - 1];
    const c = version[i];
    const last = out[out.length - 1];
    if (c === '-' || c === '_' || c === '+') {
      if (last !== '.') out += '.';
    } else if ((!isDigit(previous) && previous !== '.' && isDigit(c)) || (isDigit(previous) && !isDigit(c) && c !== '.')) {
      if (last !== '.') out += '.';
      out += c;
    } else if (!/[0-9A-Za-z]/.test(c)) {
      if (last !== '.') out += '.';
    } else out += c;
  }
  return out.split('.');
}

function comparePart(a: string, b: string): number {
  const aDigit = /^\d/.test(a);
  const bDigit = /^\d/.test(b);
  if (aDigit && bDigit) {
    const l = BigInt(/^\d+/.exec(a)![0]);
    const r = BigInt(/^\d+/.exec(b)![0]);
    return l < r ? -1 : l > r ? 1 : 0;
  }
  if (!aDigit && !bDigit) return Math.sign(specialForm(a) - specialForm(b));
  return aDigit ? Math.sign(specialForm('#') - specialForm(b)) : Math.sign(specialForm(a) - specialForm('#'));
}

/** PHP's version_compare. */
export function phpVersionCompare(a: string, b: string): number {
  const left = canonicalize(a);
  const right = canonicalize(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const result = comparePart(left[i], right[i]);
    if (result !== 0) return result;
  }
  if (left.length > right.length) return /^\d/.test(left[right.length]) ? 1 : comparePart(left[right.length], '#');
  if (right.length > left.length) return /^\d/.test(right[left.length]) ? -1 : comparePart('#', right[left.length]);
  return 0;
}

export function comparePackagist(a: string, b: string): number {
  return phpVersionCompare(normalizeComposerVersion(a), normalizeComposerVersion(b));
}
