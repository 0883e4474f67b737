// NuGet versions (https://learn.microsoft.com/nuget/concepts/package-versioning), as NuGet.Versioning's
// VersionComparer.Default orders them: up to four numbers, each a 32-bit int (missing ones are 0:
// 1.0 = 1.0.0.0), then release labels (any label first; a label int.TryParse reads, 32-bit and
// possibly negative, is a number, below text; text case-insensitively), build metadata ignored.
import { compareWithFallback } from './fallback.js';
import { comparePrecedence, digitsAtMost, parseLoose, type IntegerReader } from './semver-loose.js';

const INT32_MAX = 2n ** 31n - 1n;

/** .NET's int.TryParse on a release label (which cannot hold `+` or spaces). */
const dotnetInt: IntegerReader = (label) => {
  if (!/^-?\d+$/.test(label) || label.replace(/^-?0*/, '').length > 10) return undefined;
  const value = BigInt(label);
  return value > INT32_MAX || value < -INT32_MAX - 1n ? undefined : value;
};

function parseNuGet(version: string) {
  const parsed = parseLoose(version.trim().replace(/^v/i, ''), 1, 4);
  return parsed && parsed.core.every((digits) => digitsAtMost(digits, INT32_MAX)) ? parsed : undefined;
}

export const compareNuGet = compareWithFallback(parseNuGet, (a, b) =>
  comparePrecedence(a, b, { caseInsensitive: true, integer: dotnetInt }),
);
