// One version comparator per ecosystem behind one function, used by the matcher for ECOSYSTEM ranges.
import type { Ecosystem } from '../types.js';
import { compareGo } from './go.js';
import { compareMaven } from './maven.js';
import { compareSemVer } from './semver.js';
import { compareNuGet } from './nuget.js';
import { comparePackagist } from './packagist.js';
import { comparePub } from './pub.js';
import { comparePyPI } from './pypi.js';
import { compareRubyGems } from './rubygems.js';

export type Comparator = (a: string, b: string) => number;

const COMPARATORS: Partial<Record<Ecosystem, Comparator>> = {
  npm: compareSemVer,
  'crates.io': compareSemVer,
  PyPI: comparePyPI,
  Go: compareGo,
  RubyGems: compareRubyGems,
  Maven: compareMaven,
  Packagist: comparePackagist,
  NuGet: compareNuGet,
  Pub: comparePub,
};

/** Negative, 0 or positive as a is lower, equal or higher than b, by the ecosystem's own rules. */
export function compareVersions(ecosystem: Ecosystem | string, a: string, b: string): number {
  const compare = COMPARATORS[ecosystem as Ecosystem];
  if (!compare) throw new Error(`no version comparator for ecosystem ${ecosystem}`);
  return compare(a, b);
}

export function hasComparator(ecosystem: string): ecosystem is Ecosystem {
  return ecosystem in COMPARATORS;
}
