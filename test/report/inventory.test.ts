import { describe, expect, it } from 'vitest';
import type { Package } from '../../src/checks/deps/types.js';
import { NAME_COLUMN, renderInventoryJson, renderInventoryText, VERSION_COLUMN } from '../../src/report/inventory.js';

const pkg = (overrides: Partial<Package>): Package => ({
  ecosystem: 'npm',
  name: 'a',
  version: '1.0.0',
  lockfile: 'package-lock.json',
  dev: false,
  direct: false,
  path: ['a'],
  source: 'registry',
  ...overrides,
});

const PACKAGES = [
  pkg({ name: 'express', version: '4.18.2', line: 10, direct: true, path: ['express'] }),
  pkg({ name: 'qs', version: '6.11.0', line: 420, path: ['express', 'body-parser', 'qs'] }),
  pkg({ name: 'jest', version: '29.7.0', lockfile: 'web/yarn.lock', line: 5, direct: true, dev: true, path: ['jest'] }),
  pkg({
    name: 'tool',
    version: 'github:o/tool#abc1234',
    lockfile: 'web/yarn.lock',
    source: 'git',
    note: 'git dependency: not matched by version',
  }),
];

describe('renderInventoryJson', () => {
  it('gives every field of every package, line null when unknown', () => {
    const json = renderInventoryJson(PACKAGES);
    expect(json.packages[1]).toEqual({
      ecosystem: 'npm',
      name: 'qs',
      version: '6.11.0',
      lockfile: 'package-lock.json',
      line: 420,
      dev: false,
      direct: false,
      path: ['express', 'body-parser', 'qs'],
      source: 'registry',
    });
    expect(json.packages[3]).toMatchObject({ line: null, source: 'git', note: 'git dependency: not matched by version' });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('renderInventoryText', () => {
  it('groups by lockfile with aligned columns and ends with a count line', () => {
    const text = renderInventoryText(PACKAGES, { color: false });
    expect(text).toBe(
      [
        'package-lock.json',
        '  express  4.18.2  :10   direct',
        '  qs       6.11.0  :420          via express > body-parser',
        '',
        'web/yarn.lock',
        '  jest  29.7.0                 :5  direct,dev',
        '  tool  github:o/tool#abc1234      git         git dependency: not matched by version',
        '',
        '4 packages (2 direct, 1 dev) in 2 lockfiles',
        '',
      ].join('\n'),
    );
  });

  it('lists unreadable files, colours only when asked, and never prints control characters from a lockfile', () => {
    const evil = [pkg({ name: 'x\u001b[2Jy', line: 1 })];
    const plain = renderInventoryText(evil, { color: false, errors: [{ check: 'deps', path: 'yarn.lock', line: 3, message: 'bad' }] });
    expect(plain).not.toContain('\u001b');
    expect(plain).toContain('x[2Jy'); // stripped as the scan report strips them (one helper)
    expect(plain).toContain('✖ yarn.lock:3: bad');
    expect(plain).toMatch(/1 package \(0 direct, 0 dev\) in 1 lockfile, 1 unreadable file\n$/);
    expect(renderInventoryText(evil, { color: true })).toContain('\u001b[1mpackage-lock.json\u001b[22m');
  });

  it('caps the name and version columns, eliding what is longer (the JSON has the whole value)', () => {
    const long = [pkg({ name: 'n'.repeat(200), version: `1.0.0-${'v'.repeat(100)}`, line: 1 }), pkg({ name: 'short', line: 2 })];
    const lines = renderInventoryText(long, { color: false }).split('\n');
    expect(lines[1]).toBe(`  ${'n'.repeat(NAME_COLUMN - 1)}…  1.0.0-${'v'.repeat(VERSION_COLUMN - 7)}…  :1`);
    expect(lines[2]).toBe(`  short${' '.repeat(NAME_COLUMN - 5)}  1.0.0${' '.repeat(VERSION_COLUMN - 5)}  :2`);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(2 + NAME_COLUMN + 2 + VERSION_COLUMN + 2 + 2);
  });

  it('lists a lockfile with no packages of its own (a requirements file of -r lines)', () => {
    const text = renderInventoryText([pkg({ lockfile: 'requirements/base.txt', name: 'django', line: 1 })], {
      color: false,
      lockfiles: ['requirements/base.txt', 'requirements/dev.txt'],
    });
    expect(text).toContain('requirements/dev.txt\n  no packages of its own\n');
    expect(text).toMatch(/1 package \(0 direct, 0 dev\) in 2 lockfiles\n$/);
    expect(renderInventoryJson([], [], ['requirements/dev.txt']).lockfiles).toEqual(['requirements/dev.txt']);
  });
});
