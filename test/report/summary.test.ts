import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/report/summary.js';
import { depsDetails, errorOf, findingOf, verdictOf } from '../support/verdict.js';

/** The tables as GitHub would see them: each a list of rows of cell texts. */
function tables(markdown: string): string[][][] {
  const tree = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const plain = (node: unknown): string => {
    const n = node as { value?: string; children?: unknown[] };
    return n.value ?? (n.children ?? []).map(plain).join('');
  };
  return tree.children
    .filter((node) => node.type === 'table')
    .map((table) => (table as { children: { children: unknown[] }[] }).children.map((tableRow) => tableRow.children.map(plain)));
}

function htmlNodes(markdown: string): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (node.type === 'html') found.push(node.value ?? '');
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] }));
  return found;
}

const ignoreKey = { id: 'aws-access-key-id', reason: 'documented sample key', expires: '2026-12-31' };

function mixedVerdict() {
  return verdictOf(
    [
      findingOf({ severity: 'critical' }),
      findingOf({ severity: 'low', location: { path: 'web/package-lock.json', line: 7 } }),
      findingOf({ check: 'secrets' }),
      findingOf({ check: 'versions' }),
    ],
    {
      config: { ignore: [ignoreKey] },
      errors: [errorOf()],
      mode: 'pr',
      range: 'a1b2c3d..e4f5a6b',
      stats: { deps: { lockfiles: 3, packages: 812 } },
    },
  );
}

