// SemVer 2.0.0 precedence (https://semver.org/#spec-item-11) over numeric cores of any length,
// shared by SemVer (npm, crates.io), Go (3 parts), NuGet (up to 4, case-insensitive labels) and Pub
// (3, build ordered). Numbers are compared as digit strings, never converted whole, so a version
// of a million digits costs linear time.

export interface LooseVersion {
  /** Numeric parts as digits without leading zeros ('' is 0), padded to the ecosystem's count. */
  core: string[];
  prerelease: string[];
  build: string[];
}

/** How an ecosystem reads an identifier as an integer (undefined: it is text). Default: SemVer's digits. */
export type IntegerReader = (identifier: string) => bigint | undefined;

export interface IdentifierRules {
  /** NuGet compares labels case-insensitively. */
  caseInsensitive?: boolean;
  /** Pub (Dart's int.tryParse) and NuGet (int.TryParse) read identifiers their own way. */
  integer?: IntegerReader;
}

/** `MAJOR.MINOR.PATCH[-pre][+build]` with `minParts`..`maxParts` numeric parts; undefined when it is not one. */
export function parseLoose(version: string, minParts: number, maxParts: number): LooseVersion | undefined {
  const match = /^(\d+(?:\.\d+)*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/.exec(version);
  if (!match) return undefined;
  const core = (match[1] ?? '').split('.').map(stripZeros);
  if (core.length < minParts || core.length > maxParts) return undefined;
  while (core.length < maxParts) core.push('');
  return { core, prerelease: match[2]?.split('.') ?? [], build: match[3]?.split('.') ?? [] };
}

export const stripZeros = (digits: string): string => digits.replace(/^0+/, '');

/** Two runs of digits without leading zeros, by value. */
function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when the digits (without leading zeros) are at most `max`, e.g. a signed 32- or 64-bit limit. */
export function digitsAtMost(digits: string, max: bigint): boolean {
  return compareDigits(digits, max.toString()) <= 0;
}

function compareCores(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const result = compareDigits(a[i] ?? '', b[i] ?? '');
    if (result !== 0) return result;
  }
  return 0;
}

/**
 * SemVer §11.4: identifiers left to right; numeric ones numerically and below alphanumeric ones;
 * alphanumeric ones by ASCII; a shorter list that is a prefix of a longer one comes first.
 */
export function compareIdentifiers(a: string[], b: string[], rules: IdentifierRules = {}): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const left = a[i];
    const right = b[i];
    if (left === undefined) return -1;
    if (right === undefined) return 1;
    const result = compareIdentifier(left, right, rules);
    if (result !== 0) return result;
  }
  return 0;
}

function compareIdentifier(left: string, right: string, { caseInsensitive = false, integer }: IdentifierRules): number {
  if (integer) {
    const l = integer(left);
    const r = integer(right);
    if (l !== undefined && r !== undefined) return l < r ? -1 : l > r ? 1 : 0;
    if (l !== undefined) return -1;
    if (r !== undefined) return 1;
  } else {
    const leftNumeric = /^\d+$/.test(left);
    const rightNumeric = /^\d+$/.test(right);
    if (leftNumeric && rightNumeric) return compareDigits(stripZeros(left), stripZeros(right));
    if (leftNumeric) return -1;
    if (rightNumeric) return 1;
  }
  const l = caseInsensitive ? left.toLowerCase() : left;
  const r = caseInsensitive ? right.toLowerCase() : right;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Precedence without build metadata: a release sorts after all of its pre-releases. */
export function comparePrecedence(a: LooseVersion, b: LooseVersion, rules: IdentifierRules = {}): number {
  const core = compareCores(a.core, b.core);
  if (core !== 0) return core;
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return b.prerelease.length - a.prerelease.length;
  return compareIdentifiers(a.prerelease, b.prerelease, rules);
}
