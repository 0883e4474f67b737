import { describe, expect, it } from 'vitest';
import { isExpired } from '../../src/policy/verdict.js';
import { depsDetails, errorOf, findingOf, verdictOf } from '../support/verdict.js';

const lodash = findingOf({ check: 'deps' });

describe('policy: thresholds', () => {
  it('fails a finding at or above fail-on and warns below it', () => {
    const verdict = verdictOf([
      findingOf({ severity: 'high', location: { path: 'a/package-lock.json' } }),
      findingOf({ severity: 'medium', location: { path: 'b/package-lock.json' } }),
    ]);
    expect(verdict.verdict).toBe('fail');
    expect(verdict.findings.map((f) => [f.severity, f.status])).toEqual([
      ['high', 'fail'],
      ['medium', 'warn'],
    ]);
    expect(verdict.findings[0]!.reason).toBe('high is at or above fail-on high');
    expect(verdict.findings[1]!.reason).toBe('medium is below fail-on high');
    expect(verdict.counts).toEqual({ fail: 1, warn: 1, ignored: 0, errors: 0 });
  });

  it('passes the same findings when fail-on is critical', () => {
    const verdict = verdictOf([findingOf({ severity: 'high' })], { config: { 'fail-on': 'critical' } });
    expect(verdict.verdict).toBe('pass');
    expect(verdict.failOn).toBe('critical');
    expect(verdict.findings[0]!.status).toBe('warn');
  });

  it('fails low findings when fail-on is low, but never info ones', () => {
    const verdict = verdictOf(
      [findingOf({ severity: 'low', location: { line: 1 } }), findingOf({ severity: 'info', location: { line: 2 } })],
      { config: { 'fail-on': 'low' } },
    );
    expect(verdict.findings.map((f) => f.status)).toEqual(['fail', 'warn']);
  });

  it('passes with no findings and no errors', () => {
    const verdict = verdictOf([]);
    expect(verdict).toMatchObject({ verdict: 'pass', findings: [], errors: [], counts: { fail: 0, warn: 0, ignored: 0, errors: 0 } });
    expect(verdict.checks.map((c) => c.check)).toEqual(['deps', 'secrets', 'versions']);
  });
});

