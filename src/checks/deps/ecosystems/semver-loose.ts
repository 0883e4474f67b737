// SemVer 2.0.0 precedence (https://semver.org/#spec-item-11) over numeric cores of any length,
// shared by Go (3 parts), NuGet (up to 4, case-insensitive labels) and Pub (3, build ordered).

export interface LooseVersion {
  core: bigint[];
  prerelease: string[];
  build: string[];
}

/** `MAJOR.MINOR.PATCH[-pre][+build]` with `minParts`..`maxParts` numeric parts; undefined when it is not one. */
export function parseLoose(version: string, minParts: number, maxParts: number): LooseVersion | undefined {
  const match = /^(\d+(?:\.\d+)*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/.exec(version);
  if (!match) return undefined;
  const core = match[1].split('.').map(BigInt);
  if (core.length < minParts || core.length > maxParts) return undefined;
  while (core.length < maxParts) core.push(0n);
  return { core, prerelease: match[2]?.split('.') ?? [], build: match[3]?.split('.') ?? [] };
}

export function compareCores(a: bigint[], b: bigint[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const left = a[i] ?? 0n;
    const right = b[i] ?? 0n;
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

/**
 * SemVer §11.4: identifiers left to right; numeric ones numerically and below alphanumeric ones;
 * alphanumeric ones by ASCII; a shorter list that is a prefix of a longer one comes first.
 */
export function compareIdentifiers(a: string[], b: string[], caseInsensitive = false): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= a.length) return -1;
    if (i >= b.length) return 1;
    const left = caseInsensitive ? a[i].toLowerCase() : a[i];
    const right = caseInsensitive ? b[i].toLowerCase() : b[i];
    const leftNumeric = /^\d+$/.test(left);
    const rightNumeric = /^\d+$/.test(right);
    if (leftNumeric && rightNumeric) {
      const l = BigInt(left);
      const r = BigInt(right);
      if (l !== r) return l < r ? -1 : 1;
    } else if (leftNumeric) return -1;
    else if (rightNumeric) return 1;
    else if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

/** Precedence without build metadata: a release sorts after all of its pre-releases. */
export function comparePrecedence(a: LooseVersion, b: LooseVersion, caseInsensitive = false): number {
  const core = compareCores(a.core, b.core);
  if (core !== 0) return core;
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return b.prerelease.length - a.prerelease.length;
  return compareIdentifiers(a.prerelease, b.prerelease, caseInsensitive);
}
