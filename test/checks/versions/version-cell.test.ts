import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { parseVersionCell, type RangeSpec } from '../../../src/checks/versions/version-cell.js';

// Cells as real SECURITY.md tables write them, with versions each must and must not cover.
const RANGES: { cell: string; covers: string[]; not: string[]; granularity?: string; note?: string }[] = [
  { cell: '5.1.x', covers: ['5.1.0', '5.1.9'], not: ['5.0.9', '5.2.0'], granularity: 'minor' },
  { cell: '4.x', covers: ['4.0.0', '4.9.3'], not: ['3.9.9', '5.0.0'], granularity: 'major' },
  { cell: '5.x.x', covers: ['5.3.1'], not: ['6.0.0'], granularity: 'major' },
  { cell: '28.x.y', covers: ['28.4.1'], not: ['29.0.0'], granularity: 'major' },
  { cell: '< 4.0', covers: ['3.9.9', '0.1.0'], not: ['4.0.0'] },
  { cell: '<= 9.x', covers: ['9.9.9'], not: ['10.0.0'] },
  { cell: '>= 1.6', covers: ['1.6.0', '3.5.0'], not: ['1.5.9'] },
  { cell: '> 1.0', covers: ['1.1.0'], not: ['1.0.5'] },
  { cell: '< 7.2.x', covers: ['7.1.9'], not: ['7.2.0'] },
  { cell: '>= 3.10.8, < 4.0.0', covers: ['3.10.8', '3.11.0'], not: ['3.10.7', '4.0.0'] },
  { cell: '>= 2.0 < 3.0', covers: ['2.5.0'], not: ['3.0.0'] },
  { cell: '26.0.0', covers: ['26.0.0'], not: ['26.0.1'], granularity: 'patch' },
  { cell: 'v2.x', covers: ['2.4.0'], not: ['3.0.0'], granularity: 'major' },
  { cell: 'V3.1.x', covers: ['3.1.2'], not: ['3.2.0'], granularity: 'minor' },
  { cell: '7.x, 8.x', covers: ['7.1.0', '8.0.0'], not: ['6.0.0', '9.0.0'], granularity: 'major' },
  { cell: '7.1.x / 7.0.x', covers: ['7.0.3', '7.1.0'], not: ['7.2.0'], granularity: 'minor' },
  { cell: '7.x (alpha)', covers: ['7.0.0'], not: ['8.0.0'], granularity: 'major', note: 'alpha' },
  { cell: '1.x LTS', covers: ['1.2.0'], not: ['2.0.0'], granularity: 'major', note: 'LTS' },
  { cell: '4.2 (LTS)', covers: ['4.2.7'], not: ['4.3.0'], granularity: 'minor', note: 'LTS' },
  { cell: '1.6+', covers: ['1.6.0', '2.0.0'], not: ['1.5.0'] },
  { cell: '1.6 and above', covers: ['4.0.0'], not: ['1.5.0'] },
  { cell: '3.x or later', covers: ['3.0.0', '5.0.0'], not: ['2.9.0'] },
  { cell: '4.0.x and below', covers: ['4.0.5', '3.0.0'], not: ['4.1.0'] },
  { cell: 'Before 4.0', covers: ['3.2.0'], not: ['4.0.0'] },
  { cell: '1.0 - 2.0', covers: ['1.0.0', '2.0.9'], not: ['2.1.0'] },
  { cell: '~> 2.3', covers: ['2.3.0', '2.9.0'], not: ['3.0.0', '2.2.0'] },
  { cell: '>= 1.x', covers: ['1.0.0', '7.0.0'], not: ['0.9.0'] },
  { cell: '^2.0.0', covers: ['2.9.0'], not: ['3.0.0'] },
  { cell: 'Version 2.x', covers: ['2.1.0'], not: ['3.0.0'], granularity: 'major' },
  { cell: 'Release >= 1.4', covers: ['1.4.0'], not: ['1.3.0'] },
  { cell: '2.x - current', covers: ['2.1.0'], not: ['3.0.0'], granularity: 'major', note: 'current' },
  // A version inside prose (issue 12): the words say which release of the line, the version names the line.
  { cell: 'Latest release in 8.x', covers: ['8.0.2'], not: ['7.9.0', '9.0.0'], granularity: 'major' },
  { cell: '8.x (latest)', covers: ['8.1.0'], not: ['9.0.0'], granularity: 'major', note: 'latest' },
  { cell: 'the current major version 3', covers: ['3.4.0'], not: ['2.0.0', '4.0.0'], granularity: 'major' },
  { cell: 'Only the latest 2.x', covers: ['2.9.1'], not: ['1.0.0', '3.0.0'], granularity: 'major' },
  { cell: 'Latest minor of 3', covers: ['3.7.0'], not: ['4.0.0'], granularity: 'major' },
  { cell: 'Latest 1.4.x release', covers: ['1.4.9'], not: ['1.5.0'], granularity: 'minor', note: 'release' },
  { cell: '4.x and above', covers: ['4.0.0', '6.1.0'], not: ['3.9.0'] },
  { cell: '>= 2.3', covers: ['2.3.0', '5.0.0'], not: ['2.2.9'] },
  { cell: '2.x (LTS)', covers: ['2.0.1'], not: ['3.0.0'], granularity: 'major', note: 'LTS' },
  { cell: 'Releases before 4.0', covers: ['3.9.0'], not: ['4.0.0'] },
  { cell: 'Versions 2 and 3', covers: ['2.0.0', '3.5.0'], not: ['4.0.0'], granularity: 'major' },
];

