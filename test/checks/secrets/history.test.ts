// What history adds, read from real repositories: a moved file adds only what changed in it, a
// merge commit adds what it typed itself (a conflict resolution, an "evil merge"), and a commit
// message is history too.
import { afterAll, describe, expect, it } from 'vitest';
import { makeSecretsCheck } from '../../../src/checks/secrets/check.js';
import { COMMIT_MESSAGE_PATH } from '../../../src/checks/secrets/diff-parser.js';
import { configSchema } from '../../../src/config/schema.js';
import type { CheckResult, SecretDetails } from '../../../src/finding.js';
import { contextFor, type ContextWanted } from '../../support/context.js';
import { cleanupTempDirs, gitRepo, type GitRepo } from '../../support/git-repo.js';
import { TEST_RULES, awsKey, githubPat } from './test-rules.js';

afterAll(cleanupTempDirs);

const check = makeSecretsCheck(TEST_RULES);
const scan = async (repo: GitRepo, wanted: ContextWanted = {}): Promise<CheckResult> =>
  check(await contextFor(repo.dir, wanted), configSchema.parse({}));
const locations = (result: CheckResult) => result.findings.map((finding) => finding.location);
const lines = (count: number, prefix = 'line') => Array.from({ length: count }, (_, index) => `${prefix} ${index + 1}`);

describe('renames are not additions', () => {
  it('passes a pull request that only renames a folder holding an old test key', async () => {
    const key = awsKey(101);
    const repo = gitRepo().commit('fixtures', {
      'fixtures/keys/aws.env': `KEY=${key}\n`,
      'fixtures/keys/notes.md': `${lines(5).join('\n')}\n`,
    });
    repo.git('mv', 'fixtures', 'test-fixtures');
    repo.commit('move the fixtures');
    const pr = await scan(repo, { base: repo.sha(0), head: repo.sha(1) });
    expect(pr.errors).toEqual([]);
    expect(pr.findings).toEqual([]);
    expect(pr.stats).toMatchObject({ commits: 1, lines: 1 }); // the message's one line, nothing of the files
    // The whole history reports the key once, where it was added.
    expect(locations(await scan(repo))).toEqual([{ path: 'fixtures/keys/aws.env', line: 1, commit: repo.sha(0) }]);
  });

  it('finds a key added by a rename with a one-line edit, at the new path and line', async () => {
    const before = lines(20);
    const after = [...before];
    after.splice(12, 0, `AWS_KEY=${awsKey(102)}`); // new line 13
    const repo = gitRepo().commit('config', { 'conf/app.env': `${before.join('\n')}\n` });
    repo.git('mv', 'conf', 'deploy');
    repo.commit('move and edit', { 'deploy/app.env': `${after.join('\n')}\n` });
    expect(repo.git('show', '--stat', '-M', '--format=', 'HEAD')).toContain('{conf => deploy}/app.env');
    const pr = await scan(repo, { base: repo.sha(0), head: repo.sha(1) });
    expect(locations(pr)).toEqual([{ path: 'deploy/app.env', line: 13, commit: repo.sha(1) }]);
    expect(pr.stats).toMatchObject({ lines: 2 }); // the edited line and the message
  });
});

/** main and feature both change line 2 of conf.env; the merge resolves the conflict by hand. */
function conflictingBranches(): GitRepo {
  return gitRepo()
    .commit('base', { 'conf.env': 'A=1\nB=2\nC=3\n' })
    .branch('feature')
    .commit('feature', { 'conf.env': 'A=1\nB=feature\nC=3\n' })
    .checkout('main')
    .commit('main', { 'conf.env': 'A=1\nB=main\nC=3\n' });
}

function mergeFeature(repo: GitRepo, files: Record<string, string>): GitRepo {
  try {
    repo.git('merge', '-q', '--no-ff', '--no-commit', 'feature');
  } catch {
    // a conflict: resolved by the files below
  }
  return repo.commit('merge feature', files);
}

