// Small helpers on plain values (src/util.ts).
import { describe, expect, it } from 'vitest';
import { groupThousands } from '../src/util.js';

describe('groupThousands', () => {
  it("prints numbers as toLocaleString('en-US') does, without ICU for integers", () => {
    for (const value of [0, 7, 999, 1000, 1023, 12_345, 100_000, 1_234_567, 10_500_000, -1234, -999, 2 ** 53 - 1, 1234.5678, 0.5, 1e21]) {
      expect(groupThousands(value), String(value)).toBe(value.toLocaleString('en-US'));
    }
  });
});
