import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSupportTable } from '../../../src/checks/versions/table.js';

const NOW = new Date('2026-11-24T12:00:00Z');
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/versions/${name}`, import.meta.url), 'utf8');
const table = (markdown: string) => readSupportTable(markdown, NOW).table;

describe('readSupportTable on real-shaped policies', () => {
  it('reads the ScaleBox table with the line of each row', () => {
    const document = readSupportTable(fixture('scalebox-SECURITY.md'), NOW);
    expect(document.heading).toEqual({ text: 'Supported Versions', line: 3 });
    expect(document.table?.rows).toMatchObject([
      { line: 9, versionText: '0.1.x', supported: true, raw: '| 0.1.x   | :white_check_mark: |' },
      { line: 10, versionText: '< 0.1', supported: false },
    ]);
  });

  it('reads a Rails-style table (inline code, "security fixes only") and ignores the later table', () => {
    const rows = table(fixture('rails-style-SECURITY.md'))?.rows ?? [];
    expect(rows.map((row) => [row.versionText, row.supported, row.line])).toEqual([
      ['8.0.x', true, 9],
      ['7.2.x', true, 10],
      ['7.1.x', true, 11],
      ['< 7.1', false, 12],
    ]);
  });

  it('finds the Node-style columns by header and applies the End-of-life column', () => {
    const rows = table(fixture('node-style-SECURITY.md'))?.rows ?? [];
    expect(rows.map((row) => [row.versionText, row.marker, row.supported, row.eol?.toISOString().slice(0, 10)])).toEqual([
      ['24.x', true, true, '2028-04-30'],
      ['22.x', true, true, '2027-04-30'],
      ['20.x', true, false, '2026-04-30'], // "Maintenance LTS" past its end of life
      ['18.x', false, false, '2025-04-30'],
    ]);
  });

  it('reads Django-style keyword rows, LTS notes and month-year dates', () => {
    const rows = table(fixture('django-style-SECURITY.md'))?.rows ?? [];
    expect(rows[0]).toMatchObject({ versionText: 'main', spec: { kind: 'keyword', keyword: 'branch' }, supported: true });
    expect(rows[2]).toMatchObject({ versionText: '5.2 (LTS)', note: 'LTS', supported: true });
    expect(rows[2]?.eol?.toISOString().slice(0, 10)).toBe('2028-04-30');
    expect(rows[3]).toMatchObject({ versionText: '5.1', supported: false });
  });

  it('reads Electron-style x.y wildcards', () => {
    const rows = table(fixture('electron-style-SECURITY.md'))?.rows ?? [];
    expect(rows.map((row) => [row.spec?.kind === 'range' ? row.spec.range.range : undefined, row.supported])).toEqual([
      ['>=39.0.0 <40.0.0-0', true],
      ['>=38.0.0 <39.0.0-0', true],
      ['>=37.0.0 <38.0.0-0', true],
      ['<37.0.0-0', false],
    ]);
  });
});

describe('tables without a support column', () => {
  it('derives support from a CPython-style End of life column', () => {
    const markdown = [
      '## Supported versions',
      '',
      '| Branch | Schedule | First release | End of life |',
      '| ------ | -------- | ------------- | ----------- |',
      '| 3.14   | bugfix   | 2025-10-07    | 2030-10     |',
      '| 3.9    | security | 2020-10-05    | 2025-10     |',
    ].join('\n');
    expect(table(markdown)?.rows.map((row) => [row.versionText, row.marker, row.supported])).toEqual([
      ['3.14', true, true],
      ['3.9', true, false], // "security" until its end of life, which has passed
    ]);
  });
});

describe('which table is the policy', () => {
  const policy = (heading: string) =>
    `# Project\n\n| Name | Value |\n| --- | --- |\n| a | b |\n\n${heading}\n\n| Version | Supported |\n| --- | --- |\n| 2.x | ✅ |\n`;

  it.each([
    '## Supported Versions',
    '## Supported Releases',
    '### Release Status',
    '## Version Support',
    '#### Supported versions policy',
    '## SUPPORTED VERSIONS',
    'Supported Versions\n------------------',
  ])('finds the table under %j, not an earlier one', (heading) => {
    expect(table(policy(heading))?.rows.map((row) => row.versionText)).toEqual(['2.x']);
  });

  it('takes a table in a subsection, but not one after the next heading of the same level', () => {
    const nested = '## Supported Versions\n\n### Current\n\n| Version | Supported |\n|---|---|\n| 3.x | ✅ |\n';
    expect(table(nested)?.rows[0]?.versionText).toBe('3.x');
    const outside = '## Supported Versions\n\nAsk us.\n\n## Other\n\n| Version | Supported |\n|---|---|\n| 3.x | ✅ |\n';
    const document = readSupportTable(outside, NOW);
    expect(document.table).toBeUndefined();
    expect(document.heading).toEqual({ text: 'Supported Versions', line: 1 });
  });

  it('falls back to a version/support table when the file has no such heading', () => {
    const markdown = '# Security Policy\n\n| Version | Supported |\n|---|---|\n| 1.x | :white_check_mark: |\n\nMail security@example.org\n';
    expect(table(markdown)?.rows[0]).toMatchObject({ line: 5, supported: true });
    expect(table('# Security\n\n| Name | Value |\n|---|---|\n| a | b |\n')).toBeUndefined();
  });

  it('reports unreadable rows with their lines and says what could not be read', () => {
    const markdown = [
      '## Supported Versions',
      '',
      '| Version | Supported |',
      '| ------- | --------- |',
      '| 2.x     | ✅        |',
      '| soon    | ✅        |',
      '| 1.x     | maybe     |',
      '| 1.2.3.4 |           |',
    ].join('\n');
    const rows = table(markdown)?.rows ?? [];
    expect(rows.map((row) => [row.line, row.problem])).toEqual([
      [5, undefined],
      [6, "could not read a version in 'soon'"],
      [7, expect.stringContaining("could not tell whether 'maybe' means supported")],
      [8, expect.stringMatching(/'1\.2\.3\.4'.*; the support cell is empty/)],
    ]);
  });
});