describe('renderSummary', () => {
  it('opens with the verdict, the counts, the threshold, the mode and the range', () => {
    const summary = renderSummary(mixedVerdict());
    const lines = summary.split('\n');
    expect(lines[0]).toBe('## ❌ security-gate: FAIL');
    expect(summary).toContain('1 failing · 2 warnings · 1 ignored · 1 check error');
    expect(summary).toContain('fail-on: `high` · mode: `pr` · range: `a1b2c3d..e4f5a6b`');
    expect(renderSummary(verdictOf([])).split('\n')[0]).toBe('## ✅ security-gate: PASS');
  });

  it('has a table of the checks with what they ran and their stats', () => {
    const [checks] = tables(
      renderSummary(verdictOf([findingOf()], { checks: ['deps', 'versions'], stats: { deps: { lockfiles: 3, packages: 812 } } })),
    );
    expect(checks).toEqual([
      ['Check', 'Ran', 'Findings', 'Errors', 'Stats'],
      ['deps', '✅', '1', '0', 'lockfiles: 3, packages: 812'],
      ['secrets', '—', '', '', 'not run'],
      ['versions', '✅', '0', '0', ''],
    ]);
  });

  it('lists failing, warning and ignored findings in their own tables, ignored ones with reason and expiry', () => {
    const summary = renderSummary(mixedVerdict());
    const [, failing, warnings, ignored, errors] = tables(summary);
    expect(summary).toMatch(/### Failing \(1\)[\s\S]*### Warnings \(2\)[\s\S]*### Ignored \(1\)[\s\S]*### Errors \(1\)/);
    expect(failing).toEqual([
      ['Severity', 'Check', 'Rule', 'Location', 'Title', 'What to do'],
      [
        'critical',
        'deps',
        'GHSA-29mw-wpgm-hmr9',
        'package-lock.json:120',
        'lodash 4.17.20: Regular Expression Denial of Service in lodash',
        'lodash 4.17.20 is affected by GHSA-29mw-wpgm-hmr9; upgrade to 4.17.21.',
      ],
    ]);
    expect(warnings!.slice(1).map((cells) => cells.slice(0, 4))).toEqual([
      ['medium', 'versions', 'latest-release-unsupported', 'SECURITY.md:9'],
      ['low', 'deps', 'GHSA-29mw-wpgm-hmr9', 'web/package-lock.json:7'],
    ]);
    expect(ignored).toEqual([
      ['Severity', 'Check', 'Rule', 'Location', 'Title', 'Reason', 'Expires'],
      ['critical', 'secrets', 'aws-access-key-id', 'deploy/.env:3 @ a1b2c3d', 'AWS access key ID', 'documented sample key', '2026-12-31'],
    ]);
    expect(errors).toEqual([
      ['Check', 'Location', 'Message', 'Fatal'],
      ['deps', 'frontend/yarn.lock:212', "unknown entry key 'resolutoin'", 'no'],
    ]);
  });

  it('warns in the headline when a fatal error left the scan incomplete', () => {
    const summary = renderSummary(verdictOf([], { errors: [errorOf({ fatal: true, message: 'OSV API unreachable' })] }));
    expect(summary).toContain('## ❌ security-gate: FAIL');
    expect(summary).toContain('> 1 check error left part of the scan undone');
  });

  it('keeps pipes, newlines and HTML from breaking a table or injecting markup', () => {
    const nasty = findingOf({
      rule: 'rule|with|pipes',
      title: 'a | b\nnew row <img src=x onerror=alert(1)> @octocat **bold**',
      location: { path: 'dir|x/<b>.lock', line: 1 },
    });
    const summary = renderSummary(verdictOf([nasty]));
    expect(summary).not.toContain('<img');
    // `<b>` survives only inside a code span, where it is text; no HTML node anywhere.
    expect(htmlNodes(summary)).toEqual([]);
    const [, failing] = tables(summary);
    expect(failing).toHaveLength(2);
    expect(failing![1]).toEqual([
      'high',
      'deps',
      'rule|with|pipes',
      'dir|x/<b>.lock:1',
      // The text reads back as written (the mention is a code span, which notifies nobody).
      'a | b new row <img src=x onerror=alert(1)> @octocat **bold**',
      'lodash 4.17.20 is affected by GHSA-29mw-wpgm-hmr9; upgrade to 4.17.21.',
    ]);
  });

  it('cuts a long "what to do" message to one short cell', () => {
    const long = findingOf({ message: `Upgrade now. ${'Then read the advisory. '.repeat(40)}` });
    const [, failing] = tables(renderSummary(verdictOf([long])));
    const cell = failing![1]!.at(-1)!;
    expect(cell.startsWith('Upgrade now. Then read the advisory.')).toBe(true);
    expect(cell.endsWith('…')).toBe(true);
    expect(cell.length).toBeLessThanOrEqual(300);
  });

  it('stays under 1 MiB with 50,000 findings and says how many more are in the reports', () => {
    // Each a different package: one row each (the same package in many lockfiles is one row, tested below).
    const findings = Array.from({ length: 50_000 }, (_, i) =>
      findingOf({
        severity: i % 3 === 0 ? 'high' : 'low',
        location: { path: `packages/p${i}/package-lock.json`, line: i + 1 },
        details: depsDetails({ package: `p${i}` }),
      }),
    );
    const summary = renderSummary(verdictOf(findings, { errors: [errorOf()] }));
    const size = Buffer.byteLength(summary, 'utf8');
    expect(size).toBeLessThan(1_000_000);
    expect(size).toBeGreaterThan(900_000);
    // Finding rows are the table rows that start with a severity (parsing 1 MB of markdown is slow).
    const rows = summary.split('\n').filter((line) => /^\| (high|low) \| deps \|/.test(line)).length;
    const more = /… and (\d+) more findings \(see the SARIF\/JSON report\)/.exec(summary);
    expect(more).not.toBeNull();
    expect(rows).toBeGreaterThan(1000);
    expect(Number(more![1])).toBe(50_000 - rows);
    // The errors still make it in after the truncated findings.
    expect(summary).toContain('### Errors (1)');
  });

  it('respects a smaller maxBytes, counting UTF-8 bytes', () => {
    const findings = Array.from({ length: 200 }, (_, i) =>
      findingOf({ title: `ünïcödé ✓ ${i}`, location: { line: i + 1 }, details: depsDetails({ package: `p${i}` }) }),
    );
    const summary = renderSummary(verdictOf(findings), { maxBytes: 10_000 });
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(10_000);
    expect(summary).toMatch(/… and \d+ more findings/);
  });

  it('never exceeds the budget and always accounts for every finding, whatever the budget', () => {
    const findings = Array.from({ length: 300 }, (_, i) =>
      findingOf({
        severity: (['critical', 'high', 'low'] as const)[i % 3],
        check: i % 2 ? 'deps' : 'secrets',
        location: { path: `p${i}.lock`, line: i + 1 },
        ...(i % 2 ? { details: depsDetails({ package: `p${i}` }) } : {}),
      }),
    );
    const verdict = verdictOf(findings, { errors: Array.from({ length: 50 }, (_, i) => errorOf({ line: i + 1 })) });
    for (let maxBytes = 3_000; maxBytes <= 60_000; maxBytes += 3_300) {
      const summary = renderSummary(verdict, { maxBytes });
      expect(Buffer.byteLength(summary, 'utf8'), `maxBytes ${maxBytes}`).toBeLessThanOrEqual(maxBytes);
      const rows = summary.split('\n').filter((line) => /^\| (critical|high|low) \| (deps|secrets) \|/.test(line)).length;
      const more = Number(/… and (\d+) more findings?/.exec(summary)?.[1] ?? 0);
      expect(rows + more, `maxBytes ${maxBytes}`).toBe(300);
    }
  });

  it('has no "more" line when everything fits', () => {
    expect(renderSummary(mixedVerdict())).not.toContain('more finding');
  });

  it('counts the headline and stats in the 1 MiB budget: a 1.2 MB config value cannot push it over (issue 10, item 21)', () => {
    const huge = 'x'.repeat(1_200_000);
    const verdict = verdictOf([findingOf()], { range: huge, stats: { deps: { source: huge, [huge]: 1 } } });
    const summary = renderSummary(verdict);
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(1_000_000);
    // Still a summary: the verdict, the cut value, and the finding.
    expect(summary).toContain('## ❌ security-gate: FAIL');
    expect(summary).toMatch(/range: `x+…`/);
    expect(summary).toContain('GHSA-29mw-wpgm-hmr9');
  });

  describe('what the action shows on a pull request (issue 12)', () => {
    it('shows the short remedy in "What to do", and the trimmed message only when there is none', () => {
      const withRemedy = findingOf({ remedy: 'upgrade lodash to 4.17.21', message: `Long story. ${'Boilerplate. '.repeat(40)}` });
      const withoutRemedy = findingOf({ check: 'versions' });
      const [, failing, warnings] = tables(renderSummary(verdictOf([withRemedy, withoutRemedy])));
      expect(failing![1]!.at(-1)).toBe('upgrade lodash to 4.17.21');
      expect(warnings![1]!.at(-1)).toBe(withoutRemedy.message);
    });

    it('says why each warning only warns', () => {
      const verdict = verdictOf(
        [
          findingOf({ introduced: false, location: { path: 'a/package-lock.json' } }),
          findingOf({ severity: 'low', location: { path: 'b/package-lock.json' } }),
          findingOf({ check: 'versions', severity: 'high', fingerprint: 'versions:old' }),
        ],
        { mode: 'pr', baseline: new Set(['versions:old']) },
      );
      const [, warnings] = tables(renderSummary(verdict));
      expect(warnings![0]).toEqual(['Severity', 'Check', 'Rule', 'Location', 'Title', 'Why it only warns', 'What to do']);
      expect(warnings!.slice(1).map((cells) => cells[5])).toEqual([
        'already present before this change',
        'in the baseline: existed before',
        'low is below fail-on high',
      ]);
    });

    it('keeps package@version and every code span copyable: no zero-width space anywhere', () => {
      const finding = findingOf({
        title: 'follow-redirects@1.15.0: Improper Input Validation',
        remedy: 'upgrade follow-redirects to 1.15.6',
        details: depsDetails({ package: 'follow-redirects', version: '1.15.0' }),
      });
      const scoped = findingOf({ title: '@babel/traverse@7.22.0: arbitrary code execution', location: { path: 'web/package-lock.json' } });
      const summary = renderSummary(verdictOf([finding, scoped]));
      expect(summary).not.toContain('\u200b');
      expect(summary).toContain('follow-redirects@1.15.0: Improper Input Validation');
      // A scoped name is a code span: copyable, and GitHub notifies no team from code.
      expect(summary).toContain('`@babel/traverse@7.22.0`: arbitrary code execution');
    });
  });

  it('drops C1 control characters as the terminal report does (one control-character policy)', () => {
    const summary = renderSummary(verdictOf([findingOf({ title: 'a\u009b31mred\u0085b' })]));
    expect(summary).toContain('a31mredb');
    expect(summary).not.toMatch(/[\u0080-\u009f]/);
  });

  it('groups one advisory of one package version across lockfiles into one row (issue 13)', () => {
    const findings = Array.from({ length: 27 }, (_, i) =>
      findingOf({
        rule: 'GHSA-35jh-r3h4-6jhm',
        title: 'lodash@4.17.15: Command Injection',
        location: { path: `services/s${String(i).padStart(2, '0')}/package-lock.json`, line: 40 },
      }),
    );
    const other = findingOf({ location: { path: 'web/package-lock.json' }, details: depsDetails({ package: 'qs', version: '6.5.2' }) });
    const summary = renderSummary(verdictOf([...findings, other]));
    const [, failing] = tables(summary);
    expect(summary).toContain('### Failing (28)');
    expect(failing).toHaveLength(3);
    const grouped = failing!.find((cells) => cells[2] === 'GHSA-35jh-r3h4-6jhm')!;
    expect(grouped[3]).toBe(
      '27 lockfiles: services/s00/package-lock.json:40, services/s01/package-lock.json:40, services/s02/package-lock.json:40 and 24 more',
    );
    expect(summary).not.toContain('more finding');
  });
});
