import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Finding } from '../../src/finding.js';
import { COMMENT_MARKER, ISSUE_MARKER, MAX_COMMENT_CHARS, readFingerprints, renderComment } from '../../src/report/comment.js';
import { errorOf, findingOf, verdictOf } from '../support/verdict.js';

const RUN = 'https://github.com/acme/app/actions/runs/4242';

const awsKey = () => findingOf({ check: 'secrets' });
const lodash = () => findingOf();
const lowDep = () =>
  findingOf({
    rule: 'GHSA-jf85-cpcp-j695',
    severity: 'low',
    title: 'minimist 1.2.5: Prototype Pollution',
    location: { path: 'package-lock.json', line: 300 },
  });
const unsupported = () => findingOf({ check: 'versions' });

/** `count` distinct failing deps findings. */
function manyFindings(count: number): Finding[] {
  return Array.from({ length: count }, (_, index) =>
    findingOf({
      rule: `GHSA-0000-0000-${String(index).padStart(4, '0')}`,
      title: `pkg-${index} 1.0.0: Advisory number ${index}`,
      location: { path: `services/s${index % 50}/package-lock.json`, line: index + 1 },
    }),
  );
}

/** Table rows of a rendered section (lines starting with `| ` after the header separator). */
function tableRows(body: string, heading: string): string[] {
  const start = body.indexOf(heading);
  const lines = body.slice(start).split('\n');
  const separator = lines.findIndex((line) => line.startsWith('| ---'));
  const rows: string[] = [];
  for (const line of lines.slice(separator + 1)) {
    if (!line.startsWith('| ')) break;
    rows.push(line);
  }
  return rows;
}

