// Pub versions, ordered as pub_semver's Version.compareTo
// (https://github.com/dart-lang/pub_semver/blob/master/lib/src/version.dart): numbers, then
// pre-release (any pre-release first), then, unlike SemVer, build metadata: a version without build
// comes first, builds compare like pre-releases. Parts are numbers when Dart's int.tryParse reads
// them (a sign, `0x` hex, leading zeros; 64-bit), so `1.0.0-01` = `1.0.0-1`; pub_semver's
// Version.parse reads the three numbers with int.parse, which rejects values past 64 bits.
import { compareWithFallback } from './fallback.js';
import { comparePrecedence, compareIdentifiers, digitsAtMost, parseLoose, stripZeros, type IntegerReader } from './semver-loose.js';

const INT64_MAX = 2n ** 63n - 1n;

/** Dart's int.tryParse on a pre-release or build part (which cannot hold `+` or spaces). */
const dartInt: IntegerReader = (part) => {
  const match = /^(-?)(?:0[xX]([0-9a-fA-F]+)|(\d+))$/.exec(part);
  if (!match) return undefined;
  const [, sign, hex, decimal] = match;
  const digits = hex !== undefined ? hex.replace(/^0+/, '') : stripZeros(decimal ?? '');
  if (digits.length > (hex !== undefined ? 16 : 19)) return undefined;
  const magnitude = BigInt(hex !== undefined ? `0x${digits || '0'}` : digits || '0');
  const value = sign ? -magnitude : magnitude;
  return value > INT64_MAX || value < -INT64_MAX - 1n ? undefined : value;
};

function parsePub(version: string) {
  const parsed = parseLoose(version, 3, 3);
  return parsed && parsed.core.every((digits) => digitsAtMost(digits, INT64_MAX)) ? parsed : undefined;
}

export const comparePub = compareWithFallback(parsePub, (a, b) => {
  const precedence = comparePrecedence(a, b, { integer: dartInt });
  if (precedence !== 0) return precedence;
  if (a.build.length === 0 || b.build.length === 0) return a.build.length - b.build.length;
  return compareIdentifiers(a.build, b.build, { integer: dartInt });
});
