import { describe, expect, it } from 'vitest';
import { actionOutputs } from '../../src/report/outputs.js';
import { findingOf, verdictOf } from '../support/verdict.js';

describe('actionOutputs', () => {
  it('gives the verdict, counts and report paths as strings', () => {
    const verdict = verdictOf(
      [
        findingOf({ severity: 'critical', location: { line: 1 } }),
        findingOf({ severity: 'low', location: { line: 2 } }),
        findingOf({ severity: 'low', location: { line: 3 } }),
        findingOf({ check: 'secrets' }),
      ],
      { config: { ignore: [{ id: 'aws-access-key-id', reason: 'sample key in docs', expires: '2027-01-01' }] } },
    );
    expect(actionOutputs(verdict, { sarif: 'security-gate.sarif', json: 'security-gate.json' })).toEqual({
      verdict: 'fail',
      findings: '4',
      failures: '1',
      warnings: '2',
      'sarif-file': 'security-gate.sarif',
      'json-file': 'security-gate.json',
    });
  });

  it('gives empty paths for reports not written', () => {
    expect(actionOutputs(verdictOf([]), {})).toEqual({
      verdict: 'pass',
      findings: '0',
      failures: '0',
      warnings: '0',
      'sarif-file': '',
      'json-file': '',
    });
  });
});
