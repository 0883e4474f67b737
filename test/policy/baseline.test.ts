import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { commitTree, workingTree } from '../../src/config/tree.js';
import { baselineSnapshot, readBaselineFingerprints } from '../../src/policy/baseline.js';
import { renderJson } from '../../src/report/json.js';
import { gitRepo, tempDir } from '../support/git-repo.js';
import { findingOf, verdictOf } from '../support/verdict.js';

describe('readBaselineFingerprints', () => {
  it('reads back the fingerprints of a report it wrote, and the policy then warns for them', () => {
    const findings = [findingOf(), findingOf({ check: 'secrets' })];
    const text = JSON.stringify(renderJson(verdictOf(findings)), null, 2);
    const baseline = readBaselineFingerprints(text, 'baseline.json');
    expect(baseline).toEqual(new Set(findings.map((f) => f.fingerprint)));
    const again = verdictOf(findings, { baseline });
    expect(again.verdict).toBe('pass');
    expect(again.findings.map((f) => f.status)).toEqual(['warn', 'warn']);
  });

  it.each([
    ['not JSON', '{ "version": 1,', /^\.security\/baseline\.json: baseline: not valid JSON/],
    ['a SARIF file', JSON.stringify({ version: '2.1.0', runs: [] }), /not a security-gate JSON report/],
    ['another version', JSON.stringify({ version: 2, findings: [] }), /expected "version": 1/],
    ['a finding without fingerprint', JSON.stringify({ version: 1, findings: [{ rule: 'x' }] }), /findings\[0\] has no "fingerprint"/],
    ['an array', '[]', /not a security-gate JSON report/],
  ])('throws a ConfigError naming the file for %s', (_name, text, message) => {
    let caught: unknown;
    try {
      readBaselineFingerprints(text, '.security/baseline.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).file).toBe('.security/baseline.json');
    expect((caught as ConfigError).message).toMatch(message);
    expect((caught as ConfigError).message).toContain('--format json');
  });
});

describe('baselineSnapshot', () => {
  const report = (fingerprints: string[]) => JSON.stringify({ version: 1, findings: fingerprints.map((fingerprint) => ({ fingerprint })) });

  it('reads the baseline named in the config from the tree it is given: a commit ignores later edits', async () => {
    const repo = gitRepo().commit('baseline', { '.github/baseline.json': report(['deps:a']) });
    repo.write({ '.github/baseline.json': report(['deps:a', 'secrets:b']) });
    const atCommit = await baselineSnapshot(await commitTree(repo.dir, repo.sha(0)), '.github/baseline.json');
    expect(atCommit).toEqual({ file: '.github/baseline.json', fingerprints: new Set(['deps:a']) });
    const onDisk = await baselineSnapshot(workingTree(repo.dir), '.github/baseline.json');
    expect(onDisk.fingerprints).toEqual(new Set(['deps:a', 'secrets:b']));
  });

  it('reads a baseline outside the repository (a downloaded report in RUNNER_TEMP) from disk', async () => {
    const repo = gitRepo().commit('empty');
    const outside = join(tempDir(), 'baseline.json');
    writeFileSync(outside, report(['deps:c']));
    const snapshot = await baselineSnapshot(await commitTree(repo.dir, repo.sha(0)), outside);
    expect(snapshot.fingerprints).toEqual(new Set(['deps:c']));
  });

  it('says the baseline file is missing, with the command that writes one', async () => {
    const repo = gitRepo().commit('empty');
    await expect(baselineSnapshot(workingTree(repo.dir), 'nope.json')).rejects.toThrow(
      /^nope\.json: baseline: baseline file not found; write a baseline with `security-gate scan --format json --output FILE`/,
    );
  });

  it('refuses a committed symlink that leads outside the repository', async () => {
    const repo = gitRepo().commit('empty');
    const outside = join(tempDir(), 'report.json');
    writeFileSync(outside, report(['deps:d']));
    symlinkSync(outside, join(repo.dir, 'baseline.json'));
    await expect(baselineSnapshot(workingTree(repo.dir), 'baseline.json')).rejects.toThrow(
      /^baseline\.json: is a symlink that leads outside the repository/,
    );
  });
});