describe('readSupportTable never throws', () => {
  const pieces = fc.constantFrom(
    '|',
    '-',
    ':',
    '---',
    '#',
    '## Supported Versions',
    '\n',
    ' ',
    '`',
    '[',
    ']',
    '(',
    ')',
    '✅',
    ':x:',
    '<',
    '>=',
    '1.2.x',
    'v',
    '*',
    '\\',
    '<br>',
    '> ',
    '- ',
    '1. ',
    'until 2026-02-30',
    'EOL',
    '```',
    '\t',
    '~',
    '^',
    '||',
  );
  it('on arbitrary markdown-ish text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 60 }), (parts) => {
        const document = readSupportTable(parts.join(''), NOW);
        for (const row of document.table?.rows ?? []) expect(row.line).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => void readSupportTable(text, NOW)),
      { numRuns: 300 },
    );
  });
});

describe('cells never throw', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      '5.1.x',
      '< 4.0',
      '>= 3.10.8, < 4.0.0',
      'v2.x',
      '[1.2.x](https://x)',
      '7.x (alpha)',
      'latest',
      '*',
      '✅',
      ':x:',
      'EOL',
      'until 2026-04',
    ),
  );
  it('on tables of arbitrary cells under the heading, and every row keeps its own line', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), (rows) => {
        const escape = (text: string) => text.replace(/[|\n\r]/g, ' ');
        const markdown = [
          '## Supported Versions',
          '',
          '| Version | Supported | EOL |',
          '|---|---|---|',
          ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
        ].join('\n');
        const parsed = readSupportTable(markdown, NOW).table?.rows ?? [];
        for (const row of parsed) {
          expect(row.line).toBeGreaterThanOrEqual(5);
          expect(row.spec !== undefined || row.problem !== undefined).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
