// What a comparator does with a version its ecosystem cannot parse: never throw (one odd
// version in an advisory must not stop the scan), order deterministically and antisymmetrically.
// Unparseable versions sort below every valid one, and among themselves by code units.
import { compareStrings } from '../../../util.js';

export function compareWithFallback<T>(parse: (version: string) => T | undefined, compare: (a: T, b: T) => number) {
  return (a: string, b: string): number => {
    const left = safely(() => parse(a));
    const right = safely(() => parse(b));
    if (left !== undefined && right !== undefined) return Math.sign(compare(left, right));
    if (left !== undefined) return 1;
    if (right !== undefined) return -1;
    return compareStrings(a, b);
  };
}

function safely<T>(parse: () => T | undefined): T | undefined {
  try {
    return parse() ?? undefined;
  } catch {
    return undefined;
  }
}