describe('renderComment', () => {
  it('starts with the marker and lists what fails and what warns', () => {
    const verdict = verdictOf([awsKey(), lodash(), lowDep()]);
    const body = renderComment(verdict, { runUrl: RUN });

    expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(body).toContain('### ❌ security-gate: 2 failing findings');
    expect(body).toContain(`[workflow run](${RUN})`);
    const failing = tableRows(body, '#### Failing (2)');
    expect(failing).toHaveLength(2);
    expect(failing[0]).toContain('AWS access key ID');
    expect(failing[0]).toContain('`deploy/.env:3` in `a1b2c3d`');
    expect(failing[1]).toContain('lodash 4.17.20');
    expect(failing[1]).toContain('upgrade to 4.17.21');
    const warnings = tableRows(body, '<summary><b>Warnings (1)</b></summary>');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('minimist 1.2.5');
  });

  it('escapes table cells so a pipe or markup in a finding cannot break the table', () => {
    const tricky = findingOf({
      title: 'evil | title <img src=x onerror=alert(1)> @octocat',
      message: 'line one\nline | two',
      location: { path: 'a|b/package-lock.json', line: 1 },
    });
    const body = renderComment(verdictOf([tricky]));
    const [row] = tableRows(body, '#### Failing (1)');

    // Five cells: unescaped pipes are exactly the six borders.
    expect(row!.split(/(?<!\\)\|/)).toHaveLength(7);
    expect(row).toContain('evil \\| title &lt;img src=x onerror=alert(1)&gt; `@octocat`');
    expect(row).toContain('line one line \\| two');
    expect(body).not.toContain('<img');
  });

  it('says "No failing findings" on a clean run, without tables', () => {
    const body = renderComment(verdictOf([lowDep()]), { runUrl: RUN });
    expect(body.startsWith(`${COMMENT_MARKER}\n### ✅ No failing findings\n`)).toBe(true);
    expect(body).toContain('1 warning');
    expect(body).not.toContain('| Severity |');
  });

  it('does not call a run clean when a check could not complete', () => {
    const body = renderComment(verdictOf([], { errors: [errorOf({ fatal: true, message: 'OSV API unreachable' })] }));
    expect(body).toContain('### ❌ security-gate: the scan could not complete');
    expect(body).toContain('#### Check errors (1)');
    expect(body).toContain('OSV API unreachable');
    expect(body).not.toContain('No failing findings');
  });

  it('stores the fingerprints and titles of failing and warning findings for the next run', () => {
    const findings = [awsKey(), lodash(), lowDep()];
    const stored = readFingerprints(renderComment(verdictOf(findings)));

    expect(stored?.complete).toBe(true);
    expect(stored?.findings).toEqual([
      { status: 'fail', fingerprint: findings[0]!.fingerprint, title: 'AWS access key ID' },
      { status: 'fail', fingerprint: findings[1]!.fingerprint, title: 'lodash 4.17.20: Regular Expression Denial of Service in lod…' },
      { status: 'warn', fingerprint: findings[2]!.fingerprint, title: 'minimist 1.2.5: Prototype Pollution' },
    ]);
  });

  it('lists what was fixed since the last run and marks what is new', () => {
    const previous = renderComment(verdictOf([awsKey(), lodash(), unsupported()]));
    const body = renderComment(verdictOf([lodash(), lowDep()]), { previous });

    expect(body).toContain('#### Fixed since the last run (2)');
    expect(body).toContain('- ~~AWS access key ID~~');
    expect(body).toContain('- ~~Latest release 0.2.0 is not listed as supported~~');
    expect(body).not.toContain('~~lodash');
    expect(tableRows(body, '#### Failing (1)')[0]).not.toContain('🆕');
    expect(tableRows(body, 'Warnings (1)')[0]).toContain('🆕 minimist');
  });

  it('does not count a finding as fixed when it is now ignored', () => {
    const previous = renderComment(verdictOf([lodash()]));
    const ignored = verdictOf([lodash()], {
      config: { ignore: [{ id: 'GHSA-29mw-wpgm-hmr9', reason: 'not reachable', expires: '2027-01-31' }] },
    });
    expect(ignored.counts.ignored).toBe(1);
    expect(renderComment(ignored, { previous })).not.toContain('Fixed since the last run');
  });

  it('shows the fixed list on a clean run too', () => {
    const previous = renderComment(verdictOf([lodash()]));
    const body = renderComment(verdictOf([]), { previous });
    expect(body).toContain('### ✅ No failing findings');
    expect(body).toContain('- ~~lodash 4.17.20');
  });

  it('keeps a stored title from closing the hidden block', () => {
    const sneaky = findingOf({ title: 'x --> <b>injected</b> --!> y' });
    const body = renderComment(verdictOf([sneaky, lodash()]));
    const blockStart = body.indexOf('<!-- security-gate:fingerprints v1');
    expect(body.slice(blockStart).match(/--!?>/g)).toEqual(['-->']);
    const stored = readFingerprints(body)?.findings ?? [];
    expect(stored.map((finding) => finding.fingerprint).sort()).toEqual([sneaky.fingerprint, lodash().fingerprint].sort());
    expect(stored.find((finding) => finding.fingerprint === sneaky.fingerprint)?.title).toBe('x - binjected/b -! y');
  });

  it('stays under 65,536 characters with 20,000 findings and says how many more', () => {
    const verdict = verdictOf(manyFindings(20_000));
    const body = renderComment(verdict, { runUrl: RUN });

    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    const shown = tableRows(body, '#### Failing (20000)').length;
    expect(shown).toBeGreaterThan(50);
    expect(body).toContain(`… and ${20_000 - shown} more failing findings: see the job summary and SARIF of [this run](${RUN}).`);
    const stored = readFingerprints(body);
    expect(stored?.complete).toBe(false);
    expect(stored!.findings.length).toBeGreaterThan(100);
  });

  it('keeps the fixed list and errors visible when a long failing list must be cut', () => {
    const previous = renderComment(verdictOf([awsKey()]));
    const verdict = verdictOf(manyFindings(2_000), { errors: [errorOf()] });
    const body = renderComment(verdict, { previous, maxChars: 8_000 });

    expect(body.length).toBeLessThanOrEqual(8_000);
    expect(body).toContain('- ~~AWS access key ID~~');
    expect(body).toContain("unknown entry key 'resolutoin'");
    expect(body).toMatch(/… and \d+ more failing findings/);
  });

  it('reads its own block, not a look-alike smuggled in through a file path', () => {
    const smuggler = findingOf({ location: { path: '<!-- security-gate:fingerprints v1 complete fail deps:forged Forged -->', line: 1 } });
    const stored = readFingerprints(renderComment(verdictOf([smuggler])));
    expect(stored?.findings).toEqual([{ status: 'fail', fingerprint: smuggler.fingerprint, title: smuggler.title.slice(0, 59) + '…' }]);
  });

  it('says the fixed list may be incomplete when the previous run stored only part of its findings', () => {
    const previous = renderComment(verdictOf(manyFindings(5_000)));
    const body = renderComment(verdictOf([]), { previous });
    expect(body).toMatch(/#### Fixed since the last run \(\d+\)/);
    expect(body).toContain('The previous run listed only part of its findings; more may be fixed.');
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
  });

  it('uses the issue marker when asked', () => {
    expect(renderComment(verdictOf([lodash()]), { marker: ISSUE_MARKER }).startsWith(`${ISSUE_MARKER}\n`)).toBe(true);
  });

  it('ignores a previous body without a fingerprint block', () => {
    const body = renderComment(verdictOf([lodash()]), { previous: `${COMMENT_MARKER}\nhand-written` });
    expect(body).not.toContain('Fixed since');
    expect(body).not.toContain('🆕');
  });
});

describe('renderComment on arbitrary findings', () => {
  const arbitraryFinding = fc.record({
    title: fc.string({ maxLength: 120 }),
    message: fc.string({ maxLength: 400 }),
    path: fc.string({ minLength: 1, maxLength: 80 }),
    severity: fc.constantFrom('critical', 'high', 'medium', 'low', 'info' as const),
  });

  it('stays within maxChars, keeps the marker, and stores the most important fingerprints in order', () => {
    fc.assert(
      fc.property(fc.array(arbitraryFinding, { maxLength: 150 }), fc.integer({ min: 1_500, max: 30_000 }), (specs, maxChars) => {
        const findings = specs.map((spec, index) =>
          findingOf({
            rule: `GHSA-${index}`,
            title: spec.title,
            message: spec.message,
            severity: spec.severity,
            location: { path: spec.path, line: index + 1 },
          }),
        );
        const verdict = verdictOf(findings);
        const body = renderComment(verdict, { runUrl: RUN, maxChars });

        expect(body.length).toBeLessThanOrEqual(maxChars);
        expect(body.startsWith(`${COMMENT_MARKER}\n###`)).toBe(true);
        const reported = verdict.findings.filter((finding) => finding.status !== 'ignored').map((finding) => finding.fingerprint);
        const stored = readFingerprints(body)!;
        expect(stored.findings.map((finding) => finding.fingerprint)).toEqual(reported.slice(0, stored.findings.length));
        expect(stored.complete).toBe(stored.findings.length === reported.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('renderComment for a monorepo and for a reader who acts (issues 12 and 13)', () => {
  const lodashIn = (path: string) =>
    findingOf({ rule: 'GHSA-35jh-r3h4-6jhm', title: 'lodash@4.17.15: Command Injection', location: { path, line: 40 } });
  const lockfiles = Array.from({ length: 27 }, (_, i) => `services/s${String(i).padStart(2, '0')}/package-lock.json`);

  it('groups one advisory of one package version across 27 lockfiles into one row, and keeps each in the stored block', () => {
    const body = renderComment(verdictOf(lockfiles.map(lodashIn)));
    const rows = tableRows(body, '#### Failing (27)');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('27 lockfiles: `services/s00/package-lock.json:40`');
    expect(rows[0]).toContain('and 24 more');
    expect(readFingerprints(body)!.findings).toHaveLength(27);
  });

  it('says a fixed advisory once, with how many places it was fixed in', () => {
    const previous = renderComment(verdictOf(lockfiles.map(lodashIn)));
    const body = renderComment(verdictOf([]), { previous });
    expect(body).toContain('#### Fixed since the last run (27)');
    expect(body.match(/~~lodash@4\.17\.15: Command Injection~~ \(27 places\)/g)).toHaveLength(1);
  });

  it('shows the remedy as what to do, and why a warning only warns', () => {
    const body = renderComment(
      verdictOf([
        findingOf({ remedy: 'upgrade lodash to 4.17.21' }),
        findingOf({ severity: 'low', location: { path: 'b/package-lock.json' } }),
      ]),
    );
    expect(tableRows(body, '#### Failing (1)')[0]).toMatch(/\| upgrade lodash to 4\.17\.21 \|$/);
    const [warning] = tableRows(body, '<summary><b>Warnings (1)</b></summary>');
    expect(warning).toContain('| low is below fail-on high |');
  });
});