describe('merge commits', () => {
  it('finds a token typed while resolving a conflict, in pr and full mode', async () => {
    const token = githubPat(103);
    const repo = mergeFeature(conflictingBranches(), { 'conf.env': `A=1\nB=feature\nGH=${token}\nC=3\n` });
    const merge = repo.sha(-1);
    expect(repo.git('rev-list', '--parents', '-n1', merge).trim().split(' ')).toHaveLength(3);
    const expected = [{ path: 'conf.env', line: 3, commit: merge }];
    const pr = await scan(repo, { base: repo.sha(2), head: merge }); // main..merge: the feature commit and the merge
    expect(pr.errors).toEqual([]);
    expect(locations(pr)).toEqual(expected);
    expect(locations(await scan(repo))).toEqual(expected);
    // The merge brought `B=feature` from a parent: it was added (and scanned) in the feature commit, not here.
    expect(pr.stats).toMatchObject({ commits: 2 });
  });

  it('finds a key an "evil merge" adds to a file neither branch touched', async () => {
    const repo = gitRepo()
      .commit('base', { 'deploy/settings.env': 'REGION=eu\n' })
      .branch('feature')
      .commit('feature', { 'feature.txt': 'f\n' })
      .checkout('main')
      .commit('main', { 'main.txt': 'm\n' });
    mergeFeature(repo, { 'deploy/settings.env': `REGION=eu\nAWS_KEY=${awsKey(104)}\n` });
    const merge = repo.sha(-1);
    expect(locations(await scan(repo, { base: repo.sha(2), head: merge }))).toEqual([
      { path: 'deploy/settings.env', line: 2, commit: merge },
    ]);
    expect(locations(await scan(repo))).toEqual([{ path: 'deploy/settings.env', line: 2, commit: merge }]);
  });

  it('reports nothing for a clean merge of a branch that renamed a file the other edited', async () => {
    const key = awsKey(105);
    const repo = gitRepo()
      .commit('base', { 'old/k.env': `${lines(10).join('\n')}\nKEY=${key}\n` })
      .branch('feature');
    repo.git('mv', 'old', 'new');
    repo
      .commit('move')
      .checkout('main')
      .commit('edit', { 'old/k.env': `${lines(10, 'edited').join('\n')}\nKEY=${key}\n` });
    repo.git('merge', '-q', '--no-ff', '-m', 'merge', 'feature');
    const merge = repo.git('rev-parse', 'HEAD').trim();
    const pr = await scan(repo, { base: repo.sha(0), head: merge });
    expect(pr.errors).toEqual([]);
    expect(pr.findings).toEqual([]);
  });
});

describe('commit messages', () => {
  it('finds a key pasted into a commit message, at (commit message) and its line, redacted', async () => {
    const key = awsKey(106);
    const repo = gitRepo()
      .commit('base', { 'a.txt': 'a\n' })
      .commit(`ci: fix the deploy\n\nThe old key ${key} was wrong.`, { 'b.txt': 'b\n' }, { author: 'Grace Hopper' });
    const expected = [{ path: COMMIT_MESSAGE_PATH, line: 3, commit: repo.sha(1) }];
    const pr = await scan(repo, { base: repo.sha(0), head: repo.sha(1) });
    expect(locations(pr)).toEqual(expected);
    expect(pr.findings[0]).toMatchObject({ rule: 'test-aws-access-key-id', introduced: true, details: { author: 'Grace Hopper' } });
    expect((pr.findings[0]!.details as SecretDetails).redacted).toBe('AKIA****************');
    expect(JSON.stringify(pr)).not.toContain(key.slice(4));
    expect(locations(await scan(repo))).toEqual(expected);
  });

  it('scans the message of a merge commit too', async () => {
    const repo = mergeFeature(conflictingBranches(), { 'conf.env': 'A=1\nB=feature\nC=3\n' });
    repo.git('commit', '-q', '--amend', '-m', `merge feature\n\ntoken: ${githubPat(107)}`);
    const merge = repo.git('rev-parse', 'HEAD').trim();
    expect(locations(await scan(repo, { base: repo.sha(2), head: merge }))).toEqual([
      { path: COMMIT_MESSAGE_PATH, line: 3, commit: merge },
    ]);
  });
});
