// Pub versions, ordered as pub_semver's Version.compareTo: SemVer 2 precedence, then, unlike
// SemVer, build metadata: a version without build comes first, builds compare like pre-releases
// (https://github.com/dart-lang/pub_semver/blob/master/lib/src/version.dart).
import { compareWithFallback } from './fallback.js';
import { comparePrecedence, compareIdentifiers, parseLoose } from './semver-loose.js';

export const comparePub = compareWithFallback(
  (version) => parseLoose(version, 3, 3),
  (a, b) => {
    const precedence = comparePrecedence(a, b);
    if (precedence !== 0) return precedence;
    if (a.build.length === 0 || b.build.length === 0) return a.build.length - b.build.length;
    return compareIdentifiers(a.build, b.build);
  },
);