describe('policy: ignores', () => {
  const until = (expires: string) => ({ reason: 'not reachable from our code', expires });

  it('ignores by advisory id, case-insensitively, and by alias', () => {
    for (const id of ['GHSA-29mw-wpgm-hmr9', 'ghsa-29mw-wpgm-hmr9', 'CVE-2020-28500']) {
      const verdict = verdictOf([lodash], { config: { ignore: [{ id, ...until('2026-12-31') }] } });
      expect(verdict.verdict, id).toBe('pass');
      expect(verdict.findings[0]).toMatchObject({ status: 'ignored', reason: 'ignored: not reachable from our code (until 2026-12-31)' });
      expect(verdict.findings[0]!.ignoredBy).toMatchObject({ id });
    }
  });

  it('ignores a secret by rule id and a single finding by fingerprint', () => {
    const key = findingOf({ check: 'secrets' });
    const other = findingOf({ check: 'secrets', location: { path: 'other/.env', line: 1 } });
    const byRule = verdictOf([key, other], { config: { ignore: [{ id: 'aws-access-key-id', ...until('2026-12-31') }] } });
    expect(byRule.counts.ignored).toBe(2);
    const byFingerprint = verdictOf([key, other], { config: { ignore: [{ fingerprint: key.fingerprint, ...until('2026-12-31') }] } });
    expect(byFingerprint.findings.map((f) => [f.location.path, f.status])).toEqual([
      ['other/.env', 'fail'],
      ['deploy/.env', 'ignored'],
    ]);
  });

  it('limits an id ignore to one package', () => {
    const minimist = findingOf({ details: depsDetails({ package: 'minimist' }), location: { line: 7 } });
    const verdict = verdictOf([lodash, minimist], {
      config: { ignore: [{ id: 'GHSA-29mw-wpgm-hmr9', package: 'Lodash', ...until('2026-12-31') }] },
    });
    expect(verdict.findings.map((f) => [(f.details as { package: string }).package, f.status])).toEqual([
      ['minimist', 'fail'],
      ['lodash', 'ignored'],
    ]);
  });

  it('limits an id ignore to a path glob (dotfiles included)', () => {
    const inTests = findingOf({ check: 'secrets', location: { path: 'test/.fixtures/key.txt', line: 1 } });
    const inSrc = findingOf({ check: 'secrets', location: { path: 'src/key.ts', line: 1 } });
    const verdict = verdictOf([inTests, inSrc], {
      config: { ignore: [{ id: 'aws-access-key-id', path: 'test/**', ...until('2026-12-31') }] },
    });
    expect(verdict.findings.map((f) => [f.location.path, f.status])).toEqual([
      ['src/key.ts', 'fail'],
      ['test/.fixtures/key.txt', 'ignored'],
    ]);
  });

  it('keeps an ignore working through its expiry day (UTC) and stops it the day after', () => {
    const entry = { id: 'x', ...until('2026-11-24') };
    expect(isExpired(entry, new Date('2026-11-24T23:59:59Z'))).toBe(false);
    expect(isExpired(entry, new Date('2026-11-25T00:00:00Z'))).toBe(true);
  });

  it('fails an expired ignore with a finding of its own at the config line, and the hidden finding comes back', () => {
    const verdict = verdictOf([lodash], {
      config: { ignore: [{ id: 'GHSA-29mw-wpgm-hmr9', ...until('2026-11-01') }] },
      ignoreLines: [14],
    });
    expect(verdict.verdict).toBe('fail');
    const expired = verdict.findings.find((f) => f.rule === 'ignore-expired');
    expect(expired).toMatchObject({
      status: 'fail',
      severity: 'high',
      location: { path: '.github/security-gate.yml', line: 14 },
      reason: 'ignore expired on 2026-11-01',
      title: 'Ignore for GHSA-29mw-wpgm-hmr9 expired on 2026-11-01',
    });
    expect(expired!.message).toContain('not reachable from our code');
    expect(verdict.findings.find((f) => f.rule === 'GHSA-29mw-wpgm-hmr9')).toMatchObject({ status: 'fail' });
  });

  it('reports one expired-ignore finding per entry even when it matched several findings', () => {
    const verdict = verdictOf([lodash, findingOf({ location: { path: 'web/package-lock.json' } })], {
      config: { ignore: [{ id: 'GHSA-29mw-wpgm-hmr9', ...until('2026-01-01') }] },
    });
    expect(verdict.findings.filter((f) => f.rule === 'ignore-expired')).toHaveLength(1);
    expect(verdict.counts.fail).toBe(3);
  });

  it('prefers an active ignore over an expired one for the same finding, and reports nothing expired', () => {
    const verdict = verdictOf([lodash], {
      config: {
        ignore: [
          { id: 'GHSA-29mw-wpgm-hmr9', ...until('2026-01-01') },
          { id: 'CVE-2020-28500', ...until('2027-01-01') },
        ],
      },
    });
    expect(verdict.verdict).toBe('pass');
    expect(verdict.findings).toHaveLength(1);
    expect(verdict.findings[0]!.status).toBe('ignored');
  });
});

describe('policy: existing findings warn', () => {
  it('warns for a finding whose fingerprint is in the baseline', () => {
    const verdict = verdictOf([lodash], { baseline: new Set([lodash.fingerprint]) });
    expect(verdict.verdict).toBe('pass');
    expect(verdict.findings[0]).toMatchObject({ status: 'warn', reason: 'in the baseline: existed before' });
  });

  it('warns for a finding that was there before this change (introduced: false), fails the introduced one', () => {
    const verdict = verdictOf(
      [
        findingOf({ introduced: false, severity: 'critical', location: { line: 1 } }),
        findingOf({ introduced: true, severity: 'high', location: { line: 2 } }),
      ],
      { mode: 'pr', range: 'a1b2c3d..e4f5a6b' },
    );
    expect(verdict.findings.map((f) => [f.introduced, f.status])).toEqual([
      [true, 'fail'],
      [false, 'warn'],
    ]);
    expect(verdict.findings[1]!.reason).toBe('already present before this change');
    expect(verdict).toMatchObject({ mode: 'pr', range: 'a1b2c3d..e4f5a6b' });
  });
});

describe('policy: unscored advisories', () => {
  const unscored = findingOf({ severity: 'critical', details: depsDetails({ unscored: true }) });

  it('warns by default (deps.unscored: warn), whatever severity the check guessed', () => {
    const verdict = verdictOf([unscored]);
    expect(verdict.findings[0]).toMatchObject({ status: 'warn', reason: 'advisory has no severity (deps.unscored: warn)' });
    expect(verdict.verdict).toBe('pass');
  });

  it('fails with deps.unscored: fail', () => {
    const verdict = verdictOf([unscored], { config: { deps: { unscored: 'fail' } } });
    expect(verdict.findings[0]).toMatchObject({ status: 'fail', reason: 'advisory has no severity and deps.unscored is fail' });
  });
});

