// SemVer 2.0.0 precedence (build metadata ignored): npm, crates.io and OSV's SEMVER ranges (match.ts).
// Checked against node-semver and the semver crate in test/checks/deps/ecosystems/reference/.
// Advisories and old lockfiles also write short or loose versions ('1.0' in GHSA-r683-j2x4-v87g, '=1.2.3', 'v1.2.3'): missing
// parts are 0, as node-semver's ranges read them. Never throws (see fallback.ts).
import { compareWithFallback } from './fallback.js';
import { comparePrecedence, parseLoose } from './semver-loose.js';

export const compareSemVer = compareWithFallback(
  (version) => parseLoose(version.trim().replace(/^[=v]+/i, ''), 1, 3),
  (a, b) => comparePrecedence(a, b),
);
