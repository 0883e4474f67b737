import { describe, expect, it } from 'vitest';
import { parseSupportCell } from '../../../src/checks/versions/support-cell.js';

describe('parseSupportCell', () => {
  it.each([
    ':white_check_mark:',
    '✅',
    '✔️',
    '✔',
    ':heavy_check_mark:',
    'Yes',
    'Supported',
    'Active',
    'LTS',
    '**Active LTS**',
    'Security fixes only',
    ':white_check_mark: Security fixes only',
    '✅ (until 2027-06-30)',
    'Supported until EOL in January 2027',
    'Maintenance',
  ])('reads %j as supported', (cell) => {
    expect(parseSupportCell(cell).supported).toBe(true);
  });

  it.each([
    ':x:',
    '❌',
    '✖',
    ':no_entry:',
    'No',
    'EOL',
    'End of life',
    'End-of-life',
    'Deprecated',
    'Unsupported',
    'Not supported',
    'No longer supported',
    ':x: (use 5.x)',
  ])('reads %j as not supported', (cell) => {
    expect(parseSupportCell(cell).supported).toBe(false);
  });

  it.each(['', 'maybe', 'ask us'])('cannot tell from %j', (cell) => {
    expect(parseSupportCell(cell).supported).toBeUndefined();
  });

  it('takes an end of support from "until" and similar words, as the end of that day or month', () => {
    expect(parseSupportCell('✅ until 2026-06-30').until?.toISOString()).toBe('2026-06-30T23:59:59.999Z');
    expect(parseSupportCell('Security fixes until January 2026').until?.toISOString()).toBe('2026-01-31T23:59:59.999Z');
    expect(parseSupportCell('✅ since 2024-01-01').until).toBeUndefined();
  });
});
