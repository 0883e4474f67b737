// Table-driven ordering checks shared by the comparator tests: a list in ascending order, where an
// inner array is a group of spellings of the same version. Every pair is checked both ways, so one
// list of n versions is n² assertions about the order.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Comparator } from '../../../../src/checks/deps/ecosystems/index.js';

export type Ascending = (string | string[])[];

export function itOrdersAscending(title: string, compare: Comparator, ascending: Ascending): void {
  it(title, () => {
    expect(misorderedPairs(compare, ascending)).toEqual([]);
  });
}

/** Every pair (a, b), both ways, whose sign under `compare` is not the one its place in the list says. */
export function misorderedPairs(compare: Comparator, ascending: Ascending): string[] {
  const groups = ascending.map((entry) => (Array.isArray(entry) ? entry : [entry]));
  const failures: string[] = [];
  groups.forEach((group, i) =>
    groups.forEach((other, j) => {
      for (const a of group)
        for (const b of other) {
          const expected = Math.sign(i - j);
          const actual = Math.sign(compare(a, b));
          if (actual !== expected) failures.push(`${a} vs ${b}: expected ${expected}, got ${actual}`);
        }
    }),
  );
  return failures;
}

export function itTreatsAsEqual(title: string, compare: Comparator, groups: string[][]): void {
  it(title, () => {
    const failures: string[] = [];
    for (const group of groups)
      for (const a of group) for (const b of group) if (Math.sign(compare(a, b)) !== 0) failures.push(`${a} vs ${b}: got ${compare(a, b)}`);
    expect(failures).toEqual([]);
  });
}

/**
 * An ordered list from `reference/<name>.txt`: one line per version in ascending order, versions
 * that are equal on one line, `#` lines say which reference implementation produced the order.
 */
export function referenceOrder(name: string): string[][] {
  const text = readFileSync(new URL(`reference/${name}.txt`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.trim().split(/\s+/));
}

/** Orders every pair of the reference list, both ways, as the reference did. */
export function itOrdersLikeReference(name: string, compare: Comparator): void {
  const ascending = referenceOrder(name);
  const count = ascending.flat().length;
  it(`orders all ${count * count} pairs of ${count} ${name} versions as the ecosystem's reference implementation does`, () => {
    expect(misorderedPairs(compare, ascending)).toEqual([]);
  });
}
