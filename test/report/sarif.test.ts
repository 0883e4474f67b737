import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { renderSarif, relativeUri } from '../../src/report/sarif.js';
import { depsDetails, errorOf, findingOf, verdictOf } from '../support/verdict.js';

const require = createRequire(import.meta.url);
// The official SARIF 2.1.0 schema (a draft-04 schema), as shipped by @microsoft/jest-sarif.
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// ajv-draft-04 with unicodeRegExp off: the schema's patterns are not valid under the `u` flag.
const validate = new (Ajv as unknown as typeof Ajv.default)({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);

/** What an uploader reads: the JSON text parsed back, validated against the official schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sarifOf(verdict: ReturnType<typeof verdictOf>): any {
  const log = JSON.parse(JSON.stringify(renderSarif(verdict, { toolVersion: '1.2.3' })));
  const valid = validate(log);
  expect(validate.errors ?? [], 'schema errors').toEqual([]);
  expect(valid).toBe(true);
  return log;
}

function fullVerdict() {
  return verdictOf(
    [
      findingOf({ check: 'deps', severity: 'critical', location: { path: 'web app/package-lock.json', line: 120, endLine: 131 } }),
      findingOf({ check: 'deps', severity: 'low', location: { path: 'web app/package-lock.json', line: 140 } }),
      findingOf({
        check: 'deps',
        rule: 'GHSA-aaaa-bbbb-cccc',
        severity: 'medium',
        details: depsDetails({ advisory: 'GHSA-aaaa-bbbb-cccc', aliases: [], package: 'minimist' }),
        location: { path: 'go.sum', line: undefined },
      }),
      findingOf({ check: 'secrets', introduced: true }),
      findingOf({
        check: 'secrets',
        rule: 'generic-api-key',
        severity: 'high',
        introduced: false,
        location: { path: 'config/#1.env', line: 4, commit: 'b'.repeat(40) },
      }),
      findingOf({ check: 'versions', severity: 'medium' }),
    ],
    {
      config: {
        ignore: [
          { id: 'generic-api-key', reason: 'test fixture, not a real key', expires: '2027-01-01' },
          { id: 'GHSA-aaaa-bbbb-cccc', reason: 'old', expires: '2026-01-01' },
        ],
      },
      ignoreLines: [4, 7],
      errors: [
        errorOf({ check: 'deps', path: 'frontend/yarn.lock', line: 212 }),
        errorOf({ check: 'secrets', path: '', line: undefined, fatal: true, message: 'shallow clone: fetch-depth: 0' }),
      ],
      stats: { deps: { lockfiles: 2 } },
    },
  );
}

describe('renderSarif', () => {
  it('is checked by a live schema validator (which rejects a broken log)', () => {
    const log = JSON.parse(JSON.stringify(renderSarif(fullVerdict(), { toolVersion: '1.2.3' })));
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
    expect(validate.errors?.length).toBeGreaterThanOrEqual(2);
  });

  it('writes a schema-valid SARIF 2.1.0 log with one run per check, each its own category', () => {
    const log = sarifOf(fullVerdict());
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs.map((run: { automationDetails: { id: string } }) => run.automationDetails.id)).toEqual([
      'security-gate/deps/',
      'security-gate/secrets/',
      'security-gate/versions/',
    ]);
    for (const run of log.runs) expect(run.tool.driver).toMatchObject({ name: 'security-gate', version: '1.2.3' });
  });

  it('describes each distinct rule once, with severity for code scanning, and points results at it by index', () => {
    const deps = sarifOf(fullVerdict()).runs[0];
    expect(deps.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([
      'GHSA-29mw-wpgm-hmr9',
      'ignore-expired',
      'GHSA-aaaa-bbbb-cccc',
    ]);
    const [lodash, expired] = deps.tool.driver.rules;
    expect(lodash).toMatchObject({
      shortDescription: { text: 'lodash 4.17.20: Regular Expression Denial of Service in lodash' },
      fullDescription: { text: expect.stringContaining('upgrade to 4.17.21') },
      help: { text: expect.stringContaining('https://osv.dev/vulnerability/GHSA-29mw-wpgm-hmr9') },
      helpUri: 'https://osv.dev/vulnerability/GHSA-29mw-wpgm-hmr9',
      // Two lodash findings, critical and low: the rule takes the worst.
      properties: { tags: ['security', 'deps'], 'security-severity': '9.5' },
    });
    expect(expired.properties['security-severity']).toBe('8.0');
    for (const result of deps.results) expect(deps.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
  });

  it('maps fail, warn and ignored to error, warning and a suppressed note', () => {
    const [deps, secrets] = sarifOf(fullVerdict()).runs;
    expect(deps.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([
      ['GHSA-29mw-wpgm-hmr9', 'error'],
      ['ignore-expired', 'error'],
      ['GHSA-aaaa-bbbb-cccc', 'warning'],
      ['GHSA-29mw-wpgm-hmr9', 'warning'],
    ]);
    const ignored = secrets.results.find((r: { ruleId: string }) => r.ruleId === 'generic-api-key');
    expect(ignored.level).toBe('note');
    expect(ignored.suppressions).toEqual([{ kind: 'external', justification: 'ignored: test fixture, not a real key (until 2027-01-01)' }]);
    expect(deps.results.every((r: { suppressions?: unknown }) => r.suppressions === undefined)).toBe(true);
  });

  it('locates results by relative, encoded URI under %SRCROOT%, with a region only for a known line', () => {
    const [deps, secrets] = sarifOf(fullVerdict()).runs;
    expect(deps.results[0].locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'web%20app/package-lock.json', uriBaseId: '%SRCROOT%' },
          region: { startLine: 120, endLine: 131 },
        },
      },
    ]);
    const noLine = deps.results.find((r: { ruleId: string }) => r.ruleId === 'GHSA-aaaa-bbbb-cccc');
    expect(noLine.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'go.sum', uriBaseId: '%SRCROOT%' } });
    const expired = deps.results.find((r: { ruleId: string }) => r.ruleId === 'ignore-expired');
    expect(expired.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: '.github/security-gate.yml' },
      region: { startLine: 7 },
    });
    expect(secrets.results[1].locations[0].physicalLocation.artifactLocation.uri).toBe('config/%231.env');
  });

  it('never writes a region with line 0 (SARIF lines start at 1)', () => {
    const log = sarifOf(verdictOf([findingOf({ location: { path: 'a.lock', line: 0 } })]));
    expect(log.runs[0].results[0].locations[0].physicalLocation.region).toBeUndefined();
  });

  it('carries stable fingerprints and the status, introduced and commit as properties', () => {
    const verdict = fullVerdict();
    const secrets = sarifOf(verdict).runs[1];
    const key = verdict.findings.find((f) => f.rule === 'aws-access-key-id')!;
    expect(secrets.results[0]).toMatchObject({
      ruleId: 'aws-access-key-id',
      message: { text: key.message },
      partialFingerprints: { 'securityGate/v1': key.fingerprint },
      properties: { status: 'fail', introduced: true, commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', severity: 'critical' },
    });
    expect(sarifOf(fullVerdict()).runs[1].results[0].partialFingerprints).toEqual(secrets.results[0].partialFingerprints);
  });

  it('reports check errors as tool execution notifications; a fatal one marks the run unsuccessful', () => {
    const [deps, secrets, versions] = sarifOf(fullVerdict()).runs;
    expect(deps.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: { text: "unknown entry key 'resolutoin'" },
            locations: [
              { physicalLocation: { artifactLocation: { uri: 'frontend/yarn.lock', uriBaseId: '%SRCROOT%' }, region: { startLine: 212 } } },
            ],
          },
        ],
      },
    ]);
    expect(secrets.invocations).toEqual([
      { executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'shallow clone: fetch-depth: 0' } }] },
    ]);
    expect(versions.invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('writes a valid log with an empty run per check for a clean verdict', () => {
    const log = sarifOf(verdictOf([]));
    expect(log.runs).toHaveLength(3);
    for (const run of log.runs) {
      expect(run.results).toEqual([]);
      expect(run.tool.driver.rules).toEqual([]);
    }
  });

  it('writes only the checks that ran', () => {
    const log = sarifOf(verdictOf([], { checks: ['versions'] }));
    expect(log.runs.map((run: { automationDetails: { id: string } }) => run.automationDetails.id)).toEqual(['security-gate/versions/']);
  });

  it('does not copy secret details (author, redacted value) into the log', () => {
    const text = JSON.stringify(renderSarif(fullVerdict(), { toolVersion: '1.2.3' }));
    expect(text).not.toContain('dev@example.com');
    expect(text).not.toContain('"redacted"');
    expect(text).not.toContain('"entropy"');
  });
});

describe('relativeUri', () => {
  it('percent-encodes each segment and keeps the slashes', () => {
    expect(relativeUri('a b/c#d/e?f%g.lock')).toBe('a%20b/c%23d/e%3Ff%25g.lock');
    expect(relativeUri('./src\\win.ts')).toBe('src/win.ts');
  });
});
