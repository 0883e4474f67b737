// One version comparator per ecosystem behind one function, used by the matcher for ECOSYSTEM ranges.
import type { Ecosystem } from '../types.js';

export type Comparator = (a: string, b: string) => number;

const COMPARATORS: Partial<Record<Ecosystem, Comparator>> = {
  // npm: ..., PyPI: ..., one line per ecosystem
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
