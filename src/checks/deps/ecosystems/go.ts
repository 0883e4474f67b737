// Go module versions (https://go.dev/ref/mod#versions): SemVer with a `v` prefix (OSV drops it),
// pseudo-versions (`v0.0.0-20210101000000-abcdef123456`) are pre-releases and order by their
// timestamp, `+incompatible` is build metadata and does not change the order. Like golang.org/x/mod
// semver, `v1` and `v1.2` are shorthands for `v1.0.0` and `v1.2.0`.
import { compareWithFallback } from './fallback.js';
import { comparePrecedence, parseLoose, type LooseVersion } from './semver-loose.js';

function parseGo(version: string): LooseVersion | undefined {
  const bare = version.replace(/^v/, '');
  const parsed = parseLoose(bare, 1, 3);
  if (!parsed) return undefined;
  const numbers = (bare.split(/[-+]/)[0] ?? '').split('.');
  // Shorthands may not carry a pre-release or build (golang.org/x/mod/semver).
  if (numbers.length < 3 && /[-+]/.test(bare)) return undefined;
  // SemVer forbids leading zeros in numeric parts and numeric pre-release identifiers.
  if (numbers.some((part) => /^0\d/.test(part)) || parsed.prerelease.some((id) => /^0\d+$/.test(id))) return undefined;
  return parsed;
}

export const compareGo = compareWithFallback(parseGo, (a, b) => comparePrecedence(a, b));
