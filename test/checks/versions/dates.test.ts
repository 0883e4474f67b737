import { describe, expect, it } from 'vitest';
import { parseEndDate } from '../../../src/checks/versions/dates.js';

describe('parseEndDate', () => {
  it.each([
    ['2026-04-30', '2026-04-30'],
    ['2026/4/30', '2026-04-30'],
    ['2026-04', '2026-04-30'],
    ['April 2026', '2026-04-30'],
    ['Feb 2028', '2028-02-29'],
    ['April 30, 2026', '2026-04-30'],
    ['30 April 2026', '2026-04-30'],
    ['Sept. 3rd, 2026', '2026-09-03'],
    ['2027', '2027-12-31'],
  ])('reads %j as the end of %s', (text, day) => {
    expect(parseEndDate(text)?.toISOString().slice(0, 10)).toBe(day);
  });

  it.each(['', 'TBD', 'n/a', '2026-02-30', '2026-13'])('finds no date in %j', (text) => {
    expect(parseEndDate(text)).toBeUndefined();
  });
});
