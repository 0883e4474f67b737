// Table-driven ordering checks shared by the comparator tests: a list in ascending order, where an
// inner array is a group of spellings of the same version. Every pair is checked both ways, so one
// list of n versions is n² assertions about the order.
import { expect, it } from 'vitest';
import type { Comparator } from '../../../../src/checks/deps/ecosystems/index.js';

export type Ascending = (string | string[])[];

export function itOrdersAscending(title: string, compare: Comparator, ascending: Ascending): void {
  it(title, () => {
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
    expect(failures).toEqual([]);
  });
}

export function itTreatsAsEqual(title: string, compare: Comparator, groups: string[][]): void {
  it(title, () => {
    const failures: string[] = [];
    for (const group of groups)
      for (const a of group) for (const b of group) if (Math.sign(compare(a, b)) !== 0) failures.push(`${a} vs ${b}: got ${compare(a, b)}`);
    expect(failures).toEqual([]);
  });
}