describe('parseVersionCell', () => {
  it.each(RANGES)('reads $cell', ({ cell, covers, not, granularity, note }) => {
    const parsed = parseVersionCell(cell);
    expect(parsed, JSON.stringify(parsed)).toHaveProperty('spec.kind', 'range');
    if (!('spec' in parsed)) return;
    const spec = parsed.spec as RangeSpec;
    for (const version of covers) expect(semver.satisfies(version, spec.range), `${cell} covers ${version}`).toBe(true);
    for (const version of not) expect(semver.satisfies(version, spec.range), `${cell} excludes ${version}`).toBe(false);
    expect(spec.granularity).toBe(granularity);
    expect(parsed.note).toBe(note);
  });

  it('marks a pre-release qualifier so an alpha line is not required to have a stable tag', () => {
    expect(parseVersionCell('8.x (beta)')).toMatchObject({ spec: { prerelease: true } });
    expect(parseVersionCell('8.x (LTS)')).toMatchObject({ spec: { prerelease: false } });
  });

  it.each([
    ['latest', 'latest'],
    ['Latest release', 'latest'],
    ['current', 'latest'],
    ['main', 'branch'],
    ['master', 'branch'],
    ['develop', 'branch'],
    ['All other releases', 'others'],
    ['Others', 'others'],
    ['other versions', 'others'],
    ['*', 'others'],
    ['older', 'older'],
    ['Older versions', 'older'],
    ['previous releases', 'older'],
    ['main / master', 'branch'],
    ['develop, main', 'branch'],
    ['latest / main', 'latest'],
  ])('reads the keyword row %s', (cell, keyword) => {
    expect(parseVersionCell(cell)).toMatchObject({ spec: { kind: 'keyword', keyword } });
  });

  it.each([
    ['The latest 2 major versions', { count: 2, granularity: 'major' }],
    ['the two most recent releases', { count: 2 }],
    ['Last 3 minor versions', { count: 3, granularity: 'minor' }],
    ['latest two majors', { count: 2, granularity: 'major' }],
  ])('reads %j as a count of the newest lines, not as a version', (cell, count) => {
    const parsed = parseVersionCell(cell);
    expect(parsed).toEqual({ spec: { kind: 'keyword', text: cell, keyword: 'latest', ...count } });
  });

  it.each([
    ['', 'empty'],
    ['1.2.3.4', "'1.2.3.4'"],
    ['see below', "'see below'"],
    ['>= 4.0, < 3.0', "'>= 4.0, < 3.0'"],
  ])('says what it could not read in %j', (cell, fragment) => {
    const parsed = parseVersionCell(cell);
    expect(parsed).toHaveProperty('problem');
    if ('problem' in parsed) expect(parsed.problem).toContain(fragment);
  });
});
