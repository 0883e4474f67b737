// `--staged` (pre-commit): what `git add` staged is about to be committed, and nothing else is.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSecretsCheck } from '../../../src/checks/secrets/check.js';
import { configSchema } from '../../../src/config/schema.js';
import type { CheckResult, SecretDetails } from '../../../src/finding.js';
import { contextFor } from '../../support/context.js';
import { cleanupTempDirs, gitRepo, type GitRepo } from '../../support/git-repo.js';
import { TEST_RULES, awsKey, githubPat } from './test-rules.js';

afterAll(cleanupTempDirs);

const check = makeSecretsCheck(TEST_RULES);
const scanStaged = async (repo: GitRepo): Promise<CheckResult> =>
  check(await contextFor(repo.dir, { staged: true }), configSchema.parse({}));
const locations = (result: CheckResult) => result.findings.map((finding) => finding.location);

describe('scanning the staged changes', () => {
  it('reports a staged key with its path and line in the index, and not an unstaged one', async () => {
    const staged = awsKey(201);
    const repo = gitRepo().commit('base', { 'app.env': 'REGION=eu\n' });
    repo.write({ 'app.env': `REGION=eu\nAWS_KEY=${staged}\n` }).git('add', 'app.env');
    repo.write({ 'app.env': `REGION=eu\nAWS_KEY=${staged}\nTOKEN=${githubPat(202)}\n`, 'notes.env': `KEY=${awsKey(203)}\n` });
    const result = await scanStaged(repo);
    expect(result.errors).toEqual([]);
    expect(locations(result)).toEqual([{ path: 'app.env', line: 2 }]);
    expect(result.findings[0]).toMatchObject({ introduced: true, details: { redacted: 'AKIA****************' } });
    expect(JSON.stringify(result)).not.toContain(staged.slice(4));
    expect(result.stats).toMatchObject({ range: 'staged changes', commits: 0, lines: 1 });
    // Not committed yet: the advice is to take it out before the commit, not to purge history.
    expect(result.findings[0]!.message).toContain('is staged in app.env:2');
    expect(result.findings[0]!.message).not.toContain('git history');
  });

  it('does not report a staged removal, nor a staged rename of a file that already held a key', async () => {
    const repo = gitRepo().commit('keys', { 'old.env': `KEY=${awsKey(204)}\n`, 'fixtures/k.env': `KEY=${awsKey(205)}\n` });
    repo.git('rm', '-q', 'old.env');
    repo.git('mv', 'fixtures', 'test-fixtures');
    const result = await scanStaged(repo);
    expect(result.errors).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('works in a repository with no commit yet', async () => {
    const repo = gitRepo().write({ 'deploy/.env': `A=1\nGH=${githubPat(206)}\n` });
    repo.git('add', '-A');
    const result = await scanStaged(repo);
    expect(result.errors).toEqual([]);
    expect(locations(result)).toEqual([{ path: 'deploy/.env', line: 2 }]);
    expect((result.findings[0]!.details as SecretDetails).redacted).toMatch(/^ghp_\*+$/);
  });

  it('scans the index, not the working tree: a staged key deleted from the file afterwards is still reported', async () => {
    const repo = gitRepo().commit('base');
    repo.write({ 'k.env': `KEY=${awsKey(207)}\n` }).git('add', 'k.env');
    rmSync(join(repo.dir, 'k.env'));
    expect(locations(await scanStaged(repo))).toEqual([{ path: 'k.env', line: 1 }]);
  });
});