describe('policy: check errors', () => {
  it('fails the verdict on a fatal error even without findings', () => {
    const verdict = verdictOf([], { errors: [errorOf({ fatal: true, message: 'advisory source unreachable' })] });
    expect(verdict.verdict).toBe('fail');
    expect(verdict.counts.errors).toBe(1);
  });

  it('keeps a pass with a non-fatal error, but reports it', () => {
    const verdict = verdictOf([], { errors: [errorOf()] });
    expect(verdict.verdict).toBe('pass');
    expect(verdict.errors).toEqual([errorOf()]);
    expect(verdict.checks.find((c) => c.check === 'deps')).toMatchObject({ errors: 1, findings: 0 });
  });
});

describe('policy: order', () => {
  it('sorts fail, warn, ignored; introduced first; then severity, check, path, line', () => {
    const verdict = verdictOf(
      [
        findingOf({ rule: 'ignored-one', severity: 'critical', location: { line: 1 } }),
        findingOf({ rule: 'warn-low', severity: 'low', location: { line: 2 } }),
        findingOf({ rule: 'warn-critical-existing', severity: 'critical', introduced: false, location: { line: 3 } }),
        findingOf({ rule: 'fail-high-b', severity: 'high', introduced: true, location: { path: 'b.lock', line: 1 } }),
        findingOf({ rule: 'fail-high-a2', severity: 'high', introduced: true, location: { path: 'a.lock', line: 9 } }),
        findingOf({ rule: 'fail-high-a1', severity: 'high', introduced: true, location: { path: 'a.lock', line: 2 } }),
        findingOf({ check: 'secrets', rule: 'fail-critical', introduced: true }),
      ],
      { config: { ignore: [{ id: 'ignored-one', reason: 'test', expires: '2027-01-01' }] } },
    );
    expect(verdict.findings.map((f) => f.rule)).toEqual([
      'fail-critical',
      'fail-high-a1',
      'fail-high-a2',
      'fail-high-b',
      'warn-critical-existing',
      'warn-low',
      'ignored-one',
    ]);
  });
});

describe('policy: secrets in test paths and published examples (issue 9)', () => {
  const inTests = (overrides: Parameters<typeof findingOf>[0] = {}) =>
    findingOf({
      check: 'secrets',
      severity: 'critical',
      location: { path: 't/unit/test_broker.py', line: 3 },
      details: { kind: 'secrets', redacted: 'redi****', pathKind: 'test' },
      ...overrides,
    });

  it('warns on a critical key in a test path by default, and says why', () => {
    const verdict = verdictOf([inTests()]);
    expect(verdict.verdict).toBe('pass');
    expect(verdict.findings[0]).toMatchObject({ status: 'warn', reason: 'in a test or example path (secrets.in-test-paths: warn)' });
  });

  it('fails it with secrets.in-test-paths: fail, and hides it with ignore', () => {
    expect(verdictOf([inTests()], { config: { secrets: { 'in-test-paths': 'fail' } } }).verdict).toBe('fail');
    const ignored = verdictOf([inTests()], { config: { secrets: { 'in-test-paths': 'ignore' } } });
    expect(ignored.findings[0]).toMatchObject({ status: 'ignored' });
    expect(ignored.counts.ignored).toBe(1);
  });

  it('still fails the same key outside a test path', () => {
    const verdict = verdictOf([
      inTests({ location: { path: 'deploy/.env', line: 1 }, details: { kind: 'secrets', redacted: 'AKIA****', pathKind: 'source' } }),
    ]);
    expect(verdict.verdict).toBe('fail');
  });

  it('never fails a published example credential, whatever fail-on and wherever it is', () => {
    const example = findingOf({
      check: 'secrets',
      severity: 'info',
      details: { kind: 'secrets', redacted: 'AKIA****', pathKind: 'source', example: "AWS's documented example access key ID" },
    });
    const verdict = verdictOf([example], { config: { 'fail-on': 'low', secrets: { 'in-test-paths': 'fail' } } });
    expect(verdict.verdict).toBe('pass');
    expect(verdict.findings[0]).toMatchObject({ status: 'warn', reason: 'a published example credential: reported, never failing' });
  });
});
