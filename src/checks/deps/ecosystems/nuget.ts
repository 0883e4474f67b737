// NuGet versions (https://learn.microsoft.com/nuget/concepts/package-versioning): up to four
// numeric parts (missing ones are 0: 1.0 = 1.0.0.0), SemVer 2 pre-release labels compared
// case-insensitively, build metadata ignored (NuGet.Versioning's VersionComparer.Default).
import { compareWithFallback } from './fallback.js';
import { comparePrecedence, parseLoose } from './semver-loose.js';

export const compareNuGet = compareWithFallback(
  (version) => parseLoose(version.trim().replace(/^v/i, ''), 1, 4),
  (a, b) => comparePrecedence(a, b, true),
);
