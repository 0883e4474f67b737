// Is this installed version affected by this OSV record, and which version fixes it?
// Evaluated locally for every record whatever the source: API answers are re-checked here, so the
// offline database and the API give the same findings.
// Algorithm: https://ossf.github.io/osv-schema/#evaluation
import { compareVersions, hasComparator } from './ecosystems/index.js';
import { compareSemVer } from './ecosystems/semver.js';
import type { OsvAffected, OsvEvent, OsvRecord, Package } from './types.js';
import { normalizePyPIName } from './names.js';

type Compare = (a: string, b: string) => number;
type Range = NonNullable<OsvAffected['ranges']>[number];

/**
 * The name as the ecosystem compares it. PyPI: PEP 503 normalisation. npm: lowercased, because the
 * registry refuses names that differ from an existing one only by case, and GHSA spells some
 * packages with capitals (GHSA-8hc4-vh64-cxmj lists "Axios" for the package published as axios).
 */
export function normalizeName(ecosystem: string, name: string): string {
  if (ecosystem === 'PyPI') return normalizePyPIName(name);
  if (ecosystem === 'npm') return name.toLowerCase();
  return name;
}

/** The key advisory indexes use: ecosystem and normalised name. */
export function packageKey(ecosystem: string, name: string): string {
  return `${ecosystem}\u0000${normalizeName(ecosystem, name)}`;
}

/** The record's `affected[]` entries that name this package. */
function entriesFor(record: OsvRecord, pkg: Pick<Package, 'ecosystem' | 'name'>): OsvAffected[] {
  const wanted = packageKey(pkg.ecosystem, pkg.name);
  return (record.affected ?? []).filter(
    (entry) => entry.package !== undefined && packageKey(entry.package.ecosystem, entry.package.name) === wanted,
  );
}

/** Only registry packages with an exact version can be matched (git, file, link and tarball ones cannot). */
export function isMatchable(pkg: Pick<Package, 'source' | 'version'>): boolean {
  return pkg.source === 'registry' && pkg.version !== '';
}

/** True when the record (not withdrawn) lists this package's version as affected. */
export function isAffected(record: OsvRecord, pkg: Package): boolean {
  if (record.withdrawn || !isMatchable(pkg)) return false;
  return entriesFor(record, pkg).some((entry) => entryAffects(entry, pkg));
}

/** The lowest `fixed` version above the installed one, across every entry and range for this package. */
export function lowestFixedAbove(record: OsvRecord, pkg: Package): string | undefined {
  let lowest: { version: string; compare: Compare } | undefined;
  for (const entry of entriesFor(record, pkg)) {
    for (const range of entry.ranges ?? []) {
      const compare = comparatorFor(range, pkg.ecosystem);
      if (!compare) continue;
      for (const event of range.events) {
        if (!('fixed' in event)) continue;
        try {
          if (compare(event.fixed, pkg.version) <= 0) continue;
          if (!lowest || compare(event.fixed, lowest.version) < 0) lowest = { version: event.fixed, compare };
        } catch {
          // An unparsable version in one event says nothing about the others.
        }
      }
    }
  }
  return lowest?.version;
}

function entryAffects(entry: OsvAffected, pkg: Package): boolean {
  // Only a list: `"4.17.15".includes("4.17.1")` on a string would match by substring. The sources
  // reject such records (advisories/record.ts); this keeps any other caller from matching one.
  if (Array.isArray(entry.versions) && entry.versions.includes(pkg.version)) return true;
  for (const range of entry.ranges ?? []) {
    const compare = comparatorFor(range, pkg.ecosystem);
    // No comparator for this ecosystem: only the explicit versions[] list above can match.
    if (compare && rangeAffects(range.events, pkg.version, compare)) return true;
  }
  return false;
}

/** SEMVER ranges compare by SemVer 2.0 whatever the ecosystem; ECOSYSTEM ranges by the ecosystem's rules; GIT ranges are commits, not versions. */
function comparatorFor(range: Range, ecosystem: string): Compare | undefined {
  // Go SEMVER ranges carry no `v` while installed Go versions may: compareSemVer reads both.
  if (range.type === 'SEMVER') return memoizedComparator('SEMVER', compareSemVer);
  if (range.type === 'ECOSYSTEM' && hasComparator(ecosystem)) {
    return memoizedComparator(ecosystem, (a, b) => compareVersions(ecosystem, a, b));
  }
  return undefined;
}

const comparators = new Map<string, Compare>();

/**
 * compareVersions parses both versions on every call; matching a lockfile compares the same few
 * hundred versions against the same range bounds thousands of times, so remember the answers.
 */
function memoizedComparator(key: string, compareOnce: Compare): Compare {
  let compare = comparators.get(key);
  if (!compare) {
    const answers = new Map<string, number>();
    compare = (a, b) => {
      const key = `${a}\u0000${b}`;
      let answer = answers.get(key);
      if (answer === undefined) {
        answer = compareOnce(a, b);
        if (answers.size > 500_000) answers.clear();
        answers.set(key, answer);
      }
      return answer;
    };
    comparators.set(key, compare);
  }
  return compare;
}

const ZERO = '0';

function eventVersion(event: OsvEvent): string {
  if ('introduced' in event) return event.introduced;
  if ('fixed' in event) return event.fixed;
  if ('last_affected' in event) return event.last_affected;
  return event.limit;
}

/** `introduced: "0"` sorts before every version; otherwise events sort by the range's own order. */
function compareEvents(a: OsvEvent, b: OsvEvent, compare: Compare): number {
  const va = eventVersion(a);
  const vb = eventVersion(b);
  if (va === vb) return 0;
  if ('introduced' in a && va === ZERO) return -1;
  if ('introduced' in b && vb === ZERO) return 1;
  return compare(va, vb);
}

function rangeAffects(events: OsvEvent[], version: string, compare: Compare): boolean {
  try {
    // `limit` bounds the whole range from above (exclusive); '*' means no bound.
    const limits = events.flatMap((event) => ('limit' in event ? [event.limit] : []));
    if (limits.length > 0 && !limits.some((limit) => limit === '*' || compare(version, limit) < 0)) return false;
    const sorted = events.filter((event) => !('limit' in event)).sort((a, b) => compareEvents(a, b, compare));
    let affected = false;
    for (const event of sorted) {
      if ('introduced' in event) {
        if (event.introduced === ZERO || compare(version, event.introduced) >= 0) affected = true;
      } else if ('fixed' in event) {
        if (compare(version, event.fixed) >= 0) affected = false;
      } else if ('last_affected' in event) {
        if (compare(version, event.last_affected) > 0) affected = false;
      }
    }
    return affected;
  } catch {
    // A version the comparator cannot read (malformed record or lockfile): this range cannot say yes.
    return false;
  }
}
