import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { errorOf, findingOf, verdictOf } from '../support/verdict.js';

describe('renderJson', () => {
  it('writes the version 1 contract: verdict, findings with every listed key, errors', () => {
    const key = findingOf({ check: 'secrets' });
    const verdict = verdictOf([key], {
      errors: [errorOf({ fatal: true })],
      mode: 'pr',
      range: 'a1b2c3d..e4f5a6b',
      stats: { secrets: { commits: 3 } },
    });
    const report = JSON.parse(JSON.stringify(renderJson(verdict)));
    expect(report).toMatchObject({
      version: 1,
      verdict: 'fail',
      failOn: 'high',
      mode: 'pr',
      range: 'a1b2c3d..e4f5a6b',
      counts: { fail: 1, warn: 0, ignored: 0, errors: 1 },
    });
    expect(report.findings).toEqual([
      {
        check: 'secrets',
        rule: 'aws-access-key-id',
        severity: 'critical',
        title: 'AWS access key ID',
        message: key.message,
        location: { path: 'deploy/.env', line: 3, commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' },
        fingerprint: key.fingerprint,
        introduced: true,
        status: 'fail',
        reason: 'critical is at or above fail-on high',
        details: { kind: 'secrets', redacted: 'AKIA************', author: 'dev@example.com', date: '2026-11-20T10:00:00Z', entropy: 3.9 },
      },
    ]);
    expect(report.errors).toEqual([
      { check: 'deps', path: 'frontend/yarn.lock', line: 212, message: "unknown entry key 'resolutoin'", fatal: true },
    ]);
    expect(report.checks).toEqual([
      { check: 'deps', stats: {}, findings: 0, errors: 1 },
      { check: 'secrets', stats: { commits: 3 }, findings: 1, errors: 0 },
    ]);
  });

  it('keeps every key present, as null, when a location has no line or commit and the mode has no "introduced"', () => {
    const report = JSON.parse(JSON.stringify(renderJson(verdictOf([findingOf({ location: { path: 'go.sum', line: undefined } })]))));
    expect(report.findings[0].location).toEqual({ path: 'go.sum', line: null, commit: null });
    expect(report.findings[0].introduced).toBeNull();
  });

  it('reports pass with empty lists for a clean run', () => {
    expect(renderJson(verdictOf([]))).toMatchObject({ version: 1, verdict: 'pass', findings: [], errors: [] });
  });

  it('does not share objects with the verdict (a caller may mutate one safely)', () => {
    const verdict = verdictOf([findingOf()]);
    const report = renderJson(verdict);
    report.findings[0]!.details.package = 'changed';
    expect(verdict.findings[0]!.details).toMatchObject({ package: 'lodash' });
  });
});
